import type { components, paths } from '../../api/schema.gen';
import { PLATFORM_LOOK, type Platform } from '../../publishing/platforms';
import { addDays, isPlainDate } from '../../lib/plain-date';
import { startOfDay } from '../../lib/zoned-time';

export type ListPostsQuery = NonNullable<paths['/posts']['get']['parameters']['query']>;
type PostStatus = components['schemas']['Post']['status'];
type ApprovalStatus = components['schemas']['Post']['approvalStatus'];

const APPROVAL_STATUSES: Record<ApprovalStatus, true> = {
  not_required: true,
  pending: true,
  in_review: true,
  changes_requested: true,
  approved: true,
};

/** Every status the list can filter on (a Record, so a new status fails to compile until listed). */
const STATUSES: Record<PostStatus, true> = {
  draft: true,
  scheduled: true,
  publishing: true,
  published: true,
  partially_published: true,
  failed: true,
  unconfirmed: true,
  missed: true,
  cancelled: true,
};

/** What the posts list is narrowed to; lives in the URL so reload and back keep it. */
export interface PostFilters {
  status?: PostStatus;
  /** `in_review` is the approvals queue ("Awaiting approval"). */
  approval?: ApprovalStatus;
  platform?: Platform;
  accountId?: string;
  /** First day (YYYY-MM-DD) in the viewer's zone. */
  from?: string;
  /** Last day, inclusive. */
  to?: string;
  q?: string;
  page: number;
}

export const POSTS_PER_PAGE = 20;
const MAX_PAGE = 100_000;
const MAX_SEARCH = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The URL's names: short and readable ("network" is what people call a platform). */
const PARAM = {
  status: 'status',
  approval: 'approval',
  platform: 'network',
  accountId: 'account',
  from: 'from',
  to: 'to',
  q: 'q',
  page: 'page',
} as const;

const isStatus = (value: string): value is PostStatus => Object.hasOwn(STATUSES, value);
const isApproval = (value: string): value is ApprovalStatus => Object.hasOwn(APPROVAL_STATUSES, value);
const isPlatform = (value: string): value is Platform => Object.hasOwn(PLATFORM_LOOK, value);

/**
 * Reads the filters from a URL. Anything the API would refuse (an unknown status, a
 * malformed date, an account id that is not a uuid) is dropped rather than shown as an error:
 * a hand-edited or outdated link still opens a working list.
 */
export function filtersFromSearchParams(params: URLSearchParams): PostFilters {
  const filters: PostFilters = { page: 1 };
  const status = params.get(PARAM.status);
  if (status && isStatus(status)) filters.status = status;
  const approval = params.get(PARAM.approval);
  if (approval && isApproval(approval)) filters.approval = approval;
  const platform = params.get(PARAM.platform);
  if (platform && isPlatform(platform)) filters.platform = platform;
  const account = params.get(PARAM.accountId);
  if (account && UUID.test(account)) filters.accountId = account.toLowerCase();
  const from = params.get(PARAM.from);
  if (from && isPlainDate(from)) filters.from = from;
  const to = params.get(PARAM.to);
  // A range that ends before it starts can only be a mistake; the start is kept.
  if (to && isPlainDate(to) && !(filters.from && to < filters.from)) filters.to = to;
  const q = params.get(PARAM.q)?.trim();
  if (q) filters.q = q.slice(0, MAX_SEARCH);
  const page = params.get(PARAM.page);
  if (page && /^\d+$/.test(page)) {
    const number = Number(page);
    if (number >= 1 && number <= MAX_PAGE) filters.page = number;
  }
  return filters;
}

/** The filters as URL search params; defaults (page 1, no filter) are left out. */
export function searchParamsFromFilters(filters: PostFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set(PARAM.status, filters.status);
  if (filters.approval) params.set(PARAM.approval, filters.approval);
  if (filters.platform) params.set(PARAM.platform, filters.platform);
  if (filters.accountId) params.set(PARAM.accountId, filters.accountId);
  if (filters.from) params.set(PARAM.from, filters.from);
  if (filters.to) params.set(PARAM.to, filters.to);
  if (filters.q) params.set(PARAM.q, filters.q);
  if (filters.page > 1) params.set(PARAM.page, String(filters.page));
  return params;
}

/** True when anything narrows the list (so an empty list means "no match", not "no posts"). */
export function isFiltered(filters: PostFilters): boolean {
  return Boolean(
    filters.status ||
    filters.approval ||
    filters.platform ||
    filters.accountId ||
    filters.from ||
    filters.to ||
    filters.q,
  );
}

/** GET /posts query for the filters: days become instants at midnight in the viewer's zone. */
export function listQueryFromFilters(filters: PostFilters, timeZone: string): ListPostsQuery {
  const query: ListPostsQuery = { page: filters.page, limit: POSTS_PER_PAGE };
  if (filters.status) query.status = filters.status;
  if (filters.approval) query.approvalStatus = filters.approval;
  if (filters.platform) query.platform = filters.platform;
  if (filters.accountId) query.accountId = filters.accountId;
  if (filters.from) query.from = new Date(startOfDay(filters.from, timeZone)).toISOString();
  // `to` is exclusive on the server, and the filter's last day is included.
  if (filters.to) query.to = new Date(startOfDay(addDays(filters.to, 1), timeZone)).toISOString();
  if (filters.q) query.q = filters.q;
  return query;
}

/** The number of pages for `total` posts (at least one, so "page 1 of 1" reads right). */
export function pageCount(total: number, limit = POSTS_PER_PAGE): number {
  return Math.max(1, Math.ceil(total / limit));
}
