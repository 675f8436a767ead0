import * as z from 'zod';
import {
  PlatformError,
  type AccountProfile,
  type ConnectorContext,
  type OAuth2Flow,
  type OAuthClient,
  type TokenSet,
} from '../connector';
import { graphRequest } from '../meta-graph/graph-request';
import { requestToken } from '../meta-graph/token-exchange';
import type { FacebookEndpoints } from './endpoints';

/**
 * Page publishing needs a Page access token, listed by `GET /me/accounts` for a user token
 * with these permissions (https://developers.facebook.com/docs/pages-api/getting-started):
 * list Pages, read engagement (metrics), create posts, comment as the Page (first comment),
 * read Page insights, publish videos, read the comments on the Page's posts.
 */
export const FACEBOOK_SCOPES = [
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_posts',
  'pages_manage_engagement',
  'read_insights',
  'publish_video',
  // Comments on the Page's posts, for the mentions reader (listening, crisis manager).
  'pages_read_user_content',
];
const REQUIRED_SCOPES = ['pages_show_list', 'pages_manage_posts'];
/** A user can post as a Page only with the CREATE_CONTENT task. */
const PUBLISH_TASK = 'CREATE_CONTENT';
const MAX_PAGE_BATCHES = 10;

const permissionsResponse = z.object({
  data: z.array(z.object({ permission: z.string(), status: z.string() })),
});

const page = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string().optional(),
  link: z.string().optional(),
  category: z.string().optional(),
  access_token: z.string().optional(),
  tasks: z.array(z.string()).optional(),
  picture: z
    .object({ data: z.object({ url: z.string() }).partial() })
    .partial()
    .optional(),
});
type Page = z.infer<typeof page>;

const pagesResponse = z.object({
  data: z.array(page),
  paging: z
    .object({ cursors: z.object({ after: z.string() }).partial().optional(), next: z.string().optional() })
    .partial()
    .optional(),
});

function requireSecret(client: OAuthClient): string {
  if (!client.clientSecret) {
    throw new PlatformError('permanent', 'facebook: the Meta app secret is not configured');
  }
  return client.clientSecret;
}

async function listPages(
  context: ConnectorContext,
  endpoints: FacebookEndpoints,
  userToken: string,
): Promise<Page[]> {
  const pages: Page[] = [];
  let after: string | undefined;
  for (let batch = 0; batch < MAX_PAGE_BATCHES; batch += 1) {
    const body = await graphRequest(context, 'facebook', {
      method: 'GET',
      url: `${endpoints.api}/me/accounts`,
      accessToken: userToken,
      query: { fields: 'id,name,username,link,category,access_token,tasks,picture{url}', limit: 100, after },
      schema: pagesResponse,
    });
    pages.push(...body.data);
    after = body.paging?.cursors?.after;
    if (!body.paging?.next || !after) break;
  }
  return pages;
}

function pageAccount(
  item: Page & { access_token: string },
  scopes: string[],
): { tokens: TokenSet; profile: AccountProfile } {
  return {
    // A Page token obtained with a long-lived user token does not expire; it stops working
    // when the user changes password or removes the app (Graph code 190 -> needs_reauth).
    tokens: { accessToken: item.access_token, scopes },
    profile: {
      accountId: item.id,
      name: item.name,
      handle: item.username ?? item.id,
      avatarUrl: item.picture?.data?.url,
      profileUrl: item.link ?? `https://www.facebook.com/${item.id}`,
      extra: { category: item.category, tasks: item.tasks },
    },
  };
}

/**
 * Facebook Login with PKCE (S256) and the app secret, then the documented token ladder:
 * code -> short-lived user token -> long-lived user token (`fb_exchange_token`) -> one Page
 * token per Page the user shared. The first Page is the connected account; the others are
 * returned as `additionalAccounts`.
 */
export function facebookConnect(context: ConnectorContext, endpoints: FacebookEndpoints): OAuth2Flow {
  return {
    kind: 'oauth2',
    authorizationUrl({ client, state, codeChallenge }) {
      const url = new URL(endpoints.authorize);
      url.searchParams.set('client_id', client.clientId);
      url.searchParams.set('redirect_uri', client.redirectUri);
      url.searchParams.set('state', state);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('scope', FACEBOOK_SCOPES.join(','));
      // https://developers.facebook.com/documentation/facebook-login/guides/advanced/oidc-token
      url.searchParams.set('code_challenge', codeChallenge);
      url.searchParams.set('code_challenge_method', 'S256');
      return url.toString();
    },

    async exchangeCode({ client, code, codeVerifier }) {
      const secret = requireSecret(client);
      const tokenUrl = `${endpoints.api}/oauth/access_token`;
      const shortLived = await requestToken(context, 'facebook', {
        method: 'GET',
        url: tokenUrl,
        query: {
          client_id: client.clientId,
          redirect_uri: client.redirectUri,
          client_secret: secret,
          code,
          code_verifier: codeVerifier,
        },
      });
      // https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived
      const longLived = await requestToken(context, 'facebook', {
        method: 'GET',
        url: tokenUrl,
        query: {
          grant_type: 'fb_exchange_token',
          client_id: client.clientId,
          client_secret: secret,
          fb_exchange_token: shortLived.accessToken,
        },
      });
      const permissions = await graphRequest(context, 'facebook', {
        method: 'GET',
        url: `${endpoints.api}/me/permissions`,
        accessToken: longLived.accessToken,
        schema: permissionsResponse,
      });
      const granted = permissions.data
        .filter((entry) => entry.status === 'granted')
        .map((entry) => entry.permission);
      const missing = REQUIRED_SCOPES.filter((scope) => !granted.includes(scope));
      if (missing.length > 0) {
        throw new PlatformError(
          'auth',
          `Plume needs the ${missing.join(', ')} permission(s); connect again and allow them.`,
        );
      }
      const pages = (await listPages(context, endpoints, longLived.accessToken)).filter(
        (item): item is Page & { access_token: string } =>
          Boolean(item.access_token) && (!item.tasks || item.tasks.includes(PUBLISH_TASK)),
      );
      const [first, ...others] = pages.map((item) => pageAccount(item, granted));
      if (!first) {
        throw new PlatformError(
          'permanent',
          'No Facebook Page you can post to was shared with Plume. Connect again and select at least one Page you manage.',
        );
      }
      return { ...first, additionalAccounts: others };
    },
  };
}
