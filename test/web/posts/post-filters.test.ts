import { describe, expect, it } from 'vitest';
import {
  filtersFromSearchParams,
  isFiltered,
  listQueryFromFilters,
  pageCount,
  searchParamsFromFilters,
  type PostFilters,
} from '../../../web/src/pages/posts/post-filters';
import { isPlainDate as isCalendarDate } from '../../../web/src/lib/plain-date';
import { startOfDay } from '../../../web/src/lib/zoned-time';

const startOfZonedDay = (day: string, zone: string) => new Date(startOfDay(day, zone));

const ACCOUNT = '3f2b8c1e-0a4d-4e6f-9b7a-1c2d3e4f5a6b';
const read = (search: string) => filtersFromSearchParams(new URLSearchParams(search));

describe('posts filters <-> URL search params', () => {
  it('round-trips every filter through the URL', () => {
    const filters: PostFilters = {
      status: 'failed',
      platform: 'sandbox',
      accountId: ACCOUNT,
      from: '2026-03-01',
      to: '2026-03-31',
      q: 'launch day',
      page: 3,
    };
    const params = searchParamsFromFilters(filters);
    expect(params.toString()).toBe(
      `status=failed&network=sandbox&account=${ACCOUNT}&from=2026-03-01&to=2026-03-31&q=launch+day&page=3`,
    );
    expect(filtersFromSearchParams(params)).toEqual(filters);
  });

  it('leaves defaults out of the URL', () => {
    expect(searchParamsFromFilters({ page: 1 }).toString()).toBe('');
    expect(read('')).toEqual({ page: 1 });
    expect(isFiltered({ page: 4 })).toBe(false);
    expect(isFiltered({ page: 1, q: 'x' })).toBe(true);
  });

  it('drops values the API would refuse instead of breaking the page', () => {
    expect(
      read('status=gone&network=myspace&account=not-a-uuid&from=2026-02-30&to=tomorrow&page=0&q=%20%20'),
    ).toEqual({ page: 1 });
    expect(read('page=-2')).toEqual({ page: 1 });
    expect(read('page=2.5')).toEqual({ page: 1 });
    expect(read('page=100001')).toEqual({ page: 1 });
    expect(read('from=2026-1-5')).toEqual({ page: 1 });
  });

  it('keeps the start of a range that ends before it starts, and trims the search', () => {
    expect(read('from=2026-05-10&to=2026-05-01')).toEqual({ page: 1, from: '2026-05-10' });
    expect(read(`q=${encodeURIComponent('  spring sale  ')}`)).toEqual({ page: 1, q: 'spring sale' });
    expect(read(`q=${'a'.repeat(300)}`).q).toHaveLength(200);
    expect(read(`account=${ACCOUNT.toUpperCase()}`).accountId).toBe(ACCOUNT);
    expect(read('status=partially_published').status).toBe('partially_published');
  });
});

describe('posts filters -> GET /posts query', () => {
  it('turns days into instants at midnight in the viewer zone, the last day included', () => {
    const query = listQueryFromFilters(
      { page: 2, from: '2026-03-28', to: '2026-03-29', status: 'scheduled', q: 'hello' },
      'Europe/Paris',
    );
    // Paris moves to summer time in the night of 28 to 29 March 2026.
    expect(query).toEqual({
      page: 2,
      limit: 20,
      status: 'scheduled',
      q: 'hello',
      from: '2026-03-27T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
  });

  it('uses the zone west of UTC too', () => {
    expect(startOfZonedDay('2026-01-15', 'America/New_York').toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(startOfZonedDay('2026-07-15', 'America/New_York').toISOString()).toBe('2026-07-15T04:00:00.000Z');
    expect(startOfZonedDay('2026-07-15', 'UTC').toISOString()).toBe('2026-07-15T00:00:00.000Z');
    expect(listQueryFromFilters({ page: 1, to: '2026-12-31' }, 'UTC').to).toBe('2027-01-01T00:00:00.000Z');
  });

  it('knows real calendar dates and counts pages', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
  });
});
