import { and, isNull } from 'drizzle-orm';
import { notifications } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { ownNotification } from './own-notification';

/** Marks every unread notification of the caller in this organization read, at one instant. */
export const markAllNotificationsRead: Operation<'markAllNotificationsRead'> = async (
  _input,
  { container, auth },
) => {
  const updated = await withTenant(container.db, auth.organizationId, (tx) =>
    tx
      .update(notifications)
      .set({ readAt: container.clock.now() })
      .where(and(ownNotification(auth), isNull(notifications.readAt)))
      .returning({ id: notifications.id }),
  );
  return { body: { updated: updated.length } };
};
