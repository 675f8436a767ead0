import * as z from 'zod';
import type { AccountCredentials, AccountProfile, OAuth2Flow, OAuthClient, TokenSet } from '../connector';
import { PlatformError } from '../connector';
import { instanceOf, mastodonCall, readBody, type MastodonRuntime } from './client';

/**
 * Granular scopes (Mastodon 2.4+). `read:accounts` is only needed for verify_credentials;
 * Mastodon 4.3 added the narrower `profile` scope, but older servers reject it as unknown.
 */
export const MASTODON_SCOPES = [
  'read:accounts',
  'read:statuses',
  // The mentions reader (listening, the crisis manager).
  'read:notifications',
  'write:statuses',
  'write:media',
] as const;

/** A client registered on one instance; store it per (instance, redirect URI) and reuse it. */
export interface MastodonApp extends OAuthClient {
  clientSecret: string;
  serviceUrl: string;
}

/**
 * Mastodon's OAuth flow needs one extra step the shared `OAuth2Flow` has no slot for: each
 * instance is its own authorization server, so Plume registers itself there first.
 */
export interface MastodonOAuthFlow extends OAuth2Flow {
  registerApp(input: { serviceUrl: string; redirectUri: string }): Promise<MastodonApp>;
}

const credentialApplication = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) });

const tokenResponse = z.object({
  access_token: z.string().min(1),
  scope: z.string().optional(),
  refresh_token: z.string().optional(),
  // Stock Mastodon tokens never expire (https://docs.joinmastodon.org/api/oauth-tokens/);
  // forks such as Pleroma/Akkoma send expires_in and refresh tokens.
  expires_in: z.number().optional(),
});

const account = z.object({
  id: z.string(),
  username: z.string(),
  acct: z.string().optional(),
  display_name: z.string().optional(),
  avatar: z.string().optional(),
  url: z.string().optional(),
});

function tokenSet(
  runtime: MastodonRuntime,
  body: z.infer<typeof tokenResponse>,
  previous?: AccountCredentials,
): TokenSet {
  const now = runtime.context.clock.now();
  return {
    accessToken: body.access_token,
    // Never replace a stored refresh token with nothing.
    refreshToken: body.refresh_token || previous?.refreshToken,
    expiresAt: body.expires_in ? new Date(now.getTime() + body.expires_in * 1000) : undefined,
    scopes: body.scope
      ? body.scope.split(/[\s+]+/).filter(Boolean)
      : [...(previous?.scopes ?? MASTODON_SCOPES)],
  };
}

export async function fetchProfile(
  runtime: MastodonRuntime,
  instance: string,
  accessToken: string,
): Promise<AccountProfile> {
  const response = await mastodonCall(runtime, {
    method: 'GET',
    instance,
    path: '/api/v1/accounts/verify_credentials',
    accessToken,
    action: 'read the connected account',
  });
  const me = readBody(account, response, 'read the connected account');
  const host = new URL(instance).host;
  return {
    accountId: me.id,
    name: me.display_name || me.username,
    // `acct` is the bare username for local accounts; the full handle names the server too.
    handle: `${me.username}@${host}`,
    avatarUrl: me.avatar || undefined,
    profileUrl: me.url || undefined,
    serviceUrl: instance,
  };
}

export function createMastodonOAuthFlow(runtime: MastodonRuntime): MastodonOAuthFlow {
  const scope = MASTODON_SCOPES.join(' ');
  return {
    kind: 'oauth2',

    // https://docs.joinmastodon.org/methods/apps/#create
    async registerApp({ serviceUrl, redirectUri }) {
      const instance = instanceOf(runtime, serviceUrl);
      const response = await mastodonCall(runtime, {
        method: 'POST',
        instance,
        path: '/api/v1/apps',
        body: {
          client_name: runtime.clientName,
          redirect_uris: [redirectUri],
          scopes: scope,
          ...(runtime.website ? { website: runtime.website } : {}),
        },
        action: 'register Plume on this server',
      });
      const app = readBody(credentialApplication, response, 'register Plume on this server');
      return { clientId: app.client_id, clientSecret: app.client_secret, redirectUri, serviceUrl: instance };
    },

    // https://docs.joinmastodon.org/methods/oauth/#authorize; PKCE (S256 only) since Mastodon 4.3,
    // older servers ignore the challenge.
    authorizationUrl({ client, state, codeChallenge, serviceUrl }) {
      const instance = instanceOf(runtime, serviceUrl);
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: client.clientId,
        redirect_uri: client.redirectUri,
        scope,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      });
      return `${instance}/oauth/authorize?${query.toString()}`;
    },

    // https://docs.joinmastodon.org/methods/oauth/#token
    async exchangeCode({ client, code, codeVerifier, serviceUrl }) {
      const instance = instanceOf(runtime, serviceUrl);
      if (!client.clientSecret)
        throw new PlatformError('permanent', 'Mastodon: the app registration has no client secret');
      const response = await mastodonCall(runtime, {
        method: 'POST',
        instance,
        path: '/oauth/token',
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          client_id: client.clientId,
          client_secret: client.clientSecret,
          redirect_uri: client.redirectUri,
          code_verifier: codeVerifier,
          scope,
        }),
        action: 'finish connecting the account',
      });
      const tokens = tokenSet(runtime, readBody(tokenResponse, response, 'finish connecting the account'));
      const profile = await fetchProfile(runtime, instance, tokens.accessToken);
      return { tokens, profile };
    },
  };
}

/**
 * Stock Mastodon tokens do not expire, so there is usually nothing to refresh: the current
 * tokens are returned as they are. Servers that issue refresh tokens get a real refresh.
 */
export async function refreshMastodonTokens(
  runtime: MastodonRuntime,
  credentials: AccountCredentials,
  client: OAuthClient | undefined,
): Promise<TokenSet> {
  if (!credentials.refreshToken) {
    const { accessToken, refreshToken, expiresAt, refreshTokenExpiresAt, scopes } = credentials;
    return { accessToken, refreshToken, expiresAt, refreshTokenExpiresAt, scopes };
  }
  if (!client?.clientSecret) {
    throw new PlatformError('permanent', 'Mastodon: refreshing needs the app registration of this server');
  }
  const instance = instanceOf(runtime, credentials.serviceUrl);
  const response = await mastodonCall(runtime, {
    method: 'POST',
    instance,
    path: '/oauth/token',
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: credentials.refreshToken,
      client_id: client.clientId,
      client_secret: client.clientSecret,
    }),
    action: 'refresh the access token',
  });
  return tokenSet(runtime, readBody(tokenResponse, response, 'refresh the access token'), credentials);
}
