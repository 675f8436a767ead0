import { and, eq } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { notificationSettings, type NotificationPreferences } from '../../db/schema';
import {
  emailEnabled,
  inAppEnabled,
  notificationTypes,
  type NotificationTypeInfo,
} from './notification-types';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

export interface EffectivePreference extends NotificationTypeInfo {
  inApp: boolean;
  email: boolean;
}

/** The switches of one type as the API names them; a missing one is left as it is. */
export interface ChannelChange {
  inApp?: boolean;
  email?: boolean;
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

/** Every catalogued type with the settings that apply to it, defaults filled in. */
export function effectivePreferences(preferences: NotificationPreferences): EffectivePreference[] {
  return notificationTypes().map((info) => ({
    ...info,
    inApp: inAppEnabled(preferences, info.type),
    email: emailEnabled(preferences, info.type),
  }));
}

/**
 * Applies switches to stored preferences. Channels and types left out keep their stored
 * values (or keep following the default when never set).
 */
export function mergePreferences(
  stored: NotificationPreferences,
  changes: Record<string, ChannelChange>,
): NotificationPreferences {
  const merged: NotificationPreferences = { ...stored };
  for (const [type, change] of Object.entries(changes)) {
    merged[type] = {
      ...stored[type],
      ...(change.inApp === undefined ? {} : { in_app: change.inApp }),
      ...(change.email === undefined ? {} : { email: change.email }),
    };
  }
  return merged;
}
