import * as z from 'zod';
import {
  PlatformError,
  type AccountCredentials,
  type ConnectorContext,
  type PostMetrics,
} from '../connector';
import { graphRequest } from '../meta-graph/graph-request';
import { insightsResponse, insightValues } from '../meta-graph/insights';
import type { InstagramEndpoints } from './endpoints';

const counts = z.object({
  like_count: z.number().optional(),
  comments_count: z.number().optional(),
  media_product_type: z.string().optional(),
});

/**
 * `views`, `reach`, `saved` and `shares` apply to feed posts and Reels; `impressions`,
 * `plays` and `video_views` were retired in 2025
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights).
 */
const INSIGHT_METRICS = 'views,reach,saved,shares';

async function insights(context: ConnectorContext, endpoints: InstagramEndpoints, token: string, id: string) {
  try {
    const body = await graphRequest(context, 'instagram', {
      method: 'GET',
      url: `${endpoints.api}/${id}/insights`,
      accessToken: token,
      query: { metric: INSIGHT_METRICS },
      schema: insightsResponse,
    });
    return insightValues(body);
  } catch (error) {
    // e.g. (#10) "Not enough viewers for the media to show insights": the counts still stand.
    if (error instanceof PlatformError && error.kind === 'permanent') {
      context.logger.debug('instagram: insights unavailable', { id, error: error.message });
      return new Map<string, number>();
    }
    throw error;
  }
}

export async function fetchInstagramMetrics(
  context: ConnectorContext,
  endpoints: InstagramEndpoints,
  credentials: AccountCredentials,
  mediaIds: string[],
): Promise<PostMetrics[]> {
  const metrics: PostMetrics[] = [];
  for (const id of mediaIds) {
    let body: z.infer<typeof counts>;
    try {
      body = await graphRequest(context, 'instagram', {
        method: 'GET',
        url: `${endpoints.api}/${id}`,
        accessToken: credentials.accessToken,
        query: { fields: 'like_count,comments_count,media_product_type' },
        schema: counts,
      });
    } catch (error) {
      if (error instanceof PlatformError && error.kind === 'permanent') {
        context.logger.info('instagram: no metrics for media', { id, error: error.message });
        continue;
      }
      throw error;
    }
    const values = await insights(context, endpoints, credentials.accessToken, id);
    metrics.push({
      platformPostId: id,
      likes: body.like_count,
      comments: body.comments_count,
      impressions: values.get('views'),
      reach: values.get('reach'),
      saves: values.get('saved'),
      shares: values.get('shares'),
      videoViews: body.media_product_type === 'REELS' ? values.get('views') : undefined,
      fetchedAt: context.clock.now(),
    });
  }
  return metrics;
}
