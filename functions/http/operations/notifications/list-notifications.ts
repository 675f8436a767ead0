import { and, count, desc, isNotNull, isNull } from 'drizzle-orm';
import { notifications } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { ownNotification } from './own-notification';
import { presentNotification } from './present';

/** The caller's notifications in the current organization, newest first, with the unread count. */
export const listNotifications: Operation<'listNotifications'> = async ({ query }, { container, auth }) => {
  const input = query;
  const mine = ownNotification(auth);
  const readFilter =
    input.unread === true
      ? isNull(notifications.readAt)
      : input.unread === false
        ? isNotNull(notifications.readAt)
        : undefined;
  const where = and(mine, readFilter);
  const { rows, total, unreadCount } = await withTenant(container.db, auth.organizationId, async (tx) => {
    const rows = await tx
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize);
    const [counted] = await tx.select({ n: count() }).from(notifications).where(where);
    const [unread] = await tx
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt)));
    return { rows, total: counted?.n ?? 0, unreadCount: unread?.n ?? 0 };
  });
  return {
    body: {
      items: rows.map(presentNotification),
      page: input.page,
      pageSize: input.pageSize,
      total,
      unreadCount,
    },
  };
};
