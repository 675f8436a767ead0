import { notifications } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { HttpProblem } from '../../problem';
import { ownNotification } from './own-notification';

/** Deletes one of the caller's notifications for good. */
export const deleteNotification: Operation<'deleteNotification'> = async (
  { params },
  { container, auth },
) => {
  const deleted = await withTenant(container.db, auth.organizationId, (tx) =>
    tx.delete(notifications).where(ownNotification(auth, params.id)).returning({ id: notifications.id }),
  );
  if (deleted.length === 0) throw new HttpProblem(404, 'not_found', 'No such notification.');
  return { status: 204 };
};
