import { and, sql } from 'drizzle-orm';
import { accountMetrics, postPlatforms, posts, socialAccounts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import { rowsOf } from '../../db/rows';
import type { Platform } from '../../shared/platforms/catalog';
import { ENGAGEMENT, LATEST_SNAPSHOT, metric, publishedTargets } from '../analytics/latest-snapshot';

/**
 * One published copy of a post and how it did: what the data-driven agents (best time,
 * engagement prediction, anomalies, trends) learn from. Figures are the latest synced ones
 * (running totals, so a post younger than a few days is still growing: see `asOf`); null where
 * the network gives nothing or nothing was synced yet, never 0.
 */
export interface PostOutcome {
  targetId: string;
  postId: string;
  socialAccountId: string;
  platform: Platform;
  publishedAt: Date;
  /** The text as published on this network. */
  text: string;
  mediaCount: number;
  engagement: number | null;
  impressions: number | null;
  /** The account's followers on the last reading at or before the day it was published. */
  followersAtPublish: number | null;
  /** When the figures were synced; null before the first sync. */
  asOf: Date | null;
}

/** How far back the agents learn from an organization's posts: a year holds every season once. */
export const LEARNING_DAYS = 365;

/** The year of posts up to `now` the agents learn from (`loadPostOutcomes`'s window). */
export function learningWindow(now: Date): { since: Date; until: Date } {
  return { since: new Date(now.getTime() - LEARNING_DAYS * 86_400_000), until: now };
}

export interface PostOutcomeFilter {
  since: Date;
  until: Date;
  accountIds?: string[];
  platforms?: Platform[];
}

type RawOutcome = {
  target_id: string;
  post_id: string;
  social_account_id: string;
  platform: Platform;
  published_at: string;
  text: string | null;
  media_count: number | string;
  engagement: number | string | null;
  impressions: number | string | null;
  followers: number | string | null;
  as_of: string | null;
};

const numberOrNull = (value: number | string | null): number | null =>
  value === null ? null : Number(value);

/**
 * The organization's published copies in [since, until), oldest first, with their latest
 * figures and the account's followers then. One query; the follower reading is a lateral
 * index lookup on (account, day).
 */
export async function loadPostOutcomes(
  tx: Transaction,
  organizationId: string,
  filter: PostOutcomeFilter,
): Promise<PostOutcome[]> {
  const where = publishedTargets(organizationId, { start: filter.since, end: filter.until }, filter);
  const raw = rowsOf<RawOutcome>(
    await tx.execute(sql`
      select ${postPlatforms.id} as target_id, ${posts.id} as post_id,
        ${postPlatforms.socialAccountId} as social_account_id, ${socialAccounts.platform} as platform,
        to_char(${postPlatforms.publishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as published_at,
        coalesce(${postPlatforms.content}, ${posts.content}) as text,
        jsonb_array_length(coalesce(${postPlatforms.mediaIds}, ${posts.mediaIds})) as media_count,
        (${ENGAGEMENT})::float8 as engagement, ${metric('impressions')} as impressions,
        follower.count as followers,
        to_char(${metric('recorded_at')} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as as_of
      from ${postPlatforms}
      join ${posts} on ${posts.id} = ${postPlatforms.postId}
      join ${socialAccounts} on ${socialAccounts.id} = ${postPlatforms.socialAccountId}
      left join ${LATEST_SNAPSHOT} on true
      left join lateral (
        select ${accountMetrics.followersCount} as count from ${accountMetrics}
        where ${and(
          sql`${accountMetrics.socialAccountId} = ${postPlatforms.socialAccountId}`,
          sql`${accountMetrics.dateBucket} <= (${postPlatforms.publishedAt} at time zone 'UTC')::date`,
          sql`${accountMetrics.followersCount} is not null`,
        )}
        order by ${accountMetrics.dateBucket} desc limit 1
      ) as follower on true
      where ${where}
      order by ${postPlatforms.publishedAt}, ${postPlatforms.id}`),
  );
  return raw.map((row) => ({
    targetId: row.target_id,
    postId: row.post_id,
    socialAccountId: row.social_account_id,
    platform: row.platform,
    publishedAt: new Date(row.published_at),
    text: row.text ?? '',
    mediaCount: Number(row.media_count),
    engagement: numberOrNull(row.engagement),
    impressions: numberOrNull(row.impressions),
    followersAtPublish: numberOrNull(row.followers),
    asOf: row.as_of === null ? null : new Date(row.as_of),
  }));
}
