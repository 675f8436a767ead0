import type { Connector, ConnectorContext, PlatformLimits } from '../connector';
import { profileParts } from '../profile-parts';
import { createTwitterOAuthFlow, fetchTwitterUser, refreshTwitterTokens } from './auth';
import { createRuntime, type TwitterConnectorOptions } from './client';
import { twitterLimitsFor } from '../../shared/platforms/twitter/limits';
import { fetchTwitterAccountMetrics } from './account-metrics';
import { fetchTwitterMetrics } from './metrics';
import { publishToTwitter } from './publish';
import { findTwitterPost } from './lookup';

export { TWITTER_SCOPES } from './auth';
export type { TwitterConnectorOptions } from './client';
export { twitterRetryAfter } from './errors';
export { TWITTER_DEFAULT_QUOTA } from './rate-limits';
export {
  TWITTER_DEFAULT_LIMITS,
  TWITTER_LONG_POST_LENGTH,
  twitterLimitsFor,
} from '../../shared/platforms/twitter/limits';
export type { TwitterPostOptions } from '../../shared/platforms/twitter/options';
export { twitterWeightedLength } from '../../shared/platforms/twitter/text-length';
export { validateTwitterDraft } from '../../shared/platforms/twitter/validate';

/**
 * X (API v2) with OAuth 2.0 user context and PKCE. Endpoints: `context.endpoints.api`
 * (default https://api.x.com) and `context.endpoints.auth` (default https://x.com, the
 * authorization page). The account's subscription, stored at connect time in
 * `profile.extra.subscriptionType`, decides between 280 and 25,000 characters.
 */
export function createTwitterConnector(
  context: ConnectorContext,
  options: TwitterConnectorOptions = {},
): Connector {
  const runtime = createRuntime(context, options);
  return {
    ...profileParts('twitter'),
    connect: createTwitterOAuthFlow(runtime),
    limits: (credentials) => twitterLimitsFor(credentials?.extra?.subscriptionType),
    async readLimits(credentials): Promise<Partial<PlatformLimits>> {
      const user = await fetchTwitterUser(runtime, credentials.accessToken);
      const { maxTextLength, maxVideoDurationSeconds } = twitterLimitsFor(user.subscription_type);
      return { maxTextLength, maxVideoDurationSeconds };
    },
    refresh: (credentials, client) => refreshTwitterTokens(runtime, credentials, client),
    publish: (credentials, draft) => publishToTwitter(runtime, credentials, draft),
    fetchMetrics: (credentials, ids) => fetchTwitterMetrics(runtime, credentials, ids),
    fetchAccountMetrics: (credentials) => fetchTwitterAccountMetrics(runtime, credentials),
    quota: async (credentials) => runtime.quotas.quota(credentials.accountId, context.clock.now()),
    findPublished: (credentials, query) => findTwitterPost(runtime, credentials, query),
  };
}
