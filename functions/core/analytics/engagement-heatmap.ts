import { eq, sql } from 'drizzle-orm';
import { postPlatforms, posts, socialAccounts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import type { Platform } from '../../shared/platforms/catalog';
import { ENGAGEMENT, LATEST_SNAPSHOT, metric, publishedTargets } from './latest-snapshot';
import { periodAndPrevious } from './period';

export interface HeatmapFilter {
  from: string;
  to: string;
  timeZone: string;
  accountIds?: string[];
  platforms?: Platform[];
}

/** One weekday x hour of the viewer's week: the posts published then and how they did. */
export interface HeatmapCell {
  /** ISO weekday in the viewer's zone: 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** Hour of the day in the viewer's zone, 0-23. */
  hour: number;
  posts: number;
  /** Posts with synced metrics that report some engagement. */
  measured: number;
  engagement: number | null;
  /** Mean engagement per measured post. */
  averageEngagement: number | null;
  /** Engagement of the posts with impressions / their impressions x 100. */
  engagementRate: number | null;
}

/**
 * When the organization's posts did best: each post published in the viewer's days `from`..`to`
 * placed at the weekday and hour it went out in the viewer's zone (PostgreSQL's `AT TIME ZONE`,
 * DST-aware), with its latest metrics added up per cell. All 168 cells are answered, empty ones
 * with 0 posts and null figures.
 */
export async function engagementHeatmap(
  tx: Transaction,
  organizationId: string,
  filter: HeatmapFilter,
): Promise<HeatmapCell[]> {
  const { current } = periodAndPrevious(filter);
  const local = sql`(${postPlatforms.publishedAt} at time zone ${filter.timeZone})`;
  const weekday = sql<number>`extract(isodow from ${local})::int`;
  const hour = sql<number>`extract(hour from ${local})::int`;
  const withImpressions = sql`${metric('impressions')} is not null and (${ENGAGEMENT}) is not null`;
  const rows = await tx
    .select({
      weekday,
      hour,
      posts: sql<number>`count(*)::int`,
      measured: sql<number>`count(${ENGAGEMENT})::int`,
      engagement: sql<number | null>`sum(${ENGAGEMENT})::int`,
      engaged: sql<number | null>`sum(${ENGAGEMENT}) filter (where ${withImpressions})`.mapWith(Number),
      impressions: sql<
        number | null
      >`sum(${metric('impressions')}) filter (where ${withImpressions})`.mapWith(Number),
    })
    .from(postPlatforms)
    .innerJoin(posts, eq(posts.id, postPlatforms.postId))
    .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
    .leftJoin(LATEST_SNAPSHOT, sql`true`)
    .where(publishedTargets(organizationId, current, filter))
    // By position: the zone is a bound parameter, so the expressions above differ in text.
    .groupBy(sql`1`, sql`2`);
  const byCell = new Map(rows.map((row) => [`${row.weekday}:${row.hour}`, row]));
  const cells: HeatmapCell[] = [];
  for (let day = 1; day <= 7; day += 1) {
    for (let h = 0; h < 24; h += 1) {
      const row = byCell.get(`${day}:${h}`);
      const engagement = row?.engagement ?? null;
      const impressions = row?.impressions ?? null;
      cells.push({
        weekday: day,
        hour: h,
        posts: row?.posts ?? 0,
        measured: row?.measured ?? 0,
        engagement,
        averageEngagement:
          engagement !== null && row && row.measured > 0
            ? Math.round((engagement / row.measured) * 100) / 100
            : null,
        engagementRate:
          impressions && row?.engaged !== null && row?.engaged !== undefined
            ? Math.round((row.engaged / impressions) * 10_000) / 100
            : null,
      });
    }
  }
  return cells;
}
