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
import type { InstagramEndpoints } from './endpoints';

/** Business Login scopes (the `business_*` names were retired on 2025-01-27). */
export const INSTAGRAM_SCOPES = [
  'instagram_business_basic',
  'instagram_business_content_publish',
  'instagram_business_manage_comments',
  'instagram_business_manage_insights',
];
const PUBLISH_SCOPE = 'instagram_business_content_publish';
/** Only professional accounts can publish through the API. */
const PROFESSIONAL_TYPES = new Set(['BUSINESS', 'MEDIA_CREATOR', 'CREATOR']);

const meResponse = z.object({
  id: z.string().optional(),
  // The Instagram professional account id that `/{ig-user-id}/media` expects.
  user_id: z.union([z.string(), z.number().transform(String)]),
  username: z.string(),
  name: z.string().optional(),
  profile_picture_url: z.string().optional(),
  account_type: z.string().optional(),
});

/**
 * Business Login for Instagram: authorization code -> short-lived token (1 hour) -> long-lived
 * token (60 days, `ig_exchange_token`), refreshed with `ig_refresh_token`. Meta documents no
 * PKCE for this flow, so the authorization URL carries `state` only; the code exchange is
 * authenticated by the app secret.
 */
export function instagramConnect(context: ConnectorContext, endpoints: InstagramEndpoints): OAuth2Flow {
  return {
    kind: 'oauth2',
    authorizationUrl({ client, state }) {
      const url = new URL(endpoints.authorize);
      url.searchParams.set('client_id', client.clientId);
      url.searchParams.set('redirect_uri', client.redirectUri);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('scope', INSTAGRAM_SCOPES.join(','));
      url.searchParams.set('state', state);
      return url.toString();
    },

    async exchangeCode({ client, code }) {
      if (!client.clientSecret)
        throw new PlatformError('permanent', 'instagram: the Instagram app secret is not configured');
      const shortLived = await requestToken(context, 'instagram', {
        method: 'POST',
        url: `${endpoints.auth}/oauth/access_token`,
        form: {
          client_id: client.clientId,
          client_secret: client.clientSecret,
          grant_type: 'authorization_code',
          redirect_uri: client.redirectUri,
          code,
        },
      });
      const scopes = shortLived.permissions ?? INSTAGRAM_SCOPES;
      if (!scopes.includes(PUBLISH_SCOPE)) {
        throw new PlatformError(
          'auth',
          'Plume needs permission to publish content; connect again and allow it.',
        );
      }
      // https://developers.facebook.com/documentation/instagram-platform/reference/access_token
      const longLived = await requestToken(context, 'instagram', {
        method: 'GET',
        url: `${endpoints.graph}/access_token`,
        query: {
          grant_type: 'ig_exchange_token',
          client_secret: client.clientSecret,
          access_token: shortLived.accessToken,
        },
      });
      const me = await graphRequest(context, 'instagram', {
        method: 'GET',
        url: `${endpoints.api}/me`,
        accessToken: longLived.accessToken,
        query: { fields: 'user_id,username,name,profile_picture_url,account_type' },
        schema: meResponse,
      });
      if (me.account_type && !PROFESSIONAL_TYPES.has(me.account_type)) {
        throw new PlatformError(
          'permanent',
          'Only Instagram professional accounts (Business or Creator) can publish through the API; switch the account type and connect again.',
        );
      }
      const tokens: TokenSet = { accessToken: longLived.accessToken, expiresAt: longLived.expiresAt, scopes };
      return {
        tokens,
        profile: {
          accountId: me.user_id,
          name: me.name || me.username,
          handle: me.username,
          avatarUrl: me.profile_picture_url,
          profileUrl: `https://www.instagram.com/${me.username}`,
          extra: { accountType: me.account_type },
        },
      };
    },
  };
}

/**
 * https://developers.facebook.com/documentation/instagram-platform/reference/refresh_access_token:
 * a long-lived token at least 24 hours old and not expired becomes a new 60-day token.
 * Instagram issues no refresh token, so the stored one (normally none) is kept as is.
 */
export async function refreshInstagramToken(
  context: ConnectorContext,
  endpoints: InstagramEndpoints,
  credentials: AccountCredentials,
): Promise<TokenSet> {
  const refreshed = await requestToken(context, 'instagram', {
    method: 'GET',
    url: `${endpoints.graph}/refresh_access_token`,
    query: { grant_type: 'ig_refresh_token', access_token: credentials.accessToken },
  });
  return {
    accessToken: refreshed.accessToken,
    expiresAt: refreshed.expiresAt,
    refreshToken: credentials.refreshToken,
    refreshTokenExpiresAt: credentials.refreshTokenExpiresAt,
    scopes: credentials.scopes,
  };
}
