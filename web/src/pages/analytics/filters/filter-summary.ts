import type { AnalyticsFilters } from '../analytics-filters';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the filters hold, in a few words for the folded panel ("1 network, 2 accounts, custom days"). */
export function filterSummary(filters: AnalyticsFilters): string {
  const parts = [
    filters.platforms.length > 0 ? count(filters.platforms.length, 'network', 'networks') : null,
    filters.accountIds.length > 0 ? count(filters.accountIds.length, 'account', 'accounts') : null,
    filters.range ? 'custom days' : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(', ') : 'all accounts and networks';
}
