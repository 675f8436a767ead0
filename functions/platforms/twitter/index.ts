import type { Connector, ConnectorContext, PlatformLimits } from '../connector';
import { createTwitterOAuthFlow, fetchTwitterUser, refreshTwitterTokens } from './auth';
import { createRuntime, type TwitterConnectorOptions } from './client';
import { twitterLimitsFor } from './limits';
import { fetchTwitterMetrics } from './metrics';
import { publishToTwitter } from './publish';
import { validateTwitterDraft } from './validate';
import { PUBLISH_BOUNDS } from '../publish-bounds';
import { findTwitterPost } from './lookup';

export { TWITTER_SCOPES } from './auth';
export type { TwitterConnectorOptions } from './client';
export { twitterRetryAfter } from './errors';
export {
  TWITTER_DEFAULT_LIMITS,
  TWITTER_DEFAULT_QUOTA,
  TWITTER_LONG_POST_LENGTH,
  twitterLimitsFor,
} from './limits';
export type { TwitterPostOptions } from './options';
export { twitterWeightedLength } from './text-length';
export { validateTwitterDraft } from './validate';

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
    platform: 'twitter',
    displayName: 'X',
    connect: createTwitterOAuthFlow(runtime),
    limits: (credentials) => twitterLimitsFor(credentials?.extra?.subscriptionType),
    async readLimits(credentials): Promise<Partial<PlatformLimits>> {
      const user = await fetchTwitterUser(runtime, credentials.accessToken);
      const { maxTextLength, maxVideoDurationSeconds } = twitterLimitsFor(user.subscription_type);
      return { maxTextLength, maxVideoDurationSeconds };
    },
    validate: validateTwitterDraft,
    refresh: (credentials, client) => refreshTwitterTokens(runtime, credentials, client),
    publish: (credentials, draft) => publishToTwitter(runtime, credentials, draft),
    fetchMetrics: (credentials, ids) => fetchTwitterMetrics(runtime, credentials, ids),
    quota: async (credentials) => runtime.quotas.quota(credentials.accountId, context.clock.now()),
    publishTimeoutMs: PUBLISH_BOUNDS.twitter.publishTimeoutMs,
    lookupSettleMs: PUBLISH_BOUNDS.twitter.lookupSettleMs,
    findPublished: (credentials, query) => findTwitterPost(runtime, credentials, query),
  };
}
