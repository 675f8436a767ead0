import {
  PlatformError,
  type AccountCredentials,
  type AccountProfile,
  type OAuth2Flow,
  type OAuthClient,
  type TokenSet,
} from '../connector';
import { tiktokCall, tiktokRequest, type TikTokSettings } from './api';
import { tiktokError } from './errors';

/** `POST /v2/oauth/token/` answer: https://developers.tiktok.com/doc/oauth-user-access-token-management */
interface TokenResponse {
  access_token?: string;
  /** Seconds; 86,400 (24 h) for access tokens. */
  expires_in?: number;
  open_id?: string;
  /** Seconds; 31,536,000 (365 days) for refresh tokens. */
  refresh_expires_in?: number;
  refresh_token?: string;
  /** Comma-separated. */
  scope?: string;
  token_type?: string;
}

interface UserInfo {
  user?: {
    open_id?: string;
    avatar_url?: string;
    display_name?: string;
    username?: string;
    profile_deep_link?: string;
  };
}

const parseScopes = (scope: string | undefined) => (scope ?? '').split(/[\s,]+/).filter(Boolean);
const addSeconds = (now: Date, seconds: number | undefined) =>
  typeof seconds === 'number' && seconds > 0 ? new Date(now.getTime() + seconds * 1000) : undefined;

async function requestToken(
  settings: TikTokSettings,
  action: string,
  form: Record<string, string>,
): Promise<TokenResponse & { access_token: string }> {
  const { response, envelope } = await tiktokRequest<never>(settings, {
    method: 'POST',
    url: `${settings.apiBase}/v2/oauth/token/`,
    form: new URLSearchParams(form),
  });
  const body = envelope as TokenResponse | undefined;
  // Token errors come back as `{ error, error_description }`, sometimes with HTTP 200.
  if (response.status < 200 || response.status >= 300 || envelope?.error || !body?.access_token) {
    if (!envelope?.error && response.status >= 200 && response.status < 300) {
      throw new PlatformError('transient', `TikTok: ${action} returned no access token`);
    }
    throw tiktokError(response, envelope, action, settings.context.clock.now());
  }
  return { ...body, access_token: body.access_token };
}

async function readProfile(
  settings: TikTokSettings,
  accessToken: string,
  scopes: string[],
  openId: string | undefined,
): Promise<AccountProfile> {
  // username and profile_deep_link need user.info.profile; asking without it fails the call.
  const fields = ['open_id', 'union_id', 'avatar_url', 'display_name'];
  if (scopes.includes('user.info.profile')) fields.push('username', 'profile_deep_link');
  const data = await tiktokCall<UserInfo>(settings, 'reading the creator profile', {
    method: 'GET',
    url: `${settings.apiBase}/v2/user/info/?fields=${fields.join(',')}`,
    accessToken,
  });
  const user = data.user ?? {};
  const accountId = user.open_id ?? openId;
  if (!accountId) throw new PlatformError('transient', 'TikTok: the creator profile had no open_id');
  const name = user.display_name ?? user.username ?? accountId;
  return {
    accountId,
    name,
    handle: user.username ?? name,
    avatarUrl: user.avatar_url,
    profileUrl: user.username ? `https://www.tiktok.com/@${user.username}` : user.profile_deep_link,
  };
}

/**
 * Login Kit for Web: OAuth 2.0 authorization code grant with PKCE (S256); scopes are
 * comma-separated and the client is identified by `client_key`.
 * https://developers.tiktok.com/doc/login-kit-web
 */
export function tiktokOAuthFlow(settings: TikTokSettings): OAuth2Flow {
  return {
    kind: 'oauth2',
    authorizationUrl({ client, state, codeChallenge }) {
      const params = new URLSearchParams({
        client_key: client.clientId,
        response_type: 'code',
        scope: settings.scopes.join(','),
        redirect_uri: client.redirectUri,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      });
      return `${settings.authBase}/v2/auth/authorize/?${params}`;
    },
    async exchangeCode({ client, code, codeVerifier }) {
      const body = await requestToken(settings, 'connecting the account', {
        client_key: client.clientId,
        client_secret: client.clientSecret ?? '',
        code,
        grant_type: 'authorization_code',
        redirect_uri: client.redirectUri,
        code_verifier: codeVerifier,
      });
      const now = settings.context.clock.now();
      const tokens: TokenSet = {
        accessToken: body.access_token,
        refreshToken: body.refresh_token || undefined,
        expiresAt: addSeconds(now, body.expires_in),
        refreshTokenExpiresAt: addSeconds(now, body.refresh_expires_in),
        scopes: body.scope ? parseScopes(body.scope) : [...settings.scopes],
      };
      const profile = await readProfile(settings, tokens.accessToken, tokens.scopes, body.open_id);
      return { tokens, profile };
    },
  };
}

/**
 * Access tokens last 24 hours, refresh tokens 365 days. TikTok may return a new refresh token;
 * when it returns none the stored one is kept.
 */
export async function refreshTokens(
  settings: TikTokSettings,
  credentials: AccountCredentials,
  client: OAuthClient | undefined,
): Promise<TokenSet> {
  if (!credentials.refreshToken)
    throw new PlatformError('auth', 'TikTok: no refresh token is stored; reconnect the account');
  if (!client)
    throw new PlatformError('permanent', 'TikTok: refreshing a token needs the app client key and secret');
  const body = await requestToken(settings, 'refreshing the access token', {
    client_key: client.clientId,
    client_secret: client.clientSecret ?? '',
    grant_type: 'refresh_token',
    refresh_token: credentials.refreshToken,
  });
  const now = settings.context.clock.now();
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token || credentials.refreshToken,
    expiresAt: addSeconds(now, body.expires_in),
    refreshTokenExpiresAt: addSeconds(now, body.refresh_expires_in) ?? credentials.refreshTokenExpiresAt,
    scopes: body.scope ? parseScopes(body.scope) : credentials.scopes,
  };
}
