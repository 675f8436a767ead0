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
  type AudienceReading,
  type ConnectorContext,
} from '../connector';
import { graphRequest } from '../meta-graph/graph-request';
import { usageReading } from '../meta-graph/usage-reading';
import type { FacebookEndpoints } from './endpoints';

/** A lifetime breakdown metric: `values[].value` is an object, bucket -> followers. */
const breakdownResponse = z.object({
  data: z.array(
    z.object({
      name: z.string(),
      values: z.array(z.object({ value: z.unknown() })).optional(),
    }),
  ),
});

/**
 * The Page follower demographics Meta still names, one metric per call so that a refusal of one
 * leaves the other. Meta's own pages disagree about them: the deprecated-metrics list has
 * `page_follows_country` and `page_follows_city` among the metrics retired on 2024-03-14
 * (https://developers.facebook.com/docs/platforminsights/page/deprecated-metrics), while the
 * 2025-11-15 retirement of `page_fans_country` / `page_fans_city` names them as the
 * alternatives (https://developers.facebook.com/docs/pages-api/changelog/,
 * https://developers.facebook.com/blog/post/2025/08/15/page-insights-api-updates/). So Plume
 * asks, and Meta's answer decides: its "(#100) The value must be a valid insights metric"
 * becomes the dimension's reason. Country buckets are ISO 3166-1 alpha-2 codes, as Instagram's.
 */
const METRICS = [
  { dimension: 'country', metric: 'page_follows_country', noun: 'country' },
  { dimension: 'city', metric: 'page_follows_city', noun: 'city' },
] as const;

/**
 * Who follows the Page: insights `page_follows_country` and `page_follows_city`
 * (`period=lifetime`, the latest value), as shares, with the Page token. Age, gender and
 * language are gone from the Graph API (the profile's reasons: `page_fans_gender_age`,
 * `page_follows_gender_age`, `page_follows_locale` retired 2024-03-14, `page_fans_locale`
 * 2025-11-15). A refusal (a retired metric, a Page under Meta's threshold, no ANALYZE task) is the
 * dimension's reason; auth, throttle and server errors are thrown, as for every sync call.
 */
export async function fetchFacebookAudience(
  context: ConnectorContext,
  endpoints: FacebookEndpoints,
  credentials: AccountCredentials,
): Promise<AudienceReading> {
  const usage = usageReading(context, 'facebook');
  const profile = platformProfile('facebook').accountMetrics.audience;
  const demographics: AudienceDemographics = {};
  const unavailable: UnavailableAudience = { ...profile.unavailable };
  for (const { dimension, metric, noun } of METRICS) {
    try {
      const body = await graphRequest(context, 'facebook', {
        method: 'GET',
        url: `${endpoints.api}/${credentials.accountId}/insights`,
        accessToken: credentials.accessToken,
        query: { metric, period: 'lifetime' },
        schema: breakdownResponse,
        onHeaders: usage.onHeaders,
      });
      const latest = body.data.find((entry) => entry.name === metric)?.values?.at(-1)?.value;
      const counts: Record<string, number> = {};
      if (latest && typeof latest === 'object')
        for (const [bucket, count] of Object.entries(latest as Record<string, unknown>))
          if (typeof count === 'number' && Number.isFinite(count)) counts[bucket] = count;
      const shares = sharesOf(counts);
      if (Object.keys(shares).length > 0) demographics[dimension] = shares;
      else unavailable[dimension] = `Facebook returned no followers by ${noun} for this Page.`;
    } catch (error) {
      if (!(error instanceof PlatformError) || error.kind !== 'permanent') throw error;
      unavailable[dimension] = `Facebook refused ${metric}: ${error.message}`;
    }
  }
  return {
    demographics,
    unavailable,
    source: profile.source ?? 'Facebook Graph API, Page insights',
    fetchedAt: context.clock.now(),
    rateLimit: usage.current,
  };
}
