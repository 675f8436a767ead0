import { effectivePreferences, loadPreferences } from '../../../core/notifications/notification-settings';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';

/** The caller's in-app and email switches for every event type, in this organization. */
export const getNotificationSettings: Operation<'getNotificationSettings'> = async (
  _input,
  { container, auth },
) => {
  const stored = await withTenant(container.db, auth.organizationId, (tx) =>
    loadPreferences(tx, auth.organizationId, auth.userId),
  );
  return { body: { preferences: effectivePreferences(stored) } };
};
