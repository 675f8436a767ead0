import { describe, expect, it } from 'vitest';
import {
  filtersFromSearchParams,
  filtersToSearchParams,
  hasFilters,
  MEDIA_PAGE_SIZE,
  pageCount,
  toListQuery,
  withFilter,
} from '../../../web/src/pages/media/media-filters';

const read = (search: string) => filtersFromSearchParams(new URLSearchParams(search));

describe('media filters in the URL', () => {
  it('reads every filter the API takes', () => {
    expect(read('kind=video&usage=unused&status=ready&search=%20launch%20&page=3')).toEqual({
      kind: 'video',
      usage: 'unused',
      status: 'ready',
      search: 'launch',
      page: 3,
    });
  });

  it('drops what the API would refuse instead of asking for a 400', () => {
    expect(read('kind=pdf&usage=maybe&status=gone&search=%20%20&page=abc')).toEqual({ page: 1 });
    expect(read('page=0').page).toBe(1);
    expect(read('page=2.5').page).toBe(1);
    expect(read('page=10001').page).toBe(1);
    expect(read(`search=${'a'.repeat(150)}`).search).toHaveLength(100);
  });

  it('writes nothing for the defaults and round-trips the rest', () => {
    expect(filtersToSearchParams({ page: 1 }).toString()).toBe('');
    const filters = { kind: 'gif' as const, usage: 'used' as const, search: 'cat & dog', page: 2 };
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe('search=cat+%26+dog&kind=gif&usage=used&page=2');
    expect(filtersFromSearchParams(params)).toEqual({ ...filters, status: undefined });
  });

  it('starts from page 1 when a filter changes', () => {
    expect(withFilter({ page: 4, kind: 'image' }, { usage: 'unused' })).toEqual({
      page: 1,
      kind: 'image',
      usage: 'unused',
    });
    expect(withFilter({ page: 4, kind: 'image' }, { kind: undefined }).kind).toBeUndefined();
  });

  it('knows whether anything narrows the list', () => {
    expect(hasFilters({ page: 5 })).toBe(false);
    expect(hasFilters({ page: 1, search: 'x' })).toBe(true);
  });
});

describe('list query', () => {
  it('sends only the filters that are set, with the page size', () => {
    expect(toListQuery({ page: 2 })).toEqual({ page: 2, pageSize: MEDIA_PAGE_SIZE });
    expect(toListQuery({ page: 1, kind: 'video', usage: 'used', status: 'failed', search: 'a' })).toEqual({
      page: 1,
      pageSize: MEDIA_PAGE_SIZE,
      kind: 'video',
      usage: 'used',
      status: 'failed',
      search: 'a',
    });
  });

  it('counts pages, one at least', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(MEDIA_PAGE_SIZE)).toBe(1);
    expect(pageCount(MEDIA_PAGE_SIZE + 1)).toBe(2);
  });
});
