import { and, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { analytics, analyticsLatest, postPlatforms, posts, socialAccounts } from '../../db/schema';
import type { UnavailableMetrics } from '../../shared/analytics/metrics';
import type { Platform } from '../../shared/platforms/catalog';

/**
 * Each target's newest snapshot (`analytics_latest`, kept by the insert trigger of migration
 * 0007), with engagement computed as shared/analytics/definitions.ts defines it: the parts the
 * network reports, null when none. Written as a LATERAL the callers join `on true`, but simple
 * enough (no LIMIT, no ORDER BY) for PostgreSQL to pull it up into a plain join: over thousands
 * of targets it becomes one hash join on the organization's few narrow latest rows instead of
 * one probe per target into the whole history.
 */
export const LATEST_SNAPSHOT = sql`lateral (
  select ${analyticsLatest.impressionsCount} as impressions, ${analyticsLatest.reachCount} as reach,
    ${analyticsLatest.likesCount} as likes, ${analyticsLatest.commentsCount} as comments,
    ${analyticsLatest.sharesCount} as shares, ${analyticsLatest.clicksCount} as clicks,
    ${analyticsLatest.savesCount} as saves, ${analyticsLatest.videoViewsCount} as video_views,
    ${analyticsLatest.unavailable} as unavailable, ${analyticsLatest.recordedAt} as recorded_at,
    ${analyticsLatest.source} as source
  from ${analyticsLatest}
  where ${analyticsLatest.postPlatformId} = ${postPlatforms.id}
    and ${analyticsLatest.organizationId} = ${postPlatforms.organizationId}
) as snapshot`;

/** A column of `snapshot` (LATEST_SNAPSHOT's alias) by its SQL name. */
export const metric = (name: string) => sql.raw(`snapshot.${name}`);
export const ENGAGEMENT = sql`case when ${metric('likes')} is null and ${metric('comments')} is null
  and ${metric('shares')} is null and ${metric('saves')} is null and ${metric('clicks')} is null then null
  else coalesce(${metric('likes')}, 0) + coalesce(${metric('comments')}, 0) + coalesce(${metric('shares')}, 0)
    + coalesce(${metric('saves')}, 0) + coalesce(${metric('clicks')}, 0) end`;
export const ENGAGEMENT_RATE = sql`round((${ENGAGEMENT}) * 100.0 / nullif(${metric('impressions')}, 0), 2)`;

/** The latest snapshot's figures, as a select over LATEST_SNAPSHOT reads them (null before any sync). */
export const SNAPSHOT_FIGURES = {
  impressions: sql<number | null>`${metric('impressions')}`,
  reach: sql<number | null>`${metric('reach')}`,
  likes: sql<number | null>`${metric('likes')}`,
  comments: sql<number | null>`${metric('comments')}`,
  shares: sql<number | null>`${metric('shares')}`,
  clicks: sql<number | null>`${metric('clicks')}`,
  saves: sql<number | null>`${metric('saves')}`,
  videoViews: sql<number | null>`${metric('video_views')}`,
  unavailable: sql<UnavailableMetrics | null>`${metric('unavailable')}`.mapWith(analytics.unavailable),
  asOf: sql<Date | null>`${metric('recorded_at')}`.mapWith(analytics.recordedAt),
  source: sql<string | null>`${metric('source')}`,
};

/** Which published targets an analytics read covers. */
export interface PublishedTargetsFilter {
  accountIds?: string[];
  platforms?: Platform[];
}

/**
 * The organization's targets published in [start, end) whose post was not deleted since,
 * optionally of some accounts or networks: the rows every analytics read starts from. The
 * query must join `posts` and `social_accounts`.
 */
export function publishedTargets(
  organizationId: string,
  period: { start: Date; end: Date },
  filter: PublishedTargetsFilter,
): SQL | undefined {
  return and(
    eq(postPlatforms.organizationId, organizationId),
    eq(postPlatforms.status, 'published'),
    gte(postPlatforms.publishedAt, period.start),
    lt(postPlatforms.publishedAt, period.end),
    isNull(posts.deletedAt),
    filter.accountIds?.length ? inArray(postPlatforms.socialAccountId, filter.accountIds) : undefined,
    filter.platforms?.length ? inArray(socialAccounts.platform, filter.platforms) : undefined,
  );
}
