import * as z from 'zod';
import type { AccountCredentials, PostMetrics } from '../connector';
import { readBody, twitterCall, type TwitterRuntime } from './client';

const count = z.number().int().nonnegative().optional();

const lookup = z.object({
  data: z
    .array(
      z.object({
        id: z.string(),
        public_metrics: z
          .object({
            retweet_count: count,
            reply_count: count,
            like_count: count,
            quote_count: count,
            bookmark_count: count,
            impression_count: count,
          })
          .optional(),
        attachments: z.object({ media_keys: z.array(z.string()).optional() }).optional(),
      }),
    )
    .optional(),
  includes: z
    .object({
      media: z
        .array(
          z.object({ media_key: z.string(), public_metrics: z.object({ view_count: count }).optional() }),
        )
        .optional(),
    })
    .optional(),
});

/** X's lookup takes up to 100 ids per request. */
const BATCH = 100;

/**
 * `GET /2/tweets?ids=...` with `public_metrics` (impressions, likes, replies, reposts, quotes,
 * bookmarks) and the view counts of attached videos. Deleted posts come back in `errors`
 * and are left out. Non-public metrics exist only for 30 days, so they are not requested.
 */
export async function fetchTwitterMetrics(
  runtime: TwitterRuntime,
  credentials: AccountCredentials,
  platformPostIds: string[],
): Promise<PostMetrics[]> {
  const metrics: PostMetrics[] = [];
  for (let start = 0; start < platformPostIds.length; start += BATCH) {
    const ids = platformPostIds.slice(start, start + BATCH);
    const query = new URLSearchParams({
      ids: ids.join(','),
      'tweet.fields': 'public_metrics',
      expansions: 'attachments.media_keys',
      'media.fields': 'public_metrics',
    });
    const response = await twitterCall(runtime, {
      method: 'GET',
      path: `/2/tweets?${query.toString()}`,
      accessToken: credentials.accessToken,
      action: 'read post metrics',
    });
    const body = readBody(lookup, response, 'read post metrics');
    const views = new Map(
      (body.includes?.media ?? []).map((media) => [media.media_key, media.public_metrics?.view_count]),
    );
    for (const tweet of body.data ?? []) {
      const m = tweet.public_metrics ?? {};
      const videoViews = (tweet.attachments?.media_keys ?? [])
        .map((key) => views.get(key))
        .filter((value): value is number => typeof value === 'number');
      metrics.push({
        platformPostId: tweet.id,
        impressions: m.impression_count,
        likes: m.like_count,
        comments: m.reply_count,
        shares:
          m.retweet_count === undefined && m.quote_count === undefined
            ? undefined
            : (m.retweet_count ?? 0) + (m.quote_count ?? 0),
        saves: m.bookmark_count,
        videoViews: videoViews.length > 0 ? videoViews.reduce((sum, value) => sum + value, 0) : undefined,
        fetchedAt: runtime.context.clock.now(),
      });
    }
  }
  return metrics;
}
