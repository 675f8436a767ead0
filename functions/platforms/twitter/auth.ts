import * as z from 'zod';
import {
  PlatformError,
  type AccountCredentials,
  type AccountProfile,
  type OAuth2Flow,
  type OAuthClient,
  type TokenSet,
} from '../connector';
import { readBody, twitterCall, type TwitterRuntime } from './client';

/**
 * `offline.access` yields a refresh token (access tokens last two hours without it);
 * `media.write` is needed for the v2 media upload
 * (https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code).
 */
export const TWITTER_SCOPES = [
  'tweet.read',
  'tweet.write',
  'users.read',
  'offline.access',
  'media.write',
] as const;

const tokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().optional(),
  expires_in: z.number().optional(),
  scope: z.string().optional(),
});

const me = z.object({
  data: z.object({
    id: z.string(),
    name: z.string(),
    username: z.string(),
    profile_image_url: z.string().optional(),
    subscription_type: z.string().optional(),
    verified_type: z.string().optional(),
  }),
});

function clientHeaders(client: OAuthClient): Record<string, string> {
  // Confidential clients authenticate with HTTP Basic; public clients send only client_id.
  return client.clientSecret
    ? { authorization: `Basic ${btoa(`${client.clientId}:${client.clientSecret}`)}` }
    : {};
}

function tokenSet(
  runtime: TwitterRuntime,
  body: z.infer<typeof tokenResponse>,
  previous?: AccountCredentials,
): TokenSet {
  const now = runtime.context.clock.now();
  return {
    accessToken: body.access_token,
    // X rotates refresh tokens on every use; keep the stored one only if none came back.
    refreshToken: body.refresh_token || previous?.refreshToken,
    expiresAt: body.expires_in ? new Date(now.getTime() + body.expires_in * 1000) : undefined,
    scopes: body.scope ? body.scope.split(' ').filter(Boolean) : [...(previous?.scopes ?? [])],
  };
}

/** `GET /2/users/me` with the fields Plume shows and the subscription that sets the text limit. */
export async function fetchTwitterUser(
  runtime: TwitterRuntime,
  accessToken: string,
): Promise<z.infer<typeof me>['data']> {
  const response = await twitterCall(runtime, {
    method: 'GET',
    path: '/2/users/me?user.fields=profile_image_url,subscription_type,verified_type',
    accessToken,
    action: 'read the connected account',
  });
  return readBody(me, response, 'read the connected account').data;
}

function profileOf(user: z.infer<typeof me>['data']): AccountProfile {
  return {
    accountId: user.id,
    name: user.name,
    handle: user.username,
    avatarUrl: user.profile_image_url,
    profileUrl: `https://x.com/${user.username}`,
    extra: { subscriptionType: user.subscription_type ?? 'None', verifiedType: user.verified_type },
  };
}

export function createTwitterOAuthFlow(runtime: TwitterRuntime): OAuth2Flow {
  return {
    kind: 'oauth2',

    // https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token (step 1)
    authorizationUrl({ client, state, codeChallenge }) {
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: client.clientId,
        redirect_uri: client.redirectUri,
        scope: TWITTER_SCOPES.join(' '),
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      });
      return `${runtime.authBase}/i/oauth2/authorize?${query.toString()}`;
    },

    async exchangeCode({ client, code, codeVerifier }) {
      const response = await twitterCall(runtime, {
        method: 'POST',
        path: '/2/oauth2/token',
        headers: clientHeaders(client),
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: client.redirectUri,
          code_verifier: codeVerifier,
          client_id: client.clientId,
        }),
        action: 'finish connecting the account',
      });
      const tokens = tokenSet(runtime, readBody(tokenResponse, response, 'finish connecting the account'));
      const profile = profileOf(await fetchTwitterUser(runtime, tokens.accessToken));
      return { tokens, profile };
    },
  };
}

/** `POST /2/oauth2/token` with `grant_type=refresh_token`; X answers with a new refresh token. */
export async function refreshTwitterTokens(
  runtime: TwitterRuntime,
  credentials: AccountCredentials,
  client: OAuthClient | undefined,
): Promise<TokenSet> {
  if (!credentials.refreshToken) {
    throw new PlatformError('auth', 'X: this account has no refresh token; connect it again');
  }
  if (!client) throw new PlatformError('permanent', 'X: refreshing needs the OAuth client configuration');
  const response = await twitterCall(runtime, {
    method: 'POST',
    path: '/2/oauth2/token',
    headers: clientHeaders(client),
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: credentials.refreshToken,
      client_id: client.clientId,
    }),
    action: 'refresh the access token',
  });
  return tokenSet(runtime, readBody(tokenResponse, response, 'refresh the access token'), credentials);
}
