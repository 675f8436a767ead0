import * as z from 'zod';
import { PlatformError, type AccountCredentials, type PostMetrics } from '../connector';
import { accountInstance, mastodonCall, readBody, type MastodonRuntime } from './client';

const statusCounts = z.object({
  id: z.string(),
  replies_count: z.number().int().nonnegative(),
  reblogs_count: z.number().int().nonnegative(),
  favourites_count: z.number().int().nonnegative(),
  // Mastodon 4.5+
  quotes_count: z.number().int().nonnegative().optional(),
});

/**
 * Counts from each status (`GET /api/v1/statuses/:id`). Mastodon publishes no impressions
 * or reach. A deleted status (404) is left out rather than failing the batch. One request
 * per status keeps this working on servers older than 4.3 (which added the batch lookup).
 */
export async function fetchMastodonMetrics(
  runtime: MastodonRuntime,
  credentials: AccountCredentials,
  platformPostIds: string[],
): Promise<PostMetrics[]> {
  const instance = accountInstance(runtime, credentials);
  const metrics: PostMetrics[] = [];
  for (const id of platformPostIds) {
    try {
      const response = await mastodonCall(runtime, {
        method: 'GET',
        instance,
        path: `/api/v1/statuses/${encodeURIComponent(id)}`,
        accessToken: credentials.accessToken,
        action: 'read post metrics',
      });
      const counts = readBody(statusCounts, response, 'read post metrics');
      metrics.push({
        platformPostId: counts.id,
        likes: counts.favourites_count,
        comments: counts.replies_count,
        shares: counts.reblogs_count + (counts.quotes_count ?? 0),
        fetchedAt: runtime.context.clock.now(),
      });
    } catch (error) {
      if (error instanceof PlatformError && error.details.status === 404) continue;
      throw error;
    }
  }
  return metrics;
}
