import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { analytics } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import { engagementOf } from '../../shared/analytics/definitions';
import { SPARKLINE_POINTS } from '../../shared/contracts/analytics-series';

export interface SparklinePoint {
  at: Date;
  engagement: number | null;
}

/**
 * The engagement of each target at its newest SPARKLINE_POINTS snapshots, oldest first: one
 * read for a whole page of the posts table (a window over the targets' snapshots, served by
 * analytics(post_platform_id, recorded_at)). Snapshots hold running totals, so the line shows
 * how the post gathered its engagement.
 */
export async function postSparklines(
  tx: Transaction,
  organizationId: string,
  targetIds: readonly string[],
): Promise<Map<string, SparklinePoint[]>> {
  const lines = new Map<string, SparklinePoint[]>(targetIds.map((id) => [id, []]));
  if (targetIds.length === 0) return lines;
  const ranked = tx.$with('ranked').as(
    tx
      .select({
        targetId: analytics.postPlatformId,
        at: analytics.recordedAt,
        likes: analytics.likesCount,
        comments: analytics.commentsCount,
        shares: analytics.sharesCount,
        saves: analytics.savesCount,
        clicks: analytics.clicksCount,
        newest:
          sql<number>`row_number() over (partition by ${analytics.postPlatformId} order by ${analytics.recordedAt} desc)`.as(
            'newest',
          ),
      })
      .from(analytics)
      .where(
        and(eq(analytics.organizationId, organizationId), inArray(analytics.postPlatformId, [...targetIds])),
      ),
  );
  const rows = await tx
    .with(ranked)
    .select()
    .from(ranked)
    .where(lte(ranked.newest, SPARKLINE_POINTS))
    .orderBy(asc(ranked.targetId), asc(ranked.at));
  for (const row of rows) {
    const engagement = engagementOf({
      impressions: null,
      reach: null,
      videoViews: null,
      likes: row.likes,
      comments: row.comments,
      shares: row.shares,
      saves: row.saves,
      clicks: row.clicks,
    });
    lines.get(row.targetId!)?.push({ at: new Date(row.at), engagement });
  }
  return lines;
}
