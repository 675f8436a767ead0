import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { effectivePreferences, mergeInApp } from '../../../core/notifications/notification-settings';
import { inAppEnabled, isNotificationType } from '../../../core/notifications/notification-types';
import { notificationSettings } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../area-handler';
import { HttpProblem } from '../../problem';
import { auditActor } from '../../request-origin';

interface UpdateBody {
  preferences: Record<string, { inApp: boolean }>;
}

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

/**
 * Switches event types on or off in the app for the caller. Types left out keep their setting,
 * and the stored email choices are never touched. One audit entry when something changed.
 */
export const updateNotificationSettings: Operation = async ({ body }, { container, event, auth }) => {
  const { preferences } = body as UpdateBody;
  refuseUnknownTypes(preferences);
  const { organizationId, userId } = auth!;
  const merged = await withTenant(container.db, organizationId, async (tx) => {
    const mine = and(
      eq(notificationSettings.organizationId, organizationId),
      eq(notificationSettings.userId, userId),
    );
    // Create the row first so two concurrent updates queue on its lock instead of racing to insert.
    await tx.insert(notificationSettings).values({ organizationId, userId }).onConflictDoNothing();
    const [row] = await tx.select().from(notificationSettings).where(mine).for('update');
    const stored = row?.preferences ?? {};
    const changes: Record<string, boolean> = {};
    const before: Record<string, { inApp: boolean }> = {};
    const after: Record<string, { inApp: boolean }> = {};
    for (const [type, { inApp }] of Object.entries(preferences)) {
      if (inAppEnabled(stored, type) === inApp) continue;
      changes[type] = inApp;
      before[type] = { inApp: !inApp };
      after[type] = { inApp };
    }
    if (Object.keys(changes).length === 0) return stored;
    const merged = mergeInApp(stored, changes);
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
