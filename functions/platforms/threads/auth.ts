import * as z from 'zod';
import type { AccountCredentials, ConnectorContext, OAuth2Flow, TokenSet } from '../connector';
import { graphRequest } from '../meta-graph/graph-request';
import {
  longLivedLoginFlow,
  refreshLongLivedToken,
  type LongLivedLogin,
} from '../meta-graph/long-lived-login';
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
 * Threads OAuth, every token call on graph.threads.net (`th_exchange_token`, `th_refresh_token`;
 * https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/). The token
 * answer does not list scopes, so the requested ones are recorded.
 */
function threadsLogin(context: ConnectorContext, endpoints: ThreadsEndpoints): LongLivedLogin {
  return {
    platform: 'threads',
    displayName: 'Threads',
    scopes: THREADS_SCOPES,
    authorizeUrl: endpoints.authorize,
    authorizeParams: ['client_id', 'redirect_uri', 'scope', 'response_type', 'state'],
    codeExchangeUrl: `${endpoints.graph}/oauth/access_token`,
    codeExchangeFields: ['client_id', 'client_secret', 'code', 'grant_type', 'redirect_uri'],
    tokenHost: endpoints.graph,
    exchangeGrant: 'th_exchange_token',
    refreshGrant: 'th_refresh_token',
    async readProfile(accessToken) {
      const me = await graphRequest(context, 'threads', {
        method: 'GET',
        url: `${endpoints.api}/me`,
        accessToken,
        query: { fields: 'id,username,name,threads_profile_picture_url' },
        schema: meResponse,
      });
      return {
        accountId: me.id,
        name: me.name || me.username,
        handle: me.username,
        avatarUrl: me.threads_profile_picture_url,
        profileUrl: `https://www.threads.net/@${me.username}`,
      };
    },
  };
}

export function threadsConnect(context: ConnectorContext, endpoints: ThreadsEndpoints): OAuth2Flow {
  return longLivedLoginFlow(context, threadsLogin(context, endpoints));
}

export function refreshThreadsToken(
  context: ConnectorContext,
  endpoints: ThreadsEndpoints,
  credentials: AccountCredentials,
): Promise<TokenSet> {
  return refreshLongLivedToken(context, threadsLogin(context, endpoints), credentials);
}
