import { Link } from 'react-router';
import { Icon } from '../../components/Icon';
import { bellBadgeText, bellLabel } from './unread-count';
import { useUnreadCount } from './use-unread-count';

/** The top bar's way to the notifications, with the unread count (capped at 99+). */
export function NotificationBell() {
  const unread = useUnreadCount();
  // Until the count is known (or when it cannot be read) the bell is a plain link.
  const count = unread.data ?? 0;
  const badge = bellBadgeText(count);
  return (
    <Link
      to="/notifications"
      aria-label={unread.data === undefined ? 'Notifications' : bellLabel(count)}
      data-unread-count={unread.data ?? ''}
      className="relative rounded-lg p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
    >
      <Icon name="notifications" />
      {badge ? (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -right-1 flex h-4 min-w-4 items-center justify-center rounded-full bg-rose-600 px-1 text-[10px] leading-none font-semibold text-white ring-2 ring-white"
        >
          {badge}
        </span>
      ) : null}
    </Link>
  );
}
