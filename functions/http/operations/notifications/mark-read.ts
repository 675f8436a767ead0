import { sql } from 'drizzle-orm';
import { notifications } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { HttpProblem } from '../../problem';
import { ownNotification } from './own-notification';
import { presentNotification } from './present';

/** Marks one of the caller's notifications read; again is harmless and keeps the first time. */
export const markNotificationRead: Operation<'markNotificationRead'> = async (
  { params },
  { container, auth },
) => {
  const now = container.clock.now();
  const [row] = await withTenant(container.db, auth.organizationId, (tx) =>
    tx
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
      .where(ownNotification(auth, params.id))
      .returning(),
  );
  if (!row) throw new HttpProblem(404, 'not_found', 'No such notification.');
  return { body: presentNotification(row) };
};
