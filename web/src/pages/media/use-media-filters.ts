import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { filtersFromSearchParams, filtersToSearchParams, type MediaFilters } from './media-filters';

/**
 * The library's filters, read from and written to the address bar. Typing a search replaces
 * the history entry (Back should not replay every keystroke); other changes add one.
 */
export function useMediaFilters(): [
  MediaFilters,
  (next: MediaFilters, options?: { replace?: boolean }) => void,
] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(params), [params]);
  const setFilters = useCallback(
    (next: MediaFilters, options: { replace?: boolean } = {}) =>
      setParams(filtersToSearchParams(next), { replace: options.replace ?? false }),
    [setParams],
  );
  return [filters, setFilters];
}
