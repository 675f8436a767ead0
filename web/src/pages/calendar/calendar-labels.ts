import type { CalendarPosition } from './calendar-range';
import { plainDateAsUtc, sameMonth, type PlainDate } from '../../lib/plain-date';

/**
 * Words for dates in the browser's locale. Plain dates are formatted as UTC midnights in
 * UTC, so the viewer's zone can never shift them to the neighbouring day.
 */
const format = (date: PlainDate, options: Intl.DateTimeFormatOptions, locale?: string) =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(plainDateAsUtc(date));

/** "Thursday 26 November 2026": a day's accessible name. */
export const longDay = (date: PlainDate, locale?: string) =>
  format(date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, locale);

/** "Thu 26": a week column's heading. */
export const shortDay = (date: PlainDate, locale?: string) =>
  format(date, { weekday: 'short', day: 'numeric' }, locale);

export const weekdayName = (date: PlainDate, locale?: string) => format(date, { weekday: 'short' }, locale);

/** The period shown, for the toolbar: "November 2026", "22 – 28 Nov 2026", or the day. */
export function periodTitle(position: CalendarPosition, days: PlainDate[], locale?: string): string {
  if (position.view === 'month') return format(position.date, { month: 'long', year: 'numeric' }, locale);
  if (position.view === 'day') return longDay(position.date, locale);
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const range = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }) as Intl.DateTimeFormat & { formatRange?: (a: Date, b: Date) => string };
  if (range.formatRange) return range.formatRange(plainDateAsUtc(first), plainDateAsUtc(last));
  return sameMonth(first, last)
    ? `${format(first, { day: 'numeric' }, locale)} – ${range.format(plainDateAsUtc(last))}`
    : `${range.format(plainDateAsUtc(first))} – ${range.format(plainDateAsUtc(last))}`;
}
