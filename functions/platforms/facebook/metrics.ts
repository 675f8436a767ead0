import * as z from 'zod';
import {
  PlatformError,
  type AccountCredentials,
  type ConnectorContext,
  type PostMetrics,
} from '../connector';
import { graphRequest } from '../meta-graph/graph-request';
import { insightsResponse, insightValues } from '../meta-graph/insights';
import type { FacebookEndpoints } from './endpoints';

const summary = z.object({ summary: z.object({ total_count: z.number() }).partial().optional() }).optional();
const counts = z.object({
  reactions: summary,
  comments: summary,
  shares: z.object({ count: z.number() }).partial().optional(),
});

/**
 * Feed posts (`{page}_{post}` ids) have `shares` and the post insights edge; videos (bare
 * ids) have reactions and comments but their numbers live on `video_insights`. Impression
 * metrics were retired on 2025-06-15; `post_total_media_view_unique` is the documented
 * replacement for reach (https://developers.facebook.com/documentation/pages-api/platforminsights/page/deprecated-metrics).
 */
function isFeedPost(id: string): boolean {
  return id.includes('_');
}

async function bestEffortInsights(
  context: ConnectorContext,
  url: string,
  token: string,
  metric: string,
): Promise<Map<string, number>> {
  try {
    const body = await graphRequest(context, 'facebook', {
      method: 'GET',
      url,
      accessToken: token,
      query: { metric },
      schema: insightsResponse,
    });
    return insightValues(body);
  } catch (error) {
    // Insights need 100+ Page likes and can lag a day; the counts above still stand.
    if (error instanceof PlatformError && error.kind === 'permanent') {
      context.logger.debug('facebook: insights unavailable', { url, error: error.message });
      return new Map();
    }
    throw error;
  }
}

export async function fetchFacebookMetrics(
  context: ConnectorContext,
  endpoints: FacebookEndpoints,
  credentials: AccountCredentials,
  postIds: string[],
): Promise<PostMetrics[]> {
  const metrics: PostMetrics[] = [];
  for (const id of postIds) {
    const feed = isFeedPost(id);
    let body: z.infer<typeof counts>;
    try {
      body = await graphRequest(context, 'facebook', {
        method: 'GET',
        url: `${endpoints.api}/${id}`,
        accessToken: credentials.accessToken,
        query: {
          fields: `${feed ? 'shares,' : ''}reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)`,
        },
        schema: counts,
      });
    } catch (error) {
      // A deleted post (Graph code 100, subcode 33) has no metrics; the others still do.
      if (error instanceof PlatformError && error.kind === 'permanent') {
        context.logger.info('facebook: no metrics for post', { id, error: error.message });
        continue;
      }
      throw error;
    }
    const insights = feed
      ? await bestEffortInsights(
          context,
          `${endpoints.api}/${id}/insights`,
          credentials.accessToken,
          'post_total_media_view_unique,post_clicks',
        )
      : await bestEffortInsights(
          context,
          `${endpoints.api}/${id}/video_insights`,
          credentials.accessToken,
          'total_video_views',
        );
    metrics.push({
      platformPostId: id,
      likes: body.reactions?.summary?.total_count,
      comments: body.comments?.summary?.total_count,
      shares: feed ? (body.shares?.count ?? 0) : undefined,
      reach: insights.get('post_total_media_view_unique'),
      clicks: insights.get('post_clicks'),
      videoViews: insights.get('total_video_views'),
      fetchedAt: context.clock.now(),
    });
  }
  return metrics;
}
