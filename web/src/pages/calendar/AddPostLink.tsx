import { Link } from 'react-router';
import { Icon } from '../../components/Icon';
import { longDay } from './calendar-labels';
import { composeHref } from './compose-link';
import type { PlainDate } from '../../lib/plain-date';

/** The "+" of an empty day: opens the composer at that day (09:00, or the next hour today). */
export function AddPostLink({ date, nowMs, timeZone }: { date: PlainDate; nowMs: number; timeZone: string }) {
  const href = composeHref(date, nowMs, timeZone);
  if (!href) return null;
  return (
    <Link
      to={href}
      aria-label={`New post on ${longDay(date)}`}
      title="New post on this day"
      className="inline-flex size-6 items-center justify-center rounded-md text-slate-400 hover:bg-indigo-50 hover:text-indigo-700"
    >
      <Icon name="plus" className="size-4" />
    </Link>
  );
}
