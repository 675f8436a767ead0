import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  filtersFromSearchParams,
  searchParamsFromFilters,
  type NotificationFilters,
} from './notification-filters';

/** The list's filter and page, read from and written to the address bar. */
export function useNotificationFilters(): [NotificationFilters, (next: NotificationFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(params), [params]);
  const setFilters = useCallback(
    (next: NotificationFilters) => setParams(searchParamsFromFilters(next)),
    [setParams],
  );
  return [filters, setFilters];
}
