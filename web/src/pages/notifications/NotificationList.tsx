import { useState } from 'react';
import { isApiProblem } from '../../api/problem';
import { FormProblem } from '../../components/FormProblem';
import { NotificationItem } from './NotificationItem';
import type { Notification } from './notification-look';
import { useNotificationActions } from './use-notification-actions';

/** The notifications of one page, newest first, each with its own actions. */
export function NotificationList({
  notifications,
  timeZone,
  onAnnounce,
}: {
  notifications: Notification[];
  timeZone: string;
  onAnnounce: (message: string) => void;
}) {
  const { markRead, remove } = useNotificationActions();
  // The notification whose write runs; its buttons wait, the others stay usable.
  const [busyId, setBusyId] = useState<string | null>(null);
  const problem = [markRead.error, remove.error].find(isApiProblem) ?? null;
  const settle = () => setBusyId(null);

  return (
    <div className="space-y-3">
      <FormProblem problem={problem} />
      <ul
        aria-label="Notifications"
        className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs"
      >
        {notifications.map((notification) => (
          <NotificationItem
            key={notification.id}
            notification={notification}
            timeZone={timeZone}
            busy={busyId === notification.id}
            onOpen={() => {
              if (notification.readAt === null) markRead.mutate(notification.id);
            }}
            onMarkRead={() => {
              setBusyId(notification.id);
              markRead.mutate(notification.id, {
                onSuccess: () => onAnnounce(`“${notification.title}” marked as read.`),
                onSettled: settle,
              });
            }}
            onDelete={() => {
              setBusyId(notification.id);
              remove.mutate(notification.id, {
                onSuccess: () => onAnnounce(`“${notification.title}” deleted.`),
                onSettled: settle,
              });
            }}
          />
        ))}
      </ul>
    </div>
  );
}
