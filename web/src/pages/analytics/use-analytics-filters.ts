import { useSearchParams } from 'react-router';
import { filtersFromSearch, NO_FILTERS, searchWithFilters, type AnalyticsFilters } from './analytics-filters';

/**
 * The accounts, networks and custom range the analytics pages are narrowed to, read from and
 * written to the address (analytics-filters.ts). Changes replace the history entry, like the
 * period presets: back leaves analytics instead of stepping through every tick of a box.
 */
export function useAnalyticsFilters() {
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const setFilters = (patch: Partial<AnalyticsFilters>) =>
    setSearch((current) => searchWithFilters(current, { ...filtersFromSearch(current), ...patch }), {
      replace: true,
    });
  const clearFilters = () =>
    setSearch((current) => searchWithFilters(current, NO_FILTERS), { replace: true });
  return { filters, setFilters, clearFilters };
}
