import * as z from 'zod';
import type { PostMetrics } from '../connector';
import type { BlueskyRuntime } from './runtime';
import { readBody, xrpc } from './xrpc';

/** `app.bsky.feed.getPosts` takes at most 25 URIs per call. */
const BATCH = 25;

const postView = z.object({
  uri: z.string(),
  likeCount: z.number().optional(),
  repostCount: z.number().optional(),
  replyCount: z.number().optional(),
  quoteCount: z.number().optional(),
  bookmarkCount: z.number().optional(),
});

/**
 * Counts for published posts from the public AppView (`app.bsky.feed.getPosts`, no
 * authentication: https://docs.bsky.app/docs/advanced-guides/api-directory). Bluesky
 * publishes no impressions or reach. Deleted posts are absent from the answer and from the
 * result.
 */
export async function fetchBlueskyMetrics(
  runtime: BlueskyRuntime,
  platformPostIds: string[],
): Promise<PostMetrics[]> {
  const metrics: PostMetrics[] = [];
  for (let start = 0; start < platformPostIds.length; start += BATCH) {
    const uris = platformPostIds.slice(start, start + BATCH);
    const response = await xrpc(runtime, {
      method: 'GET',
      base: runtime.endpoints.appview,
      nsid: 'app.bsky.feed.getPosts',
      params: { uris },
      action: 'read post counts',
    });
    const { posts } = readBody(z.object({ posts: z.array(postView) }), response, 'read post counts');
    const fetchedAt = runtime.context.clock.now();
    for (const post of posts) {
      metrics.push({
        platformPostId: post.uri,
        likes: post.likeCount ?? 0,
        comments: post.replyCount ?? 0,
        shares: (post.repostCount ?? 0) + (post.quoteCount ?? 0),
        saves: post.bookmarkCount,
        fetchedAt,
      });
    }
  }
  return metrics;
}
