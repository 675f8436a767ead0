import { and, eq } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { notificationSettings, type NotificationPreferences } from '../../db/schema';
import { inAppEnabled, notificationTypes, type NotificationTypeInfo } from './notification-types';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

export interface EffectivePreference extends NotificationTypeInfo {
  inApp: boolean;
}

/** A person's stored preferences in one organization (empty when they never changed any). */
export async function loadPreferences(
  tx: Tx,
  organizationId: string,
  userId: string,
): Promise<NotificationPreferences> {
  const [row] = await tx
    .select({ preferences: notificationSettings.preferences })
    .from(notificationSettings)
    .where(
      and(eq(notificationSettings.organizationId, organizationId), eq(notificationSettings.userId, userId)),
    );
  return row?.preferences ?? {};
}

/** Every catalogued type with the setting that applies to it, defaults filled in. */
export function effectivePreferences(preferences: NotificationPreferences): EffectivePreference[] {
  return notificationTypes().map((info) => ({ ...info, inApp: inAppEnabled(preferences, info.type) }));
}

/**
 * Applies in-app switches to stored preferences. Other channels (`email`) and types left out
 * keep their stored values.
 */
export function mergeInApp(
  stored: NotificationPreferences,
  changes: Record<string, boolean>,
): NotificationPreferences {
  const merged: NotificationPreferences = { ...stored };
  for (const [type, inApp] of Object.entries(changes)) merged[type] = { ...stored[type], in_app: inApp };
  return merged;
}
