import { useState } from 'react';
import { Button } from '../../../components/Button';
import { PLATFORM_LOOK, type Platform } from '../../../publishing/platforms';
import { useSocialAccounts } from '../../posts/use-post-lookups';
import { isFiltered } from '../analytics-filters';
import { useAnalyticsFilters } from '../use-analytics-filters';
import { ChoiceList } from './ChoiceList';
import { CustomRangeForm } from './CustomRangeForm';
import { filterSummary } from './filter-summary';

/**
 * Narrows every analytics page to some networks, some accounts, or custom days. Folded away
 * behind a disclosure (a native <details>: keyboard and screen reader work as they do anywhere)
 * so a phone keeps the figures in sight; its summary says what is applied even while closed.
 */
export function AnalyticsFilterPanel({ from, to }: { from: string; to: string }) {
  const { filters, setFilters, clearFilters } = useAnalyticsFilters();
  const accounts = useSocialAccounts();
  const [open, setOpen] = useState(false);
  const connected = accounts.data?.accounts ?? [];
  // The connected accounts' networks, and any network the address names (a shared link).
  const networks = (Object.keys(PLATFORM_LOOK) as Platform[]).filter(
    (platform) =>
      filters.platforms.includes(platform) || connected.some((account) => account.platform === platform),
  );
  const known = new Set(connected.map((account) => account.id));
  const accountOptions = [
    ...connected.map((account) => ({
      value: account.id,
      label: `${account.name ?? account.profileName ?? account.handle ?? account.accountId} (${account.platformName})`,
    })),
    // An id from a link that is not among this organization's accounts still shows, to be unticked.
    ...filters.accountIds
      .filter((id) => !known.has(id))
      .map((id) => ({ value: id, label: 'An account no longer connected' })),
  ];
  const summary = filterSummary(filters);
  return (
    <div className="mt-3 flex flex-wrap items-start gap-2">
      <details
        open={open}
        onToggle={(event) => setOpen(event.currentTarget.open)}
        className="min-w-0 flex-1 basis-64 rounded-lg bg-white ring-1 ring-slate-200"
      >
        <summary className="cursor-pointer rounded-lg px-3 py-2 text-sm text-slate-700">
          <span className="font-medium">Filters</span>
          <span className="text-slate-500"> · {summary}</span>
        </summary>
        <div className="grid gap-4 border-t border-slate-200 p-3 sm:grid-cols-3">
          <ChoiceList
            legend="Networks"
            options={networks.map((platform) => ({ value: platform, label: PLATFORM_LOOK[platform].name }))}
            selected={filters.platforms}
            onChange={(platforms) => setFilters({ platforms })}
            empty={accounts.isPending ? 'Loading networks…' : 'No account connected yet.'}
          />
          <ChoiceList
            legend="Accounts"
            options={accountOptions}
            selected={filters.accountIds}
            onChange={(accountIds) => setFilters({ accountIds })}
            empty={
              accounts.isError
                ? 'Could not load the accounts.'
                : accounts.isPending
                  ? 'Loading accounts…'
                  : 'No account connected yet.'
            }
          />
          <CustomRangeForm from={from} to={to} onApply={(range) => setFilters({ range })} />
        </div>
      </details>
      {isFiltered(filters) ? (
        <Button variant="secondary" onClick={clearFilters}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
