import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { analytics, postPlatforms, posts, socialAccounts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import { engagementOf, totalsOf } from '../../shared/analytics/definitions';
import type { PostMetricFigures, UnavailableMetrics } from '../../shared/analytics/metrics';
import type { Platform } from '../../shared/platforms/catalog';
import { periodAndPrevious, type Period } from './period';

/** What the overview is asked for: the viewer's days, zone and optional filters. */
export interface OverviewFilter {
  from: string;
  to: string;
  timeZone: string;
  accountIds?: string[];
  platforms?: Platform[];
}

/** The overview's figures (posts published and their latest metrics). */
export const OVERVIEW_METRICS = ['impressions', 'reach', 'likes', 'comments', 'shares', 'clicks'] as const;
type OverviewMetric = (typeof OVERVIEW_METRICS)[number];

export interface PeriodFigures {
  /** Targets published in the period (one post on three networks counts three). */
  posts: number;
  figures: Record<OverviewMetric | 'engagement' | 'engagementRate', number | null>;
  unavailable: UnavailableMetrics & { engagement?: string; engagementRate?: string };
}

export interface AnalyticsOverview {
  current: Period & PeriodFigures;
  previous: Period & PeriodFigures;
  /** When the newest snapshot used was taken; null when none was. */
  asOf: Date | null;
  /** Where the figures used came from, one entry per network API. */
  sources: string[];
}

interface SnapshotRow extends PostMetricFigures {
  publishedAt: Date;
  unavailable: UnavailableMetrics;
  recordedAt: Date;
  source: string | null;
}

const NO_POSTS = 'No post was published in this period.';
const NO_SNAPSHOTS = 'No metrics were synced yet for the posts of this period.';

function scope(organizationId: string, start: Date, end: Date, filter: OverviewFilter) {
  return and(
    eq(postPlatforms.organizationId, organizationId),
    eq(postPlatforms.status, 'published'),
    gte(postPlatforms.publishedAt, start),
    lt(postPlatforms.publishedAt, end),
    isNull(posts.deletedAt),
    filter.accountIds?.length ? inArray(postPlatforms.socialAccountId, filter.accountIds) : undefined,
    filter.platforms?.length ? inArray(socialAccounts.platform, filter.platforms) : undefined,
  );
}

/**
 * Each published target's latest snapshot, for the two periods at once (DISTINCT ON keeps the
 * newest row per target in this order), and the number of targets published in each.
 */
async function readPeriods(
  tx: Transaction,
  organizationId: string,
  span: { start: Date; end: Date; split: Date },
  filter: OverviewFilter,
) {
  const inSpan = scope(organizationId, span.start, span.end, filter);
  const [snapshots, counts] = await Promise.all([
    tx
      .selectDistinctOn([analytics.postPlatformId], {
        publishedAt: postPlatforms.publishedAt,
        impressions: analytics.impressionsCount,
        reach: analytics.reachCount,
        likes: analytics.likesCount,
        comments: analytics.commentsCount,
        shares: analytics.sharesCount,
        clicks: analytics.clicksCount,
        saves: analytics.savesCount,
        videoViews: analytics.videoViewsCount,
        unavailable: analytics.unavailable,
        recordedAt: analytics.recordedAt,
        source: analytics.source,
      })
      .from(analytics)
      .innerJoin(postPlatforms, eq(postPlatforms.id, analytics.postPlatformId))
      .innerJoin(posts, eq(posts.id, postPlatforms.postId))
      .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
      .where(and(inSpan, eq(analytics.organizationId, organizationId), isNotNull(analytics.postPlatformId)))
      .orderBy(analytics.postPlatformId, desc(analytics.recordedAt)),
    tx
      .select({
        current:
          sql<number>`count(*) filter (where ${postPlatforms.publishedAt} >= ${span.split.toISOString()}::timestamptz)`.mapWith(
            Number,
          ),
        previous:
          sql<number>`count(*) filter (where ${postPlatforms.publishedAt} < ${span.split.toISOString()}::timestamptz)`.mapWith(
            Number,
          ),
      })
      .from(postPlatforms)
      .innerJoin(posts, eq(posts.id, postPlatforms.postId))
      .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
      .where(inSpan),
  ]);
  return { snapshots: snapshots as SnapshotRow[], counts: counts[0] ?? { current: 0, previous: 0 } };
}

/** Totals of one period, with the derived figures and why any is null. */
function periodFigures(posts: number, snapshots: SnapshotRow[]): PeriodFigures {
  const { figures, unavailable } = totalsOf(
    snapshots.map((row) => ({ figures: row, unavailable: row.unavailable })),
    OVERVIEW_METRICS,
  );
  const gap = posts === 0 ? NO_POSTS : snapshots.length === 0 ? NO_SNAPSHOTS : undefined;
  const reasons: PeriodFigures['unavailable'] = {};
  for (const metric of OVERVIEW_METRICS) {
    const reason = gap ?? unavailable[metric];
    if (figures[metric] === null && reason) reasons[metric] = reason;
  }
  // Engagement of the period: every post's engagement added up; the rate only over the posts
  // that have impressions, so a network without them does not dilute it.
  let engagement: number | null = null;
  let engagedWithImpressions = 0;
  let impressions = 0;
  for (const row of snapshots) {
    const own = engagementOf(row);
    if (own !== null) engagement = (engagement ?? 0) + own;
    if (own !== null && row.impressions !== null) {
      engagedWithImpressions += own;
      impressions += row.impressions;
    }
  }
  const engagementRate =
    impressions > 0 ? Math.round((engagedWithImpressions / impressions) * 10_000) / 100 : null;
  if (engagement === null)
    reasons.engagement = gap ?? 'The networks report none of the interactions engagement counts.';
  if (engagementRate === null)
    reasons.engagementRate =
      gap ?? unavailable.impressions ?? 'No impressions yet for the posts of this period.';
  return { posts, figures: { ...figures, engagement, engagementRate }, unavailable: reasons };
}

/**
 * The organization's headline figures for the viewer's days `from`..`to` and the same number
 * of days before: targets published in each period and the totals of their latest synced
 * metrics (shared/analytics/definitions.ts), with as-of and sources.
 */
export async function analyticsOverview(
  tx: Transaction,
  organizationId: string,
  filter: OverviewFilter,
): Promise<AnalyticsOverview> {
  const { current, previous } = periodAndPrevious(filter);
  const { snapshots, counts } = await readPeriods(
    tx,
    organizationId,
    { start: previous.start, end: current.end, split: current.start },
    filter,
  );
  const inCurrent = snapshots.filter((row) => row.publishedAt >= current.start);
  const inPrevious = snapshots.filter((row) => row.publishedAt < current.start);
  const asOf = snapshots.reduce<Date | null>(
    (latest, row) => (latest && latest > row.recordedAt ? latest : row.recordedAt),
    null,
  );
  return {
    current: { ...current, ...periodFigures(counts.current, inCurrent) },
    previous: { ...previous, ...periodFigures(counts.previous, inPrevious) },
    asOf,
    sources: [...new Set(snapshots.flatMap((row) => (row.source ? [row.source] : [])))].sort(),
  };
}
