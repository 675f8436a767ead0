import type { operations } from '../../api/schema.gen';

export type NotificationListQuery = NonNullable<operations['listNotifications']['parameters']['query']>;

/** What the list shows; lives in the URL so reload and Back keep it. */
export interface NotificationFilters {
  unreadOnly: boolean;
  page: number;
}

export const NOTIFICATIONS_PER_PAGE = 20;
/** The contract's ceiling for `page`. */
const MAX_PAGE = 10_000;

/** Reads the filters from a URL; anything the API would refuse falls back to the default. */
export function filtersFromSearchParams(params: URLSearchParams): NotificationFilters {
  const page = params.get('page');
  const number = page && /^\d+$/.test(page) ? Number(page) : 1;
  return {
    unreadOnly: params.get('show') === 'unread',
    page: number >= 1 && number <= MAX_PAGE ? number : 1,
  };
}

/** The filters as URL search params; defaults (all, page 1) are left out so /notifications stays clean. */
export function searchParamsFromFilters(filters: NotificationFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.unreadOnly) params.set('show', 'unread');
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** GET /notifications query; "all" sends no `unread` (read and unread alike). */
export function listQueryFromFilters(filters: NotificationFilters): NotificationListQuery {
  const query: NotificationListQuery = { page: filters.page, pageSize: NOTIFICATIONS_PER_PAGE };
  if (filters.unreadOnly) query.unread = 'true';
  return query;
}

/** The number of pages for `total` notifications (at least one, so "page 1 of 1" reads right). */
export function pageCount(total: number, pageSize = NOTIFICATIONS_PER_PAGE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
