import type { components, operations } from '../../api/schema.gen';

export type MediaKind = components['schemas']['Media']['kind'];
export type MediaStatus = components['schemas']['Media']['status'];
export type MediaUsageFilter = 'used' | 'unused';
export type MediaListQuery = NonNullable<operations['listMedia']['parameters']['query']>;

/** What the library shows; lives in the URL so a filtered view can be bookmarked and shared. */
export interface MediaFilters {
  kind?: MediaKind;
  status?: MediaStatus;
  usage?: MediaUsageFilter;
  search?: string;
  page: number;
}

export const MEDIA_PAGE_SIZE = 24;

export const KIND_OPTIONS: readonly { value: MediaKind; label: string }[] = [
  { value: 'image', label: 'Images' },
  { value: 'gif', label: 'GIFs' },
  { value: 'video', label: 'Videos' },
];

export const USAGE_OPTIONS: readonly { value: MediaUsageFilter; label: string }[] = [
  { value: 'used', label: 'Used in posts' },
  { value: 'unused', label: 'Not used yet' },
];

export const STATUS_OPTIONS: readonly { value: MediaStatus; label: string }[] = [
  { value: 'ready', label: 'Ready' },
  { value: 'processing', label: 'Optimizing' },
  { value: 'pending', label: 'Unfinished' },
  { value: 'failed', label: 'Refused' },
];

/** The API refuses longer searches (contract: 1–100 characters). */
const MAX_SEARCH_LENGTH = 100;
const MAX_PAGE = 10_000;

function oneOf<T extends string>(options: readonly { value: T }[], value: string | null): T | undefined {
  return options.find((option) => option.value === value)?.value;
}

/**
 * Reads filters from the address bar. Anything the API would refuse (an unknown kind, page
 * "abc", a 300-character search) is dropped rather than turned into a 400.
 */
export function filtersFromSearchParams(params: URLSearchParams): MediaFilters {
  const search = params.get('search')?.trim().slice(0, MAX_SEARCH_LENGTH);
  const page = Number(params.get('page'));
  return {
    kind: oneOf(KIND_OPTIONS, params.get('kind')),
    status: oneOf(STATUS_OPTIONS, params.get('status')),
    usage: oneOf(USAGE_OPTIONS, params.get('usage')),
    search: search ? search : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

/** The address bar for these filters; defaults are left out so /media stays /media. */
export function filtersToSearchParams(filters: MediaFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search) params.set('search', filters.search);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.usage) params.set('usage', filters.usage);
  if (filters.status) params.set('status', filters.status);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** Changing a filter starts again from page 1: page 3 of "all" is meaningless for "videos". */
export function withFilter(filters: MediaFilters, change: Partial<Omit<MediaFilters, 'page'>>): MediaFilters {
  return { ...filters, ...change, page: 1 };
}

export const hasFilters = (filters: MediaFilters): boolean =>
  Boolean(filters.kind || filters.status || filters.usage || filters.search);

/** The GET /media query for these filters. */
export function toListQuery(filters: MediaFilters): MediaListQuery {
  return {
    page: filters.page,
    pageSize: MEDIA_PAGE_SIZE,
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.usage ? { usage: filters.usage } : {}),
    ...(filters.search ? { search: filters.search } : {}),
  };
}

/** Number of pages for `total` files; at least 1 so "Page 1 of 1" reads right when empty. */
export const pageCount = (total: number, pageSize: number = MEDIA_PAGE_SIZE): number =>
  Math.max(1, Math.ceil(total / pageSize));
