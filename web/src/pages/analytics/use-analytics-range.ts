import { useSearchParams } from 'react-router';
import { useSignedInUser } from '../../auth/use-session';
import { browserTimeZone } from '../../lib/time-zones';
import { addDays } from '../../lib/plain-date';
import { wallClockAt } from '../../lib/zoned-time';

export const RANGE_PRESETS = [7, 28, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
const DEFAULT_DAYS: RangePreset = 28;

/**
 * The last N days up to today, as the viewer's calendar has them (their zone's midnight). The
 * choice lives in the address (`?days=7`), so it survives moving between the analytics pages
 * and a link shows the same period.
 */
export function useAnalyticsRange() {
  const { user } = useSignedInUser();
  const [search, setSearch] = useSearchParams();
  const timeZone = user.timezone || browserTimeZone();
  const asked = Number(search.get('days'));
  const days = (RANGE_PRESETS as readonly number[]).includes(asked) ? (asked as RangePreset) : DEFAULT_DAYS;
  const setDays = (next: RangePreset) =>
    setSearch(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === DEFAULT_DAYS) updated.delete('days');
        else updated.set('days', String(next));
        return updated;
      },
      { replace: true },
    );
  const today = wallClockAt(Date.now(), timeZone).date;
  const from = addDays(today, -(days - 1));
  return { days, setDays, timeZone, query: { from, to: today, timeZone } };
}
