import * as z from 'zod';
import {
  sharesOf,
  type AudienceDemographics,
  type UnavailableAudience,
} from '../../shared/analytics/account-metrics';
import { platformProfile } from '../../shared/platforms/catalog';
import {
  PlatformError,
  type AccountCredentials,
  type AccountMetrics,
  type AudienceReading,
  type ConnectorContext,
} from '../connector';
import { graphRequest } from '../meta-graph/graph-request';
import { insightsResponse, insightValues } from '../meta-graph/insights';
import { usageReading } from '../meta-graph/usage-reading';
import type { InstagramEndpoints } from './endpoints';

const count = z.number().int().nonnegative().optional();
const accountFields = z.object({ followers_count: count, follows_count: count, media_count: count });

/**
 * The account's counts (IG User fields `followers_count,follows_count,media_count`) and its
 * day's `views` and `profile_views` (account insights, `period=day&metric_type=total_value`;
 * `impressions` was retired in April 2025 and `views` replaces it:
 * https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights).
 * Insights Meta refuses (too few followers, a missing permission) are null with its message;
 * the counts still stand.
 */
export async function fetchInstagramAccountMetrics(
  context: ConnectorContext,
  endpoints: InstagramEndpoints,
  credentials: AccountCredentials,
): Promise<AccountMetrics> {
  const usage = usageReading(context, 'instagram');
  const base = `${endpoints.api}/${credentials.accountId}`;
  const fields = await graphRequest(context, 'instagram', {
    method: 'GET',
    url: base,
    accessToken: credentials.accessToken,
    query: { fields: 'followers_count,follows_count,media_count' },
    schema: accountFields,
    onHeaders: usage.onHeaders,
  });
  let impressions: number | undefined;
  let profileViews: number | undefined;
  const unavailable: AccountMetrics['unavailable'] = {};
  try {
    const values = insightValues(
      await graphRequest(context, 'instagram', {
        method: 'GET',
        url: `${base}/insights`,
        accessToken: credentials.accessToken,
        query: { metric: 'views,profile_views', period: 'day', metric_type: 'total_value' },
        schema: insightsResponse,
        onHeaders: usage.onHeaders,
      }),
    );
    impressions = values.get('views');
    profileViews = values.get('profile_views');
  } catch (error) {
    if (!(error instanceof PlatformError) || error.kind !== 'permanent') throw error;
    const reason = `Instagram refused the account's insights: ${error.message}`;
    unavailable.impressions = reason;
    unavailable.profileViews = reason;
  }
  return {
    followers: fields.followers_count,
    following: fields.follows_count,
    posts: fields.media_count,
    impressions,
    profileViews,
    ...(Object.keys(unavailable).length > 0 ? { unavailable } : {}),
    source: platformProfile('instagram').accountMetrics.source,
    fetchedAt: context.clock.now(),
    rateLimit: usage.current,
  };
}

const demographicsResponse = z.object({
  data: z.array(
    z.object({
      name: z.string(),
      total_value: z
        .object({
          breakdowns: z
            .array(
              z.object({
                dimension_keys: z.array(z.string()).optional(),
                results: z
                  .array(z.object({ dimension_values: z.array(z.string()), value: z.number() }))
                  .optional(),
              }),
            )
            .optional(),
        })
        .optional(),
    }),
  ),
});

/** The breakdowns `follower_demographics` offers, asked one at a time (one breakdown per call). */
const BREAKDOWNS = ['age', 'gender', 'country', 'city'] as const;

/**
 * Who follows the account: `follower_demographics` (`period=lifetime&metric_type=total_value`,
 * one `breakdown` per call), as shares. Meta answers only for accounts with at least 100
 * followers; its refusal becomes the dimension's reason.
 */
export async function fetchInstagramAudience(
  context: ConnectorContext,
  endpoints: InstagramEndpoints,
  credentials: AccountCredentials,
): Promise<AudienceReading> {
  const usage = usageReading(context, 'instagram');
  const profile = platformProfile('instagram').accountMetrics.audience;
  const demographics: AudienceDemographics = {};
  const unavailable: UnavailableAudience = { ...profile.unavailable };
  for (const breakdown of BREAKDOWNS) {
    try {
      const body = await graphRequest(context, 'instagram', {
        method: 'GET',
        url: `${endpoints.api}/${credentials.accountId}/insights`,
        accessToken: credentials.accessToken,
        query: {
          metric: 'follower_demographics',
          period: 'lifetime',
          metric_type: 'total_value',
          breakdown,
        },
        schema: demographicsResponse,
        onHeaders: usage.onHeaders,
      });
      const counts: Record<string, number> = {};
      for (const metric of body.data) {
        for (const group of metric.total_value?.breakdowns ?? []) {
          for (const result of group.results ?? []) {
            const bucket = result.dimension_values.join(', ');
            counts[bucket] = (counts[bucket] ?? 0) + result.value;
          }
        }
      }
      const shares = sharesOf(counts);
      if (Object.keys(shares).length > 0) demographics[breakdown] = shares;
      else unavailable[breakdown] = 'Instagram returned no followers for this breakdown.';
    } catch (error) {
      if (!(error instanceof PlatformError) || error.kind !== 'permanent') throw error;
      unavailable[breakdown] = `Instagram refused follower demographics: ${error.message}`;
    }
  }
  return {
    demographics,
    unavailable,
    source: profile.source ?? 'Instagram Graph API',
    fetchedAt: context.clock.now(),
    rateLimit: usage.current,
  };
}
