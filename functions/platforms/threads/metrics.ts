import {
  PlatformError,
  type AccountCredentials,
  type ConnectorContext,
  type PostMetrics,
} from '../connector';
import { graphRequest } from '../meta-graph/graph-request';
import { insightsResponse, insightValues } from '../meta-graph/insights';
import type { ThreadsEndpoints } from './endpoints';

/** https://developers.facebook.com/documentation/threads/insights (media insights). */
const METRICS = 'views,likes,replies,reposts,quotes,shares';

function sum(...values: (number | undefined)[]): number | undefined {
  const present = values.filter((value): value is number => value !== undefined);
  return present.length ? present.reduce((total, value) => total + value, 0) : undefined;
}

export async function fetchThreadsMetrics(
  context: ConnectorContext,
  endpoints: ThreadsEndpoints,
  credentials: AccountCredentials,
  postIds: string[],
): Promise<PostMetrics[]> {
  const metrics: PostMetrics[] = [];
  for (const id of postIds) {
    let values: Map<string, number>;
    try {
      values = insightValues(
        await graphRequest(context, 'threads', {
          method: 'GET',
          url: `${endpoints.api}/${id}/insights`,
          accessToken: credentials.accessToken,
          query: { metric: METRICS },
          schema: insightsResponse,
        }),
      );
    } catch (error) {
      if (error instanceof PlatformError && error.kind === 'permanent') {
        context.logger.info('threads: no metrics for post', { id, error: error.message });
        continue;
      }
      throw error;
    }
    metrics.push({
      platformPostId: id,
      impressions: values.get('views'),
      likes: values.get('likes'),
      comments: values.get('replies'),
      // Reposts, quotes and shares all spread the post further.
      shares: sum(values.get('reposts'), values.get('quotes'), values.get('shares')),
      fetchedAt: context.clock.now(),
    });
  }
  return metrics;
}
