import { PLATFORM_LOOK, type Platform } from '../../publishing/platforms';
import { daysBetween, isPlainDate } from '../../lib/plain-date';

/**
 * What the analytics pages are narrowed to besides the preset period: accounts, networks and a
 * custom range of days. It lives in the address (`?accounts=a,b&networks=bluesky&from=…&to=…`)
 * beside `days`, so it survives moving between the tabs and a link shows the same figures.
 */
export interface AnalyticsFilters {
  accountIds: string[];
  platforms: Platform[];
  /** Both days (YYYY-MM-DD, the viewer's calendar), or null for a preset period. */
  range: { from: string; to: string } | null;
}

/**
 * The API's longest range: `to` at most 730 days after `from` (functions/core/analytics/period.ts,
 * `ANALYTICS_MAX_DAYS` = 731 days counting both ends).
 */
export const MAX_RANGE_DAYS = 731;
/** The API takes at most 100 account ids (functions/shared/contracts/analytics-query.ts). */
export const MAX_ACCOUNTS = 100;

/** The address's names: short and readable ("network" is what people call a platform). */
export const FILTER_PARAMS = { accounts: 'accounts', networks: 'networks', from: 'from', to: 'to' } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isPlatform = (value: string): value is Platform => Object.hasOwn(PLATFORM_LOOK, value);

function listParam(params: URLSearchParams, name: string): string[] {
  const parts = (params.get(name) ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return [...new Set(parts)];
}

/** Why a custom range cannot be asked for, or null when the API takes it. */
export function rangeProblem(from: string, to: string): string | null {
  if (!isPlainDate(from) || !isPlainDate(to)) return 'Enter both days.';
  const span = daysBetween(from, to);
  if (span < 0) return 'The first day must not be after the last.';
  if (span + 1 > MAX_RANGE_DAYS) return `Choose at most ${MAX_RANGE_DAYS} days (about two years).`;
  return null;
}

/**
 * Reads the filters from the address. What the API would refuse (an id that is not a uuid, an
 * unknown network, a range that runs backwards or is too long) is dropped rather than shown as
 * an error: a hand-edited or outdated link still opens working pages.
 */
export function filtersFromSearch(params: URLSearchParams): AnalyticsFilters {
  const from = params.get(FILTER_PARAMS.from) ?? '';
  const to = params.get(FILTER_PARAMS.to) ?? '';
  return {
    accountIds: [
      ...new Set(
        listParam(params, FILTER_PARAMS.accounts)
          .filter((id) => UUID.test(id))
          .map((id) => id.toLowerCase()),
      ),
    ].slice(0, MAX_ACCOUNTS),
    platforms: listParam(params, FILTER_PARAMS.networks).filter(isPlatform),
    range: rangeProblem(from, to) === null ? { from, to } : null,
  };
}

/** The address with `filters` written into it; everything else in `current` stays. */
export function searchWithFilters(current: URLSearchParams, filters: AnalyticsFilters): URLSearchParams {
  const next = new URLSearchParams(current);
  const setList = (name: string, values: readonly string[]) => {
    if (values.length > 0) next.set(name, values.join(','));
    else next.delete(name);
  };
  setList(FILTER_PARAMS.accounts, filters.accountIds);
  setList(FILTER_PARAMS.networks, filters.platforms);
  if (filters.range) {
    next.set(FILTER_PARAMS.from, filters.range.from);
    next.set(FILTER_PARAMS.to, filters.range.to);
    // A custom range replaces the preset: one period at a time in the address.
    next.delete('days');
  } else {
    next.delete(FILTER_PARAMS.from);
    next.delete(FILTER_PARAMS.to);
  }
  return next;
}

export const NO_FILTERS: AnalyticsFilters = { accountIds: [], platforms: [], range: null };

/** Narrowed to some accounts or networks (the period aside). */
export function isScoped(filters: AnalyticsFilters): boolean {
  return filters.accountIds.length > 0 || filters.platforms.length > 0;
}

export function isFiltered(filters: AnalyticsFilters): boolean {
  return isScoped(filters) || filters.range !== null;
}

/** The accounts and networks as the analytics read routes take them: comma-separated, left out when all. */
export function scopeQuery(filters: AnalyticsFilters): { accountIds?: string; platforms?: string } {
  return {
    ...(filters.accountIds.length > 0 ? { accountIds: filters.accountIds.join(',') } : {}),
    ...(filters.platforms.length > 0 ? { platforms: filters.platforms.join(',') } : {}),
  };
}

/** The same scope as the report routes take it (JSON arrays), left out when all. */
export function scopeBody(filters: AnalyticsFilters): { accountIds?: string[]; platforms?: Platform[] } {
  return {
    ...(filters.accountIds.length > 0 ? { accountIds: filters.accountIds } : {}),
    ...(filters.platforms.length > 0 ? { platforms: filters.platforms } : {}),
  };
}
