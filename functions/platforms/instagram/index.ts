import type { Connector, ConnectorContext, PlatformLimits } from '../connector';
import { profileParts } from '../profile-parts';
import { pollingFrom, type MetaPollingOptions } from '../meta-graph/polling';
import { dailyPublishingQuota } from '../meta-graph/publishing-quota';
import { findGraphPost } from '../meta-graph/find-post';
import { instagramConnect, refreshInstagramToken } from './auth';
import { instagramEndpoints } from './endpoints';
import { INSTAGRAM_DAILY_PUBLISH_LIMIT, INSTAGRAM_LIMITS } from '../../shared/platforms/instagram/limits';
import { fetchInstagramAccountMetrics, fetchInstagramAudience } from './account-metrics';
import { fetchInstagramMetrics } from './metrics';
import { publishToInstagram } from './publish';

export interface InstagramConnectorOptions extends MetaPollingOptions {
  /** Hashtags allowed per caption: 30 by Meta's reference, 5 by some 2026 reports. */
  hashtagLimit?: number;
}

/** Instagram professional accounts through the Instagram API with Instagram Login. */
export function createInstagramConnector(
  context: ConnectorContext,
  options: InstagramConnectorOptions = {},
): Connector {
  const endpoints = instagramEndpoints(context);
  const polling = pollingFrom(options);
  const limits: PlatformLimits = {
    ...INSTAGRAM_LIMITS,
    maxHashtags: options.hashtagLimit ?? INSTAGRAM_LIMITS.maxHashtags,
  };
  return {
    ...profileParts('instagram'),
    connect: instagramConnect(context, endpoints),
    limits: () => limits,
    refresh: (credentials) => refreshInstagramToken(context, endpoints, credentials),
    publish: (credentials, draft) =>
      publishToInstagram({ context, api: endpoints.api, polling }, credentials, draft),
    fetchMetrics: (credentials, ids) => fetchInstagramMetrics(context, endpoints, credentials, ids),
    fetchAccountMetrics: (credentials) => fetchInstagramAccountMetrics(context, endpoints, credentials),
    fetchAudience: (credentials) => fetchInstagramAudience(context, endpoints, credentials),
    quota: dailyPublishingQuota(context, 'instagram', {
      api: endpoints.api,
      edge: 'content_publishing_limit',
      dailyLimit: INSTAGRAM_DAILY_PUBLISH_LIMIT,
    }),
    // The IG User media edge, newest first (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media).
    findPublished: (credentials, query) =>
      findGraphPost(
        context,
        'instagram',
        {
          url: `${endpoints.api}/${credentials.accountId}/media`,
          accessToken: credentials.accessToken,
          textField: 'caption',
          timeField: 'timestamp',
          linkField: 'permalink',
          timeBounds: false,
          describe: "the account's Instagram media",
        },
        query,
      ),
  };
}
