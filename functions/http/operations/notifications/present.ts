import type { notifications } from '../../../db/schema';

type NotificationRow = typeof notifications.$inferSelect;

/** A notification as the API shows it (the `Notification` schema). */
export function presentNotification(row: NotificationRow) {
  return {
    id: row.id,
    type: row.type,
    severity: row.severity,
    title: row.title,
    body: row.body,
    link: row.link,
    data: row.data,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
