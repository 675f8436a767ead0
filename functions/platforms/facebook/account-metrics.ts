import * as z from 'zod';
import { platformProfile } from '../../shared/platforms/catalog';
import {
  PlatformError,
  type AccountCredentials,
  type AccountMetrics,
  type ConnectorContext,
} from '../connector';
import { graphRequest } from '../meta-graph/graph-request';
import { insightsResponse, insightValues } from '../meta-graph/insights';
import { usageReading } from '../meta-graph/usage-reading';
import type { FacebookEndpoints } from './endpoints';

const pageFields = z.object({
  followers_count: z.number().int().nonnegative().optional(),
  fan_count: z.number().int().nonnegative().optional(),
});

/**
 * The Page's followers (`followers_count`; `fan_count`, its likes, when the Page has no
 * follower count) and the day's Page views (insights `page_views_total`, `period=day`, the
 * last day Meta reports), with the Page token (https://developers.facebook.com/docs/graph-api/reference/page/).
 * Page impressions were retired in 2025; refused insights (under 100 likes, no ANALYZE task)
 * are null with Meta's words, the follower count still stands.
 */
export async function fetchFacebookAccountMetrics(
  context: ConnectorContext,
  endpoints: FacebookEndpoints,
  credentials: AccountCredentials,
): Promise<AccountMetrics> {
  const usage = usageReading(context, 'facebook');
  const base = `${endpoints.api}/${credentials.accountId}`;
  const fields = await graphRequest(context, 'facebook', {
    method: 'GET',
    url: base,
    accessToken: credentials.accessToken,
    query: { fields: 'followers_count,fan_count' },
    schema: pageFields,
    onHeaders: usage.onHeaders,
  });
  let profileViews: number | undefined;
  const unavailable: AccountMetrics['unavailable'] = {};
  try {
    const values = insightValues(
      await graphRequest(context, 'facebook', {
        method: 'GET',
        url: `${base}/insights`,
        accessToken: credentials.accessToken,
        query: { metric: 'page_views_total', period: 'day' },
        schema: insightsResponse,
        onHeaders: usage.onHeaders,
      }),
    );
    profileViews = values.get('page_views_total');
  } catch (error) {
    if (!(error instanceof PlatformError) || error.kind !== 'permanent') throw error;
    unavailable.profileViews = `Facebook refused the Page's insights: ${error.message}`;
  }
  return {
    followers: fields.followers_count ?? fields.fan_count,
    profileViews,
    ...(Object.keys(unavailable).length > 0 ? { unavailable } : {}),
    source: platformProfile('facebook').accountMetrics.source,
    fetchedAt: context.clock.now(),
    rateLimit: usage.current,
  };
}
