import { eq, sql, type SQL } from 'drizzle-orm';
import { analytics, postPlatforms, posts, socialAccounts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import type { UnavailableMetrics } from '../../shared/analytics/metrics';
import type { Platform } from '../../shared/platforms/catalog';
import { dailySeries, type DayFigures } from './daily-series';
import { ENGAGEMENT, LATEST_SNAPSHOT, metric, publishedTargets } from './latest-snapshot';
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

/** A period's figures and, for the charts, the same figures day by day (daily-series.ts). */
export type PeriodWithDays = Period & PeriodFigures & { days: DayFigures[] };

export interface AnalyticsOverview {
  current: PeriodWithDays;
  previous: PeriodWithDays;
  /** When the newest snapshot used was taken; null when none was. */
  asOf: Date | null;
  /** Where the figures used came from, one entry per network API. */
  sources: string[];
}

/** One viewer day's totals as PostgreSQL adds them up (sums of the targets' latest snapshots). */
interface DayRow {
  /** YYYY-MM-DD in the viewer's zone. */
  date: string;
  posts: number;
  /** Targets of the period with at least one snapshot. */
  synced: number;
  impressions: number | null;
  reach: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  clicks: number | null;
  engagement: number | null;
  /** Engagement and impressions of the targets that report both: the rate's two sides. */
  rateEngagement: number | null;
  rateImpressions: number | null;
  asOf: Date | null;
  sources: string[] | null;
  /** The distinct `unavailable` objects of the period's snapshots (one per network, in practice). */
  reasons: UnavailableMetrics[] | null;
}

const NO_POSTS = 'No post was published in this period.';
const NO_SNAPSHOTS = 'No metrics were synced yet for the posts of this period.';

const total = (expression: SQL) => sql<number | null>`sum(${expression})`.mapWith(Number);

/**
 * Both periods' totals by viewer day in one aggregate over the published targets joined to
 * their latest snapshot: the database adds up 20,000 targets far faster than shipping them to
 * JavaScript, and the days serve both the period totals and the charts' series. A sum over no
 * reported value is null (SQL's sum), as totalsOf in definitions.ts wants it.
 */
async function readDays(
  tx: Transaction,
  organizationId: string,
  span: { start: Date; end: Date },
  filter: OverviewFilter,
): Promise<DayRow[]> {
  const withImpressions = sql`${metric('impressions')} is not null and (${ENGAGEMENT}) is not null`;
  return (
    tx
      .select({
        date: sql<string>`to_char((${postPlatforms.publishedAt} at time zone ${filter.timeZone})::date, 'YYYY-MM-DD')`,
        posts: sql<number>`count(*)::int`,
        synced: sql<number>`count(${metric('recorded_at')})::int`,
        impressions: total(metric('impressions')),
        reach: total(metric('reach')),
        likes: total(metric('likes')),
        comments: total(metric('comments')),
        shares: total(metric('shares')),
        clicks: total(metric('clicks')),
        engagement: total(ENGAGEMENT),
        rateEngagement: sql<number | null>`sum(${ENGAGEMENT}) filter (where ${withImpressions})`.mapWith(
          Number,
        ),
        rateImpressions: sql<
          number | null
        >`sum(${metric('impressions')}) filter (where ${withImpressions})`.mapWith(Number),
        asOf: sql<Date | null>`max(${metric('recorded_at')})`.mapWith(analytics.recordedAt),
        sources: sql<
          string[] | null
        >`array_agg(distinct ${metric('source')}) filter (where ${metric('source')} is not null)`,
        reasons: sql<
          UnavailableMetrics[] | null
        >`array_agg(distinct ${metric('unavailable')}) filter (where ${metric('recorded_at')} is not null)`,
      })
      .from(postPlatforms)
      .innerJoin(posts, eq(posts.id, postPlatforms.postId))
      .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
      .leftJoin(LATEST_SNAPSHOT, sql`true`)
      .where(publishedTargets(organizationId, span, filter))
      // By position: the zone is a bound parameter, so the select's expression differs in text.
      .groupBy(sql`1`)
  );
}

/** Adds `value` to a running total that stays null until some value is reported. */
const plus = (sum: number | null, value: number | null): number | null =>
  value === null ? sum : (sum ?? 0) + value;

/** The days of one period added up into the period's row. */
function periodRow(days: readonly DayRow[]): DayRow | undefined {
  if (days.length === 0) return undefined;
  const times = days.flatMap((day) => (day.asOf ? [day.asOf.getTime()] : []));
  return {
    date: days[0]!.date,
    posts: days.reduce((sum, day) => sum + day.posts, 0),
    synced: days.reduce((sum, day) => sum + day.synced, 0),
    impressions: days.reduce<number | null>((sum, day) => plus(sum, day.impressions), null),
    reach: days.reduce<number | null>((sum, day) => plus(sum, day.reach), null),
    likes: days.reduce<number | null>((sum, day) => plus(sum, day.likes), null),
    comments: days.reduce<number | null>((sum, day) => plus(sum, day.comments), null),
    shares: days.reduce<number | null>((sum, day) => plus(sum, day.shares), null),
    clicks: days.reduce<number | null>((sum, day) => plus(sum, day.clicks), null),
    engagement: days.reduce<number | null>((sum, day) => plus(sum, day.engagement), null),
    rateEngagement: days.reduce<number | null>((sum, day) => plus(sum, day.rateEngagement), null),
    rateImpressions: days.reduce<number | null>((sum, day) => plus(sum, day.rateImpressions), null),
    asOf: times.length > 0 ? new Date(Math.max(...times)) : null,
    sources: days.flatMap((day) => day.sources ?? []),
    reasons: days.flatMap((day) => day.reasons ?? []),
  };
}

/** `array_agg` of jsonb comes back parsed from postgres.js and as text from PGlite. */
function reasonsOf(row: DayRow | undefined): UnavailableMetrics[] {
  return (row?.reasons ?? []).map((reason) =>
    typeof reason === 'string' ? (JSON.parse(reason) as UnavailableMetrics) : reason,
  );
}

/** Totals of one period, with the derived figures and why any is null. */
function periodFigures(row: DayRow | undefined): PeriodFigures {
  const posts = row?.posts ?? 0;
  const snapshots = reasonsOf(row);
  const gap = posts === 0 ? NO_POSTS : (row?.synced ?? 0) === 0 ? NO_SNAPSHOTS : undefined;
  const figures = {
    impressions: row?.impressions ?? null,
    reach: row?.reach ?? null,
    likes: row?.likes ?? null,
    comments: row?.comments ?? null,
    shares: row?.shares ?? null,
    clicks: row?.clicks ?? null,
  } satisfies Record<OverviewMetric, number | null>;
  const reasons: PeriodFigures['unavailable'] = {};
  for (const name of OVERVIEW_METRICS) {
    const reason = gap ?? snapshots.find((unavailable) => unavailable[name])?.[name];
    if (figures[name] === null && reason) reasons[name] = reason;
  }
  // Engagement of the period: every post's engagement added up; the rate only over the posts
  // that have impressions, so a network without them does not dilute it.
  const engagement = row?.engagement ?? null;
  const rateImpressions = row?.rateImpressions ?? 0;
  const engagementRate =
    rateImpressions > 0 ? Math.round(((row?.rateEngagement ?? 0) / rateImpressions) * 10_000) / 100 : null;
  if (engagement === null)
    reasons.engagement = gap ?? 'The networks report none of the interactions engagement counts.';
  if (engagementRate === null)
    reasons.engagementRate =
      gap ??
      snapshots.find((unavailable) => unavailable.impressions)?.impressions ??
      'No impressions yet for the posts of this period.';
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
  const days = await readDays(tx, organizationId, { start: previous.start, end: current.end }, filter);
  const within = (period: Period) => days.filter((day) => day.date >= period.from && day.date <= period.to);
  const figuresOf = (period: Period): PeriodWithDays => {
    const own = within(period);
    return {
      ...period,
      ...periodFigures(periodRow(own)),
      days: dailySeries(
        own.map(({ date, posts, engagement, impressions }) => ({ date, posts, engagement, impressions })),
        period,
      ),
    };
  };
  const all = periodRow(days);
  return {
    current: figuresOf(current),
    previous: figuresOf(previous),
    asOf: all?.asOf ?? null,
    sources: [...new Set(all?.sources ?? [])].sort(),
  };
}
