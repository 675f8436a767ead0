import * as z from 'zod';
import {
  PlatformError,
  type AccountCredentials,
  type ConnectorContext,
  type OAuth2Flow,
  type TokenSet,
} from '../connector';
import { graphRequest } from '../meta-graph/graph-request';
import {
  longLivedLoginFlow,
  refreshLongLivedToken,
  type LongLivedLogin,
} from '../meta-graph/long-lived-login';
import type { InstagramEndpoints } from './endpoints';

/** Business Login scopes (the `business_*` names were retired on 2025-01-27). */
export const INSTAGRAM_SCOPES = [
  'instagram_business_basic',
  'instagram_business_content_publish',
  'instagram_business_manage_comments',
  'instagram_business_manage_insights',
];
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
 * Business Login for Instagram
 * (https://developers.facebook.com/documentation/instagram-platform/reference/access_token):
 * the code is exchanged on api.instagram.com, the long-lived token (`ig_exchange_token`) and
 * its refresh (`ig_refresh_token`,
 * https://developers.facebook.com/documentation/instagram-platform/reference/refresh_access_token)
 * on graph.instagram.com.
 */
function instagramLogin(context: ConnectorContext, endpoints: InstagramEndpoints): LongLivedLogin {
  return {
    platform: 'instagram',
    displayName: 'Instagram',
    scopes: INSTAGRAM_SCOPES,
    authorizeUrl: endpoints.authorize,
    authorizeParams: ['client_id', 'redirect_uri', 'response_type', 'scope', 'state'],
    codeExchangeUrl: `${endpoints.auth}/oauth/access_token`,
    codeExchangeFields: ['client_id', 'client_secret', 'grant_type', 'redirect_uri', 'code'],
    tokenHost: endpoints.graph,
    exchangeGrant: 'ig_exchange_token',
    refreshGrant: 'ig_refresh_token',
    requiredScope: 'instagram_business_content_publish',
    async readProfile(accessToken) {
      const me = await graphRequest(context, 'instagram', {
        method: 'GET',
        url: `${endpoints.api}/me`,
        accessToken,
        query: { fields: 'user_id,username,name,profile_picture_url,account_type' },
        schema: meResponse,
      });
      if (me.account_type && !PROFESSIONAL_TYPES.has(me.account_type)) {
        throw new PlatformError(
          'permanent',
          'Only Instagram professional accounts (Business or Creator) can publish through the API; switch the account type and connect again.',
        );
      }
      return {
        accountId: me.user_id,
        name: me.name || me.username,
        handle: me.username,
        avatarUrl: me.profile_picture_url,
        profileUrl: `https://www.instagram.com/${me.username}`,
        extra: { accountType: me.account_type },
      };
    },
  };
}

export function instagramConnect(context: ConnectorContext, endpoints: InstagramEndpoints): OAuth2Flow {
  return longLivedLoginFlow(context, instagramLogin(context, endpoints));
}

export function refreshInstagramToken(
  context: ConnectorContext,
  endpoints: InstagramEndpoints,
  credentials: AccountCredentials,
): Promise<TokenSet> {
  return refreshLongLivedToken(context, instagramLogin(context, endpoints), credentials);
}
