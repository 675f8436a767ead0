import { useSignedInUser } from '../../auth/use-session';
import { addDays } from '../../lib/plain-date';
import { browserTimeZone } from '../../lib/time-zones';
import { wallClockAt } from '../../lib/zoned-time';

/** The home page's days: the last 7 (headline figures) and the next 14 (the queue). */
export function useHomeRange() {
  const { user } = useSignedInUser();
  const timeZone = user.timezone || browserTimeZone();
  const today = wallClockAt(Date.now(), timeZone).date;
  return {
    timeZone,
    lastWeek: { from: addDays(today, -6), to: today, timeZone },
    nextDays: { from: today, to: addDays(today, 13), timeZone },
  };
}
