import { and, eq, inArray } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { notificationSettings } from '../../db/schema';
import { inAppEnabled, type NotificationType } from './notification-types';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

/**
 * The people among `userIds` who keep `type` on in the app, read in the caller's transaction so
 * the notification follows the settings as they were when the event happened.
 */
export async function inAppRecipients(
  tx: Tx,
  organizationId: string,
  userIds: readonly string[],
  type: NotificationType,
): Promise<string[]> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return [];
  const stored = await tx
    .select({ userId: notificationSettings.userId, preferences: notificationSettings.preferences })
    .from(notificationSettings)
    .where(
      and(
        eq(notificationSettings.organizationId, organizationId),
        inArray(notificationSettings.userId, unique),
      ),
    );
  const preferencesOf = new Map(stored.map((row) => [row.userId, row.preferences]));
  return unique.filter((userId) => inAppEnabled(preferencesOf.get(userId), type));
}
