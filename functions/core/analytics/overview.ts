import { eq, sql } from 'drizzle-orm';
import { postPlatforms, posts, socialAccounts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import { engagementOf, totalsOf } from '../../shared/analytics/definitions';
import type { PostMetricFigures, UnavailableMetrics } from '../../shared/analytics/metrics';
import type { Platform } from '../../shared/platforms/catalog';
import { LATEST_SNAPSHOT, publishedTargets, SNAPSHOT_FIGURES } from './latest-snapshot';
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

interface TargetRow extends PostMetricFigures {
  publishedAt: Date;
  unavailable: UnavailableMetrics;
  /** When its latest snapshot was taken; null before its first sync. */
  asOf: Date | null;
  source: string | null;
}

const NO_POSTS = 'No post was published in this period.';
const NO_SNAPSHOTS = 'No metrics were synced yet for the posts of this period.';

/** Every published target of both periods with its latest snapshot, in one read. */
async function readTargets(
  tx: Transaction,
  organizationId: string,
  span: { start: Date; end: Date },
  filter: OverviewFilter,
): Promise<TargetRow[]> {
  const rows = await tx
    .select({ publishedAt: postPlatforms.publishedAt, ...SNAPSHOT_FIGURES })
    .from(postPlatforms)
    .innerJoin(posts, eq(posts.id, postPlatforms.postId))
    .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
    .leftJoin(LATEST_SNAPSHOT, sql`true`)
    .where(publishedTargets(organizationId, span, filter));
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt!, unavailable: row.unavailable ?? {} }));
}

/** Totals of one period, with the derived figures and why any is null. */
function periodFigures(posts: number, snapshots: TargetRow[]): PeriodFigures {
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
  const targets = await readTargets(tx, organizationId, { start: previous.start, end: current.end }, filter);
  const inCurrent = targets.filter((row) => row.publishedAt >= current.start);
  const inPrevious = targets.filter((row) => row.publishedAt < current.start);
  const synced = (rows: TargetRow[]) => rows.filter((row) => row.asOf !== null);
  const asOf = targets.reduce<Date | null>(
    (latest, row) => (row.asOf && (!latest || row.asOf > latest) ? row.asOf : latest),
    null,
  );
  return {
    current: { ...current, ...periodFigures(inCurrent.length, synced(inCurrent)) },
    previous: { ...previous, ...periodFigures(inPrevious.length, synced(inPrevious)) },
    asOf,
    sources: [...new Set(targets.flatMap((row) => (row.source ? [row.source] : [])))].sort(),
  };
}
