import * as z from 'zod';
import type { AccountCredentials, ConnectorContext, Platform, PublishingQuota } from '../connector';
import { graphRequest } from './graph-request';

/**
 * Instagram `GET /{ig-user-id}/content_publishing_limit` and Threads
 * `GET /{threads-user-id}/threads_publishing_limit` share one shape:
 * `{"data":[{"quota_usage":2,"config":{"quota_total":50,"quota_duration":86400}}]}`.
 */
const quotaResponse = z.object({
  data: z
    .array(
      z.object({
        quota_usage: z.number(),
        config: z.object({ quota_total: z.number(), quota_duration: z.number() }).optional(),
      }),
    )
    .min(1),
});

export async function readPublishingQuota(
  context: ConnectorContext,
  platform: Platform,
  request: { url: string; accessToken: string; fallback: { limit: number; windowSeconds: number } },
): Promise<PublishingQuota> {
  const body = await graphRequest(context, platform, {
    method: 'GET',
    url: request.url,
    accessToken: request.accessToken,
    query: { fields: 'quota_usage,config' },
    schema: quotaResponse,
  });
  const current = body.data[0]!;
  return {
    used: current.quota_usage,
    limit: current.config?.quota_total ?? request.fallback.limit,
    windowSeconds: current.config?.quota_duration ?? request.fallback.windowSeconds,
  };
}

/**
 * A connector's `quota()`: the limit read from `{api}/{user-id}/{edge}`, the documented daily
 * limit when Meta leaves the configuration out.
 */
export function dailyPublishingQuota(
  context: ConnectorContext,
  platform: Platform,
  quota: { api: string; edge: string; dailyLimit: number },
): (credentials: AccountCredentials) => Promise<PublishingQuota> {
  return (credentials) =>
    readPublishingQuota(context, platform, {
      url: `${quota.api}/${credentials.accountId}/${quota.edge}`,
      accessToken: credentials.accessToken,
      fallback: { limit: quota.dailyLimit, windowSeconds: 86_400 },
    });
}
