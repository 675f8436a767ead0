import {
  PlatformError,
  type AccountCredentials,
  type AccountProfile,
  type ConnectorContext,
  type OAuth2Flow,
  type OAuthClient,
  type Platform,
  type TokenSet,
} from '../connector';
import { requestToken } from './token-exchange';

type AuthorizeParam = 'client_id' | 'redirect_uri' | 'response_type' | 'scope' | 'state';
type CodeExchangeField = 'client_id' | 'client_secret' | 'grant_type' | 'redirect_uri' | 'code';

/**
 * What differs between the Instagram (Business Login) and Threads logins, which otherwise
 * climb the same ladder: code -> short-lived token (1 hour) -> long-lived token (60 days,
 * `{prefix}_exchange_token`), refreshed with `{prefix}_refresh_token`. Meta documents no PKCE
 * for either: the code exchange is authenticated by the app secret and the callback by `state`.
 */
export interface LongLivedLogin {
  platform: Platform;
  /** For messages: "Instagram", "Threads". */
  displayName: string;
  scopes: readonly string[];
  /** The authorization dialog. */
  authorizeUrl: string;
  /** The order each network's dialog URL has always carried its parameters in. */
  authorizeParams: readonly AuthorizeParam[];
  /** `POST` here exchanges the code for the short-lived token. */
  codeExchangeUrl: string;
  /** The order each network's code exchange has always sent its form fields in. */
  codeExchangeFields: readonly CodeExchangeField[];
  /** The unversioned host of `/access_token` and `/refresh_access_token`. */
  tokenHost: string;
  exchangeGrant: string;
  refreshGrant: string;
  /** A scope the grant must include (checked when the answer lists the granted scopes). */
  requiredScope?: string;
  /** Reads (and checks) the connected account with the long-lived token. */
  readProfile(accessToken: string): Promise<AccountProfile>;
}

function authorizationUrl(login: LongLivedLogin, client: OAuthClient, state: string): string {
  const values: Record<AuthorizeParam, string> = {
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    response_type: 'code',
    scope: login.scopes.join(','),
    state,
  };
  const url = new URL(login.authorizeUrl);
  for (const name of login.authorizeParams) url.searchParams.set(name, values[name]);
  return url.toString();
}

function codeExchangeForm(
  login: LongLivedLogin,
  client: OAuthClient & { clientSecret: string },
  code: string,
): Record<string, string> {
  const values: Record<CodeExchangeField, string> = {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    grant_type: 'authorization_code',
    redirect_uri: client.redirectUri,
    code,
  };
  return Object.fromEntries(login.codeExchangeFields.map((name) => [name, values[name]]));
}

export function longLivedLoginFlow(context: ConnectorContext, login: LongLivedLogin): OAuth2Flow {
  const { platform } = login;
  return {
    kind: 'oauth2',
    authorizationUrl: ({ client, state }) => authorizationUrl(login, client, state),

    async exchangeCode({ client, code }) {
      const { clientSecret } = client;
      if (!clientSecret)
        throw new PlatformError(
          'permanent',
          `${platform}: the ${login.displayName} app secret is not configured`,
        );
      const shortLived = await requestToken(context, platform, {
        method: 'POST',
        url: login.codeExchangeUrl,
        form: codeExchangeForm(login, { ...client, clientSecret }, code),
      });
      // Threads' answer lists no scopes: the requested ones are recorded then.
      const scopes = shortLived.permissions ?? [...login.scopes];
      if (login.requiredScope && !scopes.includes(login.requiredScope)) {
        throw new PlatformError(
          'auth',
          'Plume needs permission to publish content; connect again and allow it.',
        );
      }
      const longLived = await requestToken(context, platform, {
        method: 'GET',
        url: `${login.tokenHost}/access_token`,
        query: {
          grant_type: login.exchangeGrant,
          client_secret: clientSecret,
          access_token: shortLived.accessToken,
        },
      });
      const profile = await login.readProfile(longLived.accessToken);
      const tokens: TokenSet = { accessToken: longLived.accessToken, expiresAt: longLived.expiresAt, scopes };
      return { tokens, profile };
    },
  };
}

/**
 * A long-lived token at least 24 hours old and not expired becomes a new 60-day token. Neither
 * network issues a refresh token, so the stored one (normally none) is kept rather than blanked.
 */
export async function refreshLongLivedToken(
  context: ConnectorContext,
  login: Pick<LongLivedLogin, 'platform' | 'tokenHost' | 'refreshGrant'>,
  credentials: AccountCredentials,
): Promise<TokenSet> {
  const refreshed = await requestToken(context, login.platform, {
    method: 'GET',
    url: `${login.tokenHost}/refresh_access_token`,
    query: { grant_type: login.refreshGrant, access_token: credentials.accessToken },
  });
  return {
    accessToken: refreshed.accessToken,
    expiresAt: refreshed.expiresAt,
    refreshToken: credentials.refreshToken,
    refreshTokenExpiresAt: credentials.refreshTokenExpiresAt,
    scopes: credentials.scopes,
  };
}
