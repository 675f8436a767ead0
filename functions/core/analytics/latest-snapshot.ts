import { sql } from 'drizzle-orm';
import { analytics, postPlatforms } from '../../db/schema';

/**
 * Each target's newest snapshot (LATERAL: one index probe per target on
 * analytics(post_platform_id, recorded_at)), with engagement computed as
 * shared/analytics/definitions.ts defines it: the parts the network reports, null when none.
 */
export const LATEST_SNAPSHOT = sql`lateral (
  select ${analytics.impressionsCount} as impressions, ${analytics.reachCount} as reach,
    ${analytics.likesCount} as likes, ${analytics.commentsCount} as comments,
    ${analytics.sharesCount} as shares, ${analytics.clicksCount} as clicks,
    ${analytics.savesCount} as saves, ${analytics.videoViewsCount} as video_views,
    ${analytics.unavailable} as unavailable, ${analytics.recordedAt} as recorded_at,
    ${analytics.source} as source
  from ${analytics}
  where ${analytics.postPlatformId} = ${postPlatforms.id}
  order by ${analytics.recordedAt} desc
  limit 1
) as snapshot`;

/** A column of `snapshot` (LATEST_SNAPSHOT's alias) by its SQL name. */
export const metric = (name: string) => sql.raw(`snapshot.${name}`);
export const ENGAGEMENT = sql`case when ${metric('likes')} is null and ${metric('comments')} is null
  and ${metric('shares')} is null and ${metric('saves')} is null and ${metric('clicks')} is null then null
  else coalesce(${metric('likes')}, 0) + coalesce(${metric('comments')}, 0) + coalesce(${metric('shares')}, 0)
    + coalesce(${metric('saves')}, 0) + coalesce(${metric('clicks')}, 0) end`;
export const ENGAGEMENT_RATE = sql`round((${ENGAGEMENT}) * 100.0 / nullif(${metric('impressions')}, 0), 2)`;
