import { useEffect, useId, useState } from 'react';
import { Button } from '../../components/Button';
import { INPUT_CLASS, inputRing } from '../../components/form/field-ids';
import {
  hasFilters,
  KIND_OPTIONS,
  STATUS_OPTIONS,
  USAGE_OPTIONS,
  withFilter,
  type MediaFilters,
} from './media-filters';

/** Typing settles for this long before the list is asked again. */
const SEARCH_DELAY_MS = 300;

export function MediaFiltersBar({
  filters,
  onChange,
}: {
  filters: MediaFilters;
  onChange: (next: MediaFilters, options?: { replace?: boolean }) => void;
}) {
  const id = useId();
  const [search, setSearch] = useState(filters.search ?? '');

  // Back/Forward (or "Clear filters") changes the address bar: follow it.
  useEffect(() => setSearch(filters.search ?? ''), [filters.search]);

  useEffect(() => {
    const wanted = search.trim() || undefined;
    if (wanted === filters.search) return;
    const timer = setTimeout(
      () => onChange(withFilter(filters, { search: wanted }), { replace: true }),
      SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [search, filters, onChange]);

  const select = (
    name: 'kind' | 'usage' | 'status',
    label: string,
    allLabel: string,
    options: readonly { value: string; label: string }[],
  ) => (
    <div>
      <label htmlFor={`${id}-${name}`} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select
        id={`${id}-${name}`}
        value={filters[name] ?? ''}
        onChange={(event) => onChange(withFilter(filters, { [name]: event.target.value || undefined }))}
        className={`${INPUT_CLASS} ${inputRing(false)} mt-1 pr-8`}
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      role="search"
      aria-label="Filter media"
      onSubmit={(event) => {
        event.preventDefault();
        onChange(withFilter(filters, { search: search.trim() || undefined }), { replace: true });
      }}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_auto] lg:items-end"
    >
      <div>
        <label htmlFor={`${id}-search`} className="block text-xs font-medium text-slate-600">
          Search
        </label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          maxLength={100}
          placeholder="File name or alt text"
          onChange={(event) => setSearch(event.target.value)}
          className={`${INPUT_CLASS} ${inputRing(false)} mt-1`}
        />
      </div>
      {select('kind', 'Kind', 'All kinds', KIND_OPTIONS)}
      {select('usage', 'Usage', 'Used or not', USAGE_OPTIONS)}
      {select('status', 'Status', 'Any status', STATUS_OPTIONS)}
      <Button
        variant="ghost"
        disabled={!hasFilters(filters)}
        onClick={() => onChange({ page: 1 })}
        className="lg:mb-0.5"
      >
        Clear filters
      </Button>
    </form>
  );
}
