import { and, count, desc, eq, exists, gte, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { containsPattern } from '../../db/like-pattern';
import { preparedQuery } from '../../db/prepared-query';
import {
  postPlatforms,
  posts,
  socialAccounts,
  type PostApprovalStatus,
  type PostStatus,
} from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import type { Platform } from '../../shared/platforms/catalog';
import { targetsOfPostsQuery, type PostWithTargets } from './load-post';

/** What the posts list may be narrowed by; every filter is optional. */
export interface PostListFilter {
  status?: PostStatus;
  /** `in_review` lists the approvals queue. */
  approvalStatus?: PostApprovalStatus;
  /** Scheduled (or, unscheduled, created) at or after this instant. */
  from?: string;
  /** ... and before this one. */
  to?: string;
  /** Text searched for in title and content, as typed. */
  q?: string;
  platform?: Platform;
  accountId?: string;
  page: number;
  limit: number;
}

type FilterName = 'status' | 'approvalStatus' | 'from' | 'to' | 'q' | 'platform' | 'accountId';
const FILTERS: readonly FilterName[] = [
  'status',
  'approvalStatus',
  'from',
  'to',
  'q',
  'platform',
  'accountId',
];

/**
 * The list's WHERE clause for one combination of filters, with a placeholder for each value:
 * at most 128 combinations exist, each built and prepared once per process (the list and the
 * search were dominated by drizzle rebuilding the same SQL per request).
 */
function whereFor(used: ReadonlySet<FilterName>): SQL | undefined {
  const when = sql`coalesce(${posts.scheduledAt}, ${posts.createdAt})`;
  const conditions: (SQL | undefined)[] = [
    eq(posts.organizationId, sql.placeholder('organizationId')),
    isNull(posts.deletedAt),
  ];
  if (used.has('status')) conditions.push(eq(posts.status, sql.placeholder('status')));
  if (used.has('approvalStatus'))
    conditions.push(eq(posts.approvalStatus, sql.placeholder('approvalStatus')));
  if (used.has('from')) conditions.push(gte(when, sql`${sql.placeholder('from')}::timestamptz`));
  if (used.has('to')) conditions.push(lt(when, sql`${sql.placeholder('to')}::timestamptz`));
  if (used.has('q')) {
    conditions.push(
      or(ilike(posts.content, sql.placeholder('pattern')), ilike(posts.title, sql.placeholder('pattern'))),
    );
  }
  if (used.has('platform') || used.has('accountId')) {
    conditions.push(
      exists(
        sql`(select 1 from ${postPlatforms} inner join ${socialAccounts} on ${socialAccounts.id} = ${postPlatforms.socialAccountId} where ${and(
          eq(postPlatforms.postId, posts.id),
          used.has('platform') ? eq(socialAccounts.platform, sql.placeholder('platform')) : undefined,
          used.has('accountId') ? eq(postPlatforms.socialAccountId, sql.placeholder('accountId')) : undefined,
        )})`,
      ),
    );
  }
  return and(...conditions);
}

function listQueriesFor(used: ReadonlySet<FilterName>, key: string) {
  const where = whereFor(used);
  // Newest first, id as the tie-breaker so pages never repeat or skip a post.
  const onePage = <Query extends PgSelect>(query: Query) =>
    query
      .where(where)
      .orderBy(desc(posts.createdAt), desc(posts.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'));
  return {
    total: preparedQuery(`posts_total_${key}`, (tx) =>
      tx.select({ total: count() }).from(posts).where(where),
    ),
    page: preparedQuery(`posts_page_${key}`, (tx) => onePage(tx.select().from(posts).$dynamic())),
    // The same page's ids, so its targets go out with the page instead of after it.
    pageTargets: preparedQuery(`posts_page_targets_${key}`, (tx) =>
      targetsOfPostsQuery(tx, sql`(${onePage(tx.select({ id: posts.id }).from(posts).$dynamic())})`),
    ),
  };
}

const queriesByFilters = new Map<string, ReturnType<typeof listQueriesFor>>();

/**
 * A page of the organization's live posts, newest first, with each post's targets and the
 * number of posts matching the filters. The count and the page go out at once.
 */
export async function listPosts(
  tx: Transaction,
  organizationId: string,
  filter: PostListFilter,
): Promise<{ posts: PostWithTargets[]; total: number }> {
  const used = new Set(FILTERS.filter((name) => filter[name] !== undefined));
  const key = FILTERS.filter((f) => used.has(f)).join('+') || 'all';
  let queries = queriesByFilters.get(key);
  if (!queries) {
    queries = listQueriesFor(used, key);
    queriesByFilters.set(key, queries);
  }
  const values = {
    organizationId,
    status: filter.status,
    approvalStatus: filter.approvalStatus,
    from: filter.from,
    to: filter.to,
    pattern: filter.q === undefined ? undefined : containsPattern(filter.q),
    platform: filter.platform,
    accountId: filter.accountId,
    limit: filter.limit,
    offset: (filter.page - 1) * filter.limit,
  };
  // The count, the page and the page's targets in one round trip (one snapshot: the
  // transaction's, so the three agree).
  const [[counted], rows, targets] = await Promise.all([
    queries.total(tx, values),
    queries.page(tx, values),
    queries.pageTargets(tx, values),
  ]);
  const targetsByPost = new Map<string, typeof targets>();
  for (const target of targets) {
    const group = targetsByPost.get(target.postId);
    if (group) group.push(target);
    else targetsByPost.set(target.postId, [target]);
  }
  return {
    posts: rows.map((post) => ({ post, targets: targetsByPost.get(post.id) ?? [] })),
    total: counted?.total ?? 0,
  };
}
