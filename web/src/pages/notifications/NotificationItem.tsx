import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { formatDateTime, formatRelative } from '../../lib/dates';
import { dashboardPath, severityLook, type Notification } from './notification-look';

/** One notification: severity, what happened, when, where to look, and its two actions. */
export function NotificationItem({
  notification,
  timeZone,
  busy,
  onOpen,
  onMarkRead,
  onDelete,
}: {
  notification: Notification;
  timeZone: string;
  /** A write on this notification is running. */
  busy: boolean;
  /** Following its link: the page marks it read on the way. */
  onOpen: () => void;
  onMarkRead: () => void;
  onDelete: () => void;
}) {
  const look = severityLook(notification.severity);
  const unread = notification.readAt === null;
  const path = dashboardPath(notification.link);
  const title = (
    <>
      <span className="sr-only">{`${look.label}${unread ? ', unread' : ''}: `}</span>
      {notification.title}
    </>
  );
  return (
    <li
      data-notification-id={notification.id}
      data-severity={notification.severity}
      data-unread={unread}
      className={`flex gap-3 border-l-4 px-4 py-4 sm:px-5 ${look.stripe} ${unread ? 'bg-brand-50/40' : 'bg-white'}`}
    >
      <span
        aria-hidden="true"
        className={`mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full ${look.badge}`}
      >
        <Icon name={look.icon} className="size-4" />
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
          <h3 className={`text-sm ${unread ? 'font-semibold text-slate-900' : 'font-medium text-slate-700'}`}>
            {path ? (
              <Link
                to={path}
                onClick={onOpen}
                className="relative inline-block hover:underline focus-visible:underline"
              >
                {title}
              </Link>
            ) : (
              title
            )}
          </h3>
          {unread ? (
            <span aria-hidden="true" className="size-2 shrink-0 self-center rounded-full bg-brand-600" />
          ) : null}
          <time
            dateTime={notification.createdAt}
            title={formatDateTime(notification.createdAt, timeZone)}
            className="text-xs text-slate-500"
          >
            {formatRelative(notification.createdAt)}
          </time>
        </div>
        {notification.body ? (
          <p className="mt-1 text-sm leading-6 break-words text-slate-600">{notification.body}</p>
        ) : null}
      </div>
      <div className="flex shrink-0 items-start gap-1">
        {unread ? (
          // The visible words open the name (speech users say what they see); the title tells them apart.
          <Button
            variant="ghost"
            size="sm"
            disabled={busy}
            onClick={onMarkRead}
            aria-label={`Mark as read: ${notification.title}`}
          >
            Mark as read
          </Button>
        ) : null}
        <Button
          variant="dangerGhost"
          size="sm"
          disabled={busy}
          onClick={onDelete}
          aria-label={`Delete: ${notification.title}`}
        >
          Delete
        </Button>
      </div>
    </li>
  );
}
