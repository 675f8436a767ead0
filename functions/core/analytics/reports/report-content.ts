import { and, eq, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { media, postPlatforms, posts, socialAccounts } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import type { Platform } from '../../../shared/platforms/catalog';
import type { MediaStore } from '../../ports';
import { ENGAGEMENT, LATEST_SNAPSHOT, metric, publishedTargets } from '../latest-snapshot';
import { analyticsOverview, OVERVIEW_METRICS } from '../overview';
import { periodAndPrevious } from '../period';
import { postPerformance } from '../post-performance';

/** What a report covers: the viewer's days, zone and optional filters. */
export interface ReportParameters {
  from: string;
  to: string;
  timeZone: string;
  accountIds?: string[];
  platforms?: Platform[];
  formats: Array<'pdf' | 'csv'>;
}

export interface ReportKpi {
  key: string;
  label: string;
  current: number | null;
  previous: number | null;
  /** Percent change; null where either is null or the previous is 0. */
  change: number | null;
  /** Why the current figure is null. */
  reason?: string;
}

export interface ReportContent {
  name: string;
  current: { from: string; to: string };
  previous: { from: string; to: string };
  timeZone: string;
  kpis: ReportKpi[];
  /** Every day of the range: posts published that day and their engagement (null: none reported). */
  daily: Array<{ day: string; posts: number; engagement: number | null }>;
  topPosts: Array<{
    text: string;
    platform: Platform;
    accountName: string | null;
    publishedAt: Date;
    url: string | null;
    engagement: number | null;
    impressions: number | null;
    engagementRate: number | null;
    /** The first attachment's bytes when it is a JPEG or PNG in the media store. */
    thumbnail?: Uint8Array;
  }>;
  networks: Array<{
    platform: Platform;
    posts: number;
    impressions: number | null;
    engagement: number | null;
    engagementRate: number | null;
  }>;
  asOf: Date | null;
  sources: string[];
}

const KPI_LABELS: Record<string, string> = {
  posts: 'Posts',
  impressions: 'Impressions',
  reach: 'Reach',
  engagement: 'Engagement',
  engagementRate: 'Engagement rate (%)',
  likes: 'Likes',
  comments: 'Comments',
  shares: 'Shares',
  clicks: 'Link clicks',
};

const TOP_POSTS = 5;
/** Thumbnails larger than this are left out rather than read whole into a Lambda. */
const THUMBNAIL_MAX_BYTES = 4 * 1024 * 1024;

function percentChange(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return Math.round(((now - before) / before) * 10_000) / 100;
}

const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/** Engagement and posts per viewer day, every day of the range (days without posts included). */
async function dailyEngagement(
  tx: Transaction,
  organizationId: string,
  parameters: ReportParameters,
  period: { start: Date; end: Date },
): Promise<ReportContent['daily']> {
  const day = sql`to_char((${postPlatforms.publishedAt} at time zone ${parameters.timeZone})::date, 'YYYY-MM-DD')`;
  const rows = await tx
    .select({
      day: sql<string>`${day}`,
      posts: sql<number>`count(*)`.mapWith(Number),
      engagement: sql<number | null>`sum(${ENGAGEMENT})`.mapWith(numberOrNull),
    })
    .from(postPlatforms)
    .innerJoin(posts, eq(posts.id, postPlatforms.postId))
    .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
    .leftJoin(LATEST_SNAPSHOT, sql`true`)
    .where(publishedTargets(organizationId, period, parameters))
    // By position: the zone is a bound parameter, and `$1` in the select and `$2` in a
    // GROUP BY expression are not the same expression to PostgreSQL.
    .groupBy(sql`1`);
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const days: ReportContent['daily'] = [];
  const last = Temporal.PlainDate.from(parameters.to);
  for (
    let d = Temporal.PlainDate.from(parameters.from);
    Temporal.PlainDate.compare(d, last) <= 0;
    d = d.add({ days: 1 })
  ) {
    const found = byDay.get(d.toString());
    days.push({ day: d.toString(), posts: found?.posts ?? 0, engagement: found?.engagement ?? null });
  }
  return days;
}

/** Per network: posts, impressions and engagement of the range, with the rate over impressions. */
async function networkBreakdown(
  tx: Transaction,
  organizationId: string,
  parameters: ReportParameters,
  period: { start: Date; end: Date },
): Promise<ReportContent['networks']> {
  const rows = await tx
    .select({
      platform: socialAccounts.platform,
      posts: sql<number>`count(*)`.mapWith(Number),
      impressions: sql<number | null>`sum(${metric('impressions')})`.mapWith(numberOrNull),
      engagement: sql<number | null>`sum(${ENGAGEMENT})`.mapWith(numberOrNull),
      engagedWithImpressions: sql<
        number | null
      >`sum(case when ${metric('impressions')} is not null then ${ENGAGEMENT} end)`.mapWith(numberOrNull),
    })
    .from(postPlatforms)
    .innerJoin(posts, eq(posts.id, postPlatforms.postId))
    .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
    .leftJoin(LATEST_SNAPSHOT, sql`true`)
    .where(publishedTargets(organizationId, period, parameters))
    .groupBy(socialAccounts.platform)
    .orderBy(socialAccounts.platform);
  return rows.map(({ engagedWithImpressions, ...row }) => ({
    ...row,
    platform: row.platform as Platform,
    engagementRate:
      row.impressions && engagedWithImpressions !== null
        ? Math.round((engagedWithImpressions / row.impressions) * 10_000) / 100
        : null,
  }));
}

/** The first attachment as image bytes PDFKit can draw (JPEG, PNG), if it is small enough. */
async function thumbnailOf(
  tx: Transaction,
  store: Pick<MediaStore, 'get'>,
  organizationId: string,
  mediaId: string | null,
): Promise<Uint8Array | undefined> {
  if (!mediaId) return undefined;
  const [row] = await tx
    .select({ key: media.s3Key, mimeType: media.mimeType, size: media.sizeBytes })
    .from(media)
    .where(and(eq(media.id, mediaId), eq(media.organizationId, organizationId)));
  if (!row || !['image/jpeg', 'image/png'].includes(row.mimeType) || row.size > THUMBNAIL_MAX_BYTES)
    return undefined;
  return store.get(row.key);
}

/**
 * Everything a report shows, read in the tenant transaction: the overview's KPIs against the
 * previous period (core/analytics/overview.ts), engagement by day, the top posts by engagement
 * with their thumbnails, and the per-network breakdown.
 */
export async function reportContent(
  tx: Transaction,
  store: Pick<MediaStore, 'get'>,
  organizationId: string,
  name: string,
  parameters: ReportParameters,
): Promise<ReportContent> {
  const { current } = periodAndPrevious(parameters);
  const overview = await analyticsOverview(tx, organizationId, parameters);
  const figure = (period: typeof overview.current, key: string): number | null =>
    key === 'posts' ? period.posts : (period.figures[key as keyof typeof period.figures] ?? null);
  const keys = [
    'posts',
    'impressions',
    'reach',
    'engagement',
    'engagementRate',
    ...OVERVIEW_METRICS.filter((m) => !['impressions', 'reach'].includes(m)),
  ];
  const kpis = keys.map((key): ReportKpi => {
    const now = figure(overview.current, key);
    const before = figure(overview.previous, key);
    const reason = (overview.current.unavailable as Record<string, string | undefined>)[key];
    return {
      key,
      label: KPI_LABELS[key] ?? key,
      current: now,
      previous: before,
      change: percentChange(now, before),
      ...(now === null && reason ? { reason } : {}),
    };
  });
  const top = await postPerformance(tx, organizationId, {
    ...parameters,
    sort: 'engagement',
    order: 'desc',
    page: 1,
    limit: TOP_POSTS,
  });
  const topPosts: ReportContent['topPosts'] = [];
  for (const row of top.rows) {
    const thumbnail = await thumbnailOf(tx, store, organizationId, row.mediaId);
    topPosts.push({
      text: row.text,
      platform: row.platform,
      accountName: row.accountName,
      publishedAt: row.publishedAt,
      url: row.url,
      engagement: row.engagement,
      impressions: row.impressions,
      engagementRate: row.engagementRate,
      ...(thumbnail ? { thumbnail } : {}),
    });
  }
  return {
    name,
    current: { from: overview.current.from, to: overview.current.to },
    previous: { from: overview.previous.from, to: overview.previous.to },
    timeZone: parameters.timeZone,
    kpis,
    daily: await dailyEngagement(tx, organizationId, parameters, current),
    topPosts,
    networks: await networkBreakdown(tx, organizationId, parameters, current),
    asOf: overview.asOf,
    sources: overview.sources,
  };
}
