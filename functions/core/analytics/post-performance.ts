import { asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { postPlatforms, posts, socialAccounts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import {
  POST_METRICS,
  type PostTableSort,
  type PostMetricFigures,
  type UnavailableMetrics,
} from '../../shared/analytics/metrics';
import type { Platform } from '../../shared/platforms/catalog';
import {
  ENGAGEMENT,
  ENGAGEMENT_RATE,
  LATEST_SNAPSHOT,
  metric,
  publishedTargets,
  SNAPSHOT_FIGURES,
} from './latest-snapshot';
import { periodAndPrevious } from './period';
import { postSparklines, type SparklinePoint } from './post-sparklines';

const NOT_SYNCED: UnavailableMetrics = Object.fromEntries(
  POST_METRICS.map((name) => [name, 'No metrics were synced for this post yet.']),
);

export interface PostPerformanceQuery {
  from: string;
  to: string;
  timeZone: string;
  accountIds?: string[];
  platforms?: Platform[];
  sort: PostTableSort;
  order: 'asc' | 'desc';
  page: number;
  limit: number;
}

export interface PostPerformanceRow extends PostMetricFigures {
  targetId: string;
  postId: string;
  platform: Platform;
  accountName: string | null;
  publishedAt: Date;
  title: string | null;
  text: string;
  url: string | null;
  /** The first attachment, for a thumbnail. */
  mediaId: string | null;
  engagement: number | null;
  engagementRate: number | null;
  unavailable: UnavailableMetrics;
  /** When its latest metrics were synced, and where they came from; null before the first sync. */
  asOf: Date | null;
  source: string | null;
  /** Engagement at its newest snapshots, oldest first (post-sparklines.ts). */
  sparkline: SparklinePoint[];
}

const SORT_COLUMNS: Record<PostTableSort, SQL> = {
  publishedAt: sql`${postPlatforms.publishedAt}`,
  impressions: metric('impressions'),
  reach: metric('reach'),
  likes: metric('likes'),
  comments: metric('comments'),
  shares: metric('shares'),
  clicks: metric('clicks'),
  engagement: ENGAGEMENT,
  engagementRate: ENGAGEMENT_RATE,
};

/**
 * One page of the organization's posts published in the viewer's days, each network's copy
 * a row with its latest metrics, sorted by a figure (posts without it last, whichever the
 * order), then newest first.
 */
export async function postPerformance(
  tx: Transaction,
  organizationId: string,
  query: PostPerformanceQuery,
): Promise<{ rows: PostPerformanceRow[]; total: number }> {
  const { current } = periodAndPrevious(query);
  const where = publishedTargets(organizationId, current, query);
  const sortBy = SORT_COLUMNS[query.sort];
  const direction = query.order === 'asc' ? sql`asc` : sql`desc`;
  const [rows, counted] = await Promise.all([
    tx
      .select({
        targetId: postPlatforms.id,
        postId: posts.id,
        platform: socialAccounts.platform,
        accountName: socialAccounts.accountName,
        publishedAt: postPlatforms.publishedAt,
        title: posts.title,
        text: sql<string>`coalesce(${postPlatforms.content}, ${posts.content})`,
        url: postPlatforms.platformPostUrl,
        mediaId: sql<string | null>`coalesce(${postPlatforms.mediaIds}, ${posts.mediaIds}) ->> 0`,
        ...SNAPSHOT_FIGURES,
        engagement: sql<number | null>`${ENGAGEMENT}`.mapWith((value) =>
          value === null ? null : Number(value),
        ),
        engagementRate: sql<number | null>`${ENGAGEMENT_RATE}`.mapWith((value) =>
          value === null ? null : Number(value),
        ),
      })
      .from(postPlatforms)
      .innerJoin(posts, eq(posts.id, postPlatforms.postId))
      .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
      .leftJoin(LATEST_SNAPSHOT, sql`true`)
      .where(where)
      .orderBy(sql`${sortBy} ${direction} nulls last`, desc(postPlatforms.publishedAt), asc(postPlatforms.id))
      .limit(query.limit)
      .offset((query.page - 1) * query.limit),
    tx
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(postPlatforms)
      .innerJoin(posts, eq(posts.id, postPlatforms.postId))
      .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
      .where(where),
  ]);
  const sparklines = await postSparklines(
    tx,
    organizationId,
    rows.map((row) => row.targetId),
  );
  return {
    total: counted[0]?.total ?? 0,
    rows: rows.map((row) => ({
      ...row,
      publishedAt: row.publishedAt!,
      unavailable: row.asOf === null ? NOT_SYNCED : (row.unavailable ?? {}),
      sparkline: sparklines.get(row.targetId) ?? [],
    })),
  };
}
