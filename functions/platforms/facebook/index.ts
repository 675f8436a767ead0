import type { Connector, ConnectorContext } from '../connector';
import { profileParts } from '../profile-parts';
import { findGraphPost } from '../meta-graph/find-post';
import { facebookConnect } from './auth';
import { facebookEndpoints } from './endpoints';
import { fetchFacebookAccountMetrics } from './account-metrics';
import { fetchFacebookAudience } from './audience';
import { fetchFacebookMetrics } from './metrics';
import { publishToFacebook } from './publish';

/**
 * Facebook Pages through the Graph API. The connected account is a Page and its credentials
 * hold the Page access token (no expiry, so no `refresh`: a revoked one surfaces as `auth`).
 */
export function createFacebookConnector(context: ConnectorContext): Connector {
  const endpoints = facebookEndpoints(context);
  return {
    ...profileParts('facebook'),
    connect: facebookConnect(context, endpoints),
    publish: (credentials, draft) => publishToFacebook(context, endpoints, credentials, draft),
    fetchMetrics: (credentials, ids) => fetchFacebookMetrics(context, endpoints, credentials, ids),
    fetchAccountMetrics: (credentials) => fetchFacebookAccountMetrics(context, endpoints, credentials),
    fetchAudience: (credentials) => fetchFacebookAudience(context, endpoints, credentials),
    // https://developers.facebook.com/docs/graph-api/reference/page/published_posts/
    findPublished: (credentials, query) =>
      findGraphPost(
        context,
        'facebook',
        {
          url: `${endpoints.api}/${credentials.accountId}/published_posts`,
          accessToken: credentials.accessToken,
          textField: 'message',
          timeField: 'created_time',
          linkField: 'permalink_url',
          timeBounds: true,
          describe: "the Page's published posts",
          fallbackUrl: (id) => `https://www.facebook.com/${id}`,
        },
        query,
      ),
  };
}
