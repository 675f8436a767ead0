import type { PlainDate } from '../../lib/plain-date';
import { instantOfWallTime, wallClockAt } from '../../lib/zoned-time';

/** The wall time a new post from an empty day starts at. */
const DEFAULT_MINUTES = 9 * 60;

/**
 * `/compose?at=<instant>` for the "+" of an empty day: 09:00 that day in the viewer's zone,
 * or the next full hour when today is already past 09:00; null for days already over.
 */
export function composeHref(date: PlainDate, nowMs: number, timeZone: string): string | null {
  const now = wallClockAt(nowMs, timeZone);
  if (date < now.date) return null;
  let minutes = DEFAULT_MINUTES;
  if (date === now.date && now.minutes >= DEFAULT_MINUTES) {
    minutes = (Math.floor(now.minutes / 60) + 1) * 60;
    if (minutes >= 24 * 60) return null;
  }
  // A skipped hour has no instant; the hour after it always exists.
  const instant =
    instantOfWallTime(date, minutes, timeZone) ?? instantOfWallTime(date, minutes + 60, timeZone);
  return instant === null ? null : `/compose?at=${encodeURIComponent(new Date(instant).toISOString())}`;
}
