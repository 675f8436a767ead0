import { useSearchParams } from 'react-router';
import { useSignedInUser } from '../../auth/use-session';
import { browserTimeZone } from '../../lib/time-zones';
import { addDays } from '../../lib/plain-date';
import { wallClockAt } from '../../lib/zoned-time';
import { FILTER_PARAMS, scopeQuery } from './analytics-filters';
import { useAnalyticsFilters } from './use-analytics-filters';

export const RANGE_PRESETS = [7, 28, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
const DEFAULT_DAYS: RangePreset = 28;

/**
 * The last N days up to today, as the viewer's calendar has them (their zone's midnight), or
 * the custom days chosen; narrowed to the chosen accounts and networks (use-analytics-filters.ts).
 * The choice lives in the address (`?days=7`, `?from=…&to=…`), so it survives moving between the
 * analytics pages and a link shows the same period. `query` is what every analytics read takes.
 */
export function useAnalyticsRange() {
  const { user } = useSignedInUser();
  const [search, setSearch] = useSearchParams();
  const { filters } = useAnalyticsFilters();
  const timeZone = user.timezone || browserTimeZone();
  const asked = Number(search.get('days'));
  const preset = (RANGE_PRESETS as readonly number[]).includes(asked) ? (asked as RangePreset) : DEFAULT_DAYS;
  /** The pressed preset; null while a custom range is shown. */
  const days: RangePreset | null = filters.range ? null : preset;
  const setDays = (next: RangePreset) =>
    setSearch(
      (current) => {
        const updated = new URLSearchParams(current);
        // A preset replaces a custom range.
        updated.delete(FILTER_PARAMS.from);
        updated.delete(FILTER_PARAMS.to);
        if (next === DEFAULT_DAYS) updated.delete('days');
        else updated.set('days', String(next));
        return updated;
      },
      { replace: true },
    );
  const today = wallClockAt(Date.now(), timeZone).date;
  const from = filters.range?.from ?? addDays(today, -(preset - 1));
  const to = filters.range?.to ?? today;
  return { days, setDays, timeZone, filters, query: { from, to, timeZone, ...scopeQuery(filters) } };
}
