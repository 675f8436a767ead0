import { describe, expect, it } from 'vitest';
import {
  filtersFromSearch,
  isFiltered,
  MAX_RANGE_DAYS,
  rangeProblem,
  scopeBody,
  scopeQuery,
  searchWithFilters,
  type AnalyticsFilters,
} from '../../../web/src/pages/analytics/analytics-filters';
import { filterSummary } from '../../../web/src/pages/analytics/filters/filter-summary';

const A = '3f2b8c1e-0a4d-4e6f-9b7a-1c2d3e4f5a6b';
const B = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const read = (search: string) => filtersFromSearch(new URLSearchParams(search));

describe('analytics filters <-> address', () => {
  it('round-trips accounts, networks and a custom range, keeping the other parameters', () => {
    const filters: AnalyticsFilters = {
      accountIds: [A, B],
      platforms: ['bluesky', 'mastodon'],
      range: { from: '2026-03-01', to: '2026-03-31' },
    };
    const search = searchWithFilters(new URLSearchParams('days=7&tab=x'), filters);
    // A custom range replaces the preset; unrelated parameters stay.
    expect(search.get('days')).toBeNull();
    expect(search.get('tab')).toBe('x');
    expect(decodeURIComponent(search.toString())).toBe(
      `tab=x&accounts=${A},${B}&networks=bluesky,mastodon&from=2026-03-01&to=2026-03-31`,
    );
    expect(filtersFromSearch(search)).toEqual(filters);
  });

  it('leaves the address clean when nothing is chosen', () => {
    const cleared = searchWithFilters(
      new URLSearchParams(`days=90&accounts=${A}&networks=bluesky&from=2026-01-01&to=2026-01-02`),
      {
        accountIds: [],
        platforms: [],
        range: null,
      },
    );
    expect(cleared.toString()).toBe('days=90');
    expect(isFiltered(filtersFromSearch(cleared))).toBe(false);
  });

  it('drops what the API would refuse instead of failing the page', () => {
    const filters = read(
      `accounts=${A.toUpperCase()},not-a-uuid,${A}&networks=bluesky,myspace,bluesky&from=2026-03-31&to=2026-03-01`,
    );
    expect(filters).toEqual({ accountIds: [A], platforms: ['bluesky'], range: null });
    expect(read('from=2026-02-30&to=2026-03-01').range).toBeNull();
    expect(read('from=2026-03-01').range).toBeNull();
  });
});

describe('custom range rules (the API: `to` at most 730 days after `from`)', () => {
  it('takes one day, and exactly the longest span', () => {
    expect(rangeProblem('2026-03-01', '2026-03-01')).toBeNull();
    // 2024 is a leap year: 366 + 365 days.
    expect(MAX_RANGE_DAYS).toBe(731);
    expect(rangeProblem('2024-01-01', '2025-12-31')).toBeNull();
    expect(read('from=2024-01-01&to=2025-12-31').range).toEqual({ from: '2024-01-01', to: '2025-12-31' });
  });

  it('refuses a backwards range, one day too many, and a missing day', () => {
    expect(rangeProblem('2026-03-02', '2026-03-01')).toBe('The first day must not be after the last.');
    expect(rangeProblem('2024-01-01', '2026-01-01')).toBe('Choose at most 731 days (about two years).');
    expect(rangeProblem('', '2026-03-01')).toBe('Enter both days.');
    expect(read('from=2024-01-01&to=2026-01-01').range).toBeNull();
  });
});

describe('scope as the routes take it', () => {
  it('is comma-separated for the reads, arrays for report generation, and absent when all', () => {
    const filters: AnalyticsFilters = { accountIds: [A, B], platforms: ['mastodon'], range: null };
    expect(scopeQuery(filters)).toEqual({ accountIds: `${A},${B}`, platforms: 'mastodon' });
    expect(scopeBody(filters)).toEqual({ accountIds: [A, B], platforms: ['mastodon'] });
    expect(scopeQuery({ accountIds: [], platforms: [], range: null })).toEqual({});
    expect(scopeBody({ accountIds: [], platforms: [], range: null })).toEqual({});
  });

  it('is summed up in a few words', () => {
    expect(filterSummary({ accountIds: [], platforms: [], range: null })).toBe('all accounts and networks');
    expect(
      filterSummary({
        accountIds: [A, B],
        platforms: ['bluesky'],
        range: { from: '2026-01-01', to: '2026-01-02' },
      }),
    ).toBe('1 network, 2 accounts, custom days');
  });
});
