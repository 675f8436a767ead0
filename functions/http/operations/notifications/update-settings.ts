import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import {
  effectivePreferences,
  mergePreferences,
  type ChannelChange,
} from '../../../core/notifications/notification-settings';
import {
  emailEnabled,
  inAppEnabled,
  isNotificationType,
} from '../../../core/notifications/notification-types';
import { notificationSettings, type NotificationPreferences } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation, OperationInput } from '../../operation';
import { HttpProblem } from '../../problem';
import { auditActor } from '../../request-origin';

type UpdateBody = OperationInput<'updateNotificationSettings'>['body'];

/** Refuses the whole request when one type is unknown, so a typo never half-applies. */
function refuseUnknownTypes(preferences: UpdateBody['preferences']): void {
  const unknown = Object.keys(preferences).filter((type) => !isNotificationType(type));
  if (unknown.length === 0) return;
  throw new HttpProblem(400, 'validation_failed', 'Some fields are invalid; see `errors`.', {
    errors: unknown.map((type) => ({
      field: `body.preferences.${type}`,
      message: `Unknown notification type ${JSON.stringify(type)}`,
    })),
  });
}

/** The switches that really change, as they were and as they become (for the audit). */
function actualChanges(stored: NotificationPreferences, requested: UpdateBody['preferences']) {
  const changes: Record<string, ChannelChange> = {};
  const before: Record<string, ChannelChange> = {};
  const after: Record<string, ChannelChange> = {};
  for (const [type, { inApp, email }] of Object.entries(requested)) {
    const change: ChannelChange = {};
    const was: ChannelChange = {};
    if (inApp !== undefined && inAppEnabled(stored, type) !== inApp) {
      change.inApp = inApp;
      was.inApp = !inApp;
    }
    if (email !== undefined && emailEnabled(stored, type) !== email) {
      change.email = email;
      was.email = !email;
    }
    if (Object.keys(change).length === 0) continue;
    changes[type] = change;
    before[type] = was;
    after[type] = change;
  }
  return { changes, before, after };
}

/**
 * Switches event types on or off, in the app and by email, for the caller. Types and channels
 * left out keep their setting. One audit entry when something changed.
 */
export const updateNotificationSettings: Operation<'updateNotificationSettings'> = async (
  { body },
  { container, event, auth },
) => {
  const { preferences } = body;
  refuseUnknownTypes(preferences);
  const { organizationId, userId } = auth;
  const merged = await withTenant(container.db, organizationId, async (tx) => {
    const mine = and(
      eq(notificationSettings.organizationId, organizationId),
      eq(notificationSettings.userId, userId),
    );
    // Create the row first so two concurrent updates queue on its lock instead of racing to insert.
    await tx.insert(notificationSettings).values({ organizationId, userId }).onConflictDoNothing();
    const [row] = await tx.select().from(notificationSettings).where(mine).for('update');
    const stored = row?.preferences ?? {};
    const { changes, before, after } = actualChanges(stored, preferences);
    if (Object.keys(changes).length === 0) return stored;
    const merged = mergePreferences(stored, changes);
    await tx
      .update(notificationSettings)
      .set({ preferences: merged, updatedAt: container.clock.now() })
      .where(mine);
    await recordAudit(tx, auditActor(event, auth), {
      action: 'update',
      resourceType: 'notification_settings',
      resourceId: row?.id ?? null,
      oldValues: { preferences: before },
      newValues: { preferences: after },
    });
    return merged;
  });
  return { body: { preferences: effectivePreferences(merged) } };
};
