import { describe, expect, it } from 'vitest';
import {
  filtersFromSearchParams,
  listQueryFromFilters,
  NOTIFICATIONS_PER_PAGE,
  pageCount,
  searchParamsFromFilters,
} from '../../../web/src/pages/notifications/notification-filters';

const read = (search: string) => filtersFromSearchParams(new URLSearchParams(search));

describe('notifications filter <-> URL', () => {
  it('reads a bare URL as every notification, first page', () => {
    expect(read('')).toEqual({ unreadOnly: false, page: 1 });
  });

  it('round-trips the unread filter and the page', () => {
    const params = searchParamsFromFilters({ unreadOnly: true, page: 3 });
    expect(params.toString()).toBe('show=unread&page=3');
    expect(filtersFromSearchParams(params)).toEqual({ unreadOnly: true, page: 3 });
  });

  it('leaves the defaults out of the URL', () => {
    expect(searchParamsFromFilters({ unreadOnly: false, page: 1 }).toString()).toBe('');
  });

  it('drops what the API would refuse instead of asking for a 400', () => {
    expect(read('show=everything&page=abc')).toEqual({ unreadOnly: false, page: 1 });
    expect(read('page=0')).toEqual({ unreadOnly: false, page: 1 });
    expect(read('page=-2')).toEqual({ unreadOnly: false, page: 1 });
    expect(read('page=2.5')).toEqual({ unreadOnly: false, page: 1 });
    expect(read('page=10001')).toEqual({ unreadOnly: false, page: 1 });
    expect(read('page=10000')).toEqual({ unreadOnly: false, page: 10_000 });
  });
});

describe('notifications list query', () => {
  it('asks for unread only when filtered, and for every state otherwise', () => {
    expect(listQueryFromFilters({ unreadOnly: true, page: 2 })).toEqual({
      unread: 'true',
      page: 2,
      pageSize: NOTIFICATIONS_PER_PAGE,
    });
    expect(listQueryFromFilters({ unreadOnly: false, page: 1 })).toEqual({
      page: 1,
      pageSize: NOTIFICATIONS_PER_PAGE,
    });
  });

  it('counts pages, at least one', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(NOTIFICATIONS_PER_PAGE)).toBe(1);
    expect(pageCount(NOTIFICATIONS_PER_PAGE + 1)).toBe(2);
    expect(pageCount(7, 3)).toBe(3);
  });
});
