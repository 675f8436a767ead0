import { useEffect, useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { INPUT_CLASS, inputRing } from '../../components/form/field-ids';
import { PLATFORM_LOOK, type Platform } from '../../publishing/platforms';
import { STATUS_LOOK, type PostStatus } from '../../publishing/statuses';
import { APPROVAL_LOOK, type ApprovalStatus } from './approval-look';
import { isFiltered, type PostFilters } from './post-filters';
import type { SocialAccount } from './types';

const LABEL = 'block text-xs font-medium text-slate-600';
const CONTROL = `${INPUT_CLASS} ${inputRing(null)} mt-1`;

/**
 * The list's filters. Choices apply at once; the search applies on Enter (or the button),
 * so the URL does not change on every keystroke.
 */
export function PostFiltersForm({
  filters,
  accounts,
  onChange,
}: {
  filters: PostFilters;
  accounts: SocialAccount[];
  onChange: (next: PostFilters) => void;
}) {
  const id = useId();
  const [search, setSearch] = useState(filters.q ?? '');
  // Back/forward changes the URL under the form: follow it.
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);

  const set = (patch: Partial<PostFilters>) => onChange({ ...filters, ...patch, page: 1 });
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    set({ q: search.trim() || undefined });
  };

  return (
    <form
      role="search"
      aria-label="Filter posts"
      onSubmit={submitSearch}
      className="grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-xs md:grid-cols-3 xl:grid-cols-7"
    >
      <div className="col-span-2 md:col-span-3 xl:col-span-2">
        <label htmlFor={`${id}-q`} className={LABEL}>
          Search
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id={`${id}-q`}
            type="search"
            value={search}
            maxLength={200}
            placeholder="Words in the title or text"
            onChange={(event) => setSearch(event.target.value)}
            className={`${INPUT_CLASS} ${inputRing(null)}`}
          />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-status`} className={LABEL}>
          Status
        </label>
        <select
          id={`${id}-status`}
          value={filters.status ?? ''}
          onChange={(event) => set({ status: (event.target.value || undefined) as PostStatus | undefined })}
          className={CONTROL}
        >
          <option value="">Any status</option>
          {Object.entries(STATUS_LOOK).map(([value, look]) => (
            <option key={value} value={value}>
              {look.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-approval`} className={LABEL}>
          Approval
        </label>
        <select
          id={`${id}-approval`}
          value={filters.approval ?? ''}
          onChange={(event) =>
            set({ approval: (event.target.value || undefined) as ApprovalStatus | undefined })
          }
          className={CONTROL}
        >
          <option value="">Any approval</option>
          <option value="in_review">Awaiting approval</option>
          {(['pending', 'changes_requested', 'approved', 'not_required'] as const).map((value) => (
            <option key={value} value={value}>
              {APPROVAL_LOOK[value].label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-network`} className={LABEL}>
          Network
        </label>
        <select
          id={`${id}-network`}
          value={filters.platform ?? ''}
          onChange={(event) => set({ platform: (event.target.value || undefined) as Platform | undefined })}
          className={CONTROL}
        >
          <option value="">Any network</option>
          {Object.entries(PLATFORM_LOOK).map(([value, look]) => (
            <option key={value} value={value}>
              {look.name}
            </option>
          ))}
        </select>
      </div>
      <div className="col-span-2 md:col-span-1">
        <label htmlFor={`${id}-account`} className={LABEL}>
          Account
        </label>
        <select
          id={`${id}-account`}
          value={filters.accountId ?? ''}
          onChange={(event) => set({ accountId: event.target.value || undefined })}
          className={CONTROL}
        >
          <option value="">Any account</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name ?? account.handle ?? account.accountId} ({account.platformName})
            </option>
          ))}
        </select>
      </div>
      <div className="col-span-2 grid grid-cols-2 gap-3 md:col-span-3 xl:col-span-7 xl:flex xl:items-end">
        <div>
          <label htmlFor={`${id}-from`} className={LABEL}>
            From
          </label>
          <input
            id={`${id}-from`}
            type="date"
            value={filters.from ?? ''}
            max={filters.to}
            onChange={(event) => set({ from: event.target.value || undefined })}
            className={CONTROL}
          />
        </div>
        <div>
          <label htmlFor={`${id}-to`} className={LABEL}>
            To
          </label>
          <input
            id={`${id}-to`}
            type="date"
            value={filters.to ?? ''}
            min={filters.from}
            onChange={(event) => set({ to: event.target.value || undefined })}
            className={CONTROL}
          />
        </div>
        {isFiltered(filters) ? (
          <Button
            variant="ghost"
            className="col-span-2 justify-self-start"
            onClick={() => {
              setSearch('');
              onChange({ page: 1 });
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </div>
    </form>
  );
}
