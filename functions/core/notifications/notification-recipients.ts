import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { notificationSettings, users } from '../../db/schema';
import { emailEnabled, inAppEnabled, type NotificationType } from './notification-types';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

export interface NotificationRecipient {
  userId: string;
  inApp: boolean;
  email: boolean;
}

/**
 * How each of `userIds` wants to hear about `type`, read in the caller's transaction so the
 * notification follows the settings as they were when the event happened. People who switched
 * both channels off are left out. Email also needs a verified address of an active account:
 * Plume does not mail addresses nobody proved they own (as for invitations).
 */
export async function notificationRecipients(
  tx: Tx,
  organizationId: string,
  userIds: readonly string[],
  type: NotificationType,
): Promise<NotificationRecipient[]> {
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
  const mailable = new Set(
    (
      await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            inArray(users.id, unique),
            eq(users.emailVerified, true),
            eq(users.isActive, true),
            isNull(users.deletedAt),
          ),
        )
    ).map((row) => row.id),
  );
  return unique
    .map((userId) => ({
      userId,
      inApp: inAppEnabled(preferencesOf.get(userId), type),
      email: emailEnabled(preferencesOf.get(userId), type) && mailable.has(userId),
    }))
    .filter((recipient) => recipient.inApp || recipient.email);
}
