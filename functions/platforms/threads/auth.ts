import { z } from 'zod';
import {
  PlatformError,
  type AccountCredentials,
  type ConnectorContext,
  type OAuth2Flow,
  type TokenSet,
} from '../connector';
import { graphRequest } from '../meta-graph/graph-request';
import { requestToken } from '../meta-graph/token-exchange';
import type { ThreadsEndpoints } from './endpoints';

/**
 * https://developers.facebook.com/documentation/threads/get-started: `threads_basic` for
 * every call, `threads_content_publish` to post, `threads_manage_replies` to post replies
 * (thread chains, first comment), `threads_manage_insights` for metrics.
 */
export const THREADS_SCOPES = [
  'threads_basic',
  'threads_content_publish',
  'threads_manage_replies',
  'threads_manage_insights',
];

const meResponse = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string().optional(),
  threads_profile_picture_url: z.string().optional(),
});

/**
 * Threads OAuth: code -> short-lived token (1 hour) -> long-lived token (60 days,
 * `th_exchange_token`), refreshed with `th_refresh_token`
 * (https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/). Meta documents
 * no PKCE here; the exchange is authenticated by the app secret and the callback by `state`.
 * The token answer does not list scopes, so the requested ones are recorded.
 */
export function threadsConnect(context: ConnectorContext, endpoints: ThreadsEndpoints): OAuth2Flow {
  return {
    kind: 'oauth2',
    authorizationUrl({ client, state }) {
      const url = new URL(endpoints.authorize);
      url.searchParams.set('client_id', client.clientId);
      url.searchParams.set('redirect_uri', client.redirectUri);
      url.searchParams.set('scope', THREADS_SCOPES.join(','));
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('state', state);
      return url.toString();
    },

    async exchangeCode({ client, code }) {
      if (!client.clientSecret)
        throw new PlatformError('permanent', 'threads: the Threads app secret is not configured');
      const shortLived = await requestToken(context, 'threads', {
        method: 'POST',
        url: `${endpoints.graph}/oauth/access_token`,
        form: {
          client_id: client.clientId,
          client_secret: client.clientSecret,
          code,
          grant_type: 'authorization_code',
          redirect_uri: client.redirectUri,
        },
      });
      const longLived = await requestToken(context, 'threads', {
        method: 'GET',
        url: `${endpoints.graph}/access_token`,
        query: {
          grant_type: 'th_exchange_token',
          client_secret: client.clientSecret,
          access_token: shortLived.accessToken,
        },
      });
      const me = await graphRequest(context, 'threads', {
        method: 'GET',
        url: `${endpoints.api}/me`,
        accessToken: longLived.accessToken,
        query: { fields: 'id,username,name,threads_profile_picture_url' },
        schema: meResponse,
      });
      const tokens: TokenSet = {
        accessToken: longLived.accessToken,
        expiresAt: longLived.expiresAt,
        scopes: shortLived.permissions ?? THREADS_SCOPES,
      };
      return {
        tokens,
        profile: {
          accountId: me.id,
          name: me.name || me.username,
          handle: me.username,
          avatarUrl: me.threads_profile_picture_url,
          profileUrl: `https://www.threads.net/@${me.username}`,
        },
      };
    },
  };
}

/** A long-lived token at least 24 hours old and unexpired becomes a new 60-day token. */
export async function refreshThreadsToken(
  context: ConnectorContext,
  endpoints: ThreadsEndpoints,
  credentials: AccountCredentials,
): Promise<TokenSet> {
  const refreshed = await requestToken(context, 'threads', {
    method: 'GET',
    url: `${endpoints.graph}/refresh_access_token`,
    query: { grant_type: 'th_refresh_token', access_token: credentials.accessToken },
  });
  // Threads issues no refresh token: keep whatever was stored rather than blanking it.
  return {
    accessToken: refreshed.accessToken,
    expiresAt: refreshed.expiresAt,
    refreshToken: credentials.refreshToken,
    refreshTokenExpiresAt: credentials.refreshTokenExpiresAt,
    scopes: credentials.scopes,
  };
}
