import {
  PlatformError,
  type AccountCredentials,
  type AccountProfile,
  type OAuth2Flow,
  type OAuthClient,
  type TokenSet,
} from '../connector';
import { linkedinCall, restHeaders, type LinkedInSettings } from './api';

/** Page roles that may post as the organization (Posts API permission notes). */
export const LINKEDIN_POSTING_ROLES = [
  'ADMINISTRATOR',
  'CONTENT_ADMINISTRATOR',
  'DIRECT_SPONSORED_CONTENT_POSTER',
  'RECRUITING_POSTER',
] as const;

/** `POST /oauth/v2/accessToken` answer (authorization code and refresh token grants). */
interface TokenResponse {
  access_token?: string;
  expires_in?: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  /** Comma-separated in practice (`"openid,profile,w_member_social"`); spaces are accepted too. */
  scope?: string;
}

interface UserInfo {
  sub?: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  picture?: string;
}

interface LegacyMe {
  id?: string;
  localizedFirstName?: string;
  localizedLastName?: string;
  vanityName?: string;
}

interface OrganizationAcl {
  organization?: string;
  role?: string;
  state?: string;
}

interface AclPage {
  elements?: OrganizationAcl[];
  paging?: { start?: number; count?: number; total?: number };
}

const ACL_MAX_PAGES = 20;

interface Organization {
  id?: number;
  localizedName?: string;
  vanityName?: string;
}

const parseScopes = (scope: string | undefined) => (scope ?? '').split(/[\s,]+/).filter(Boolean);
const addSeconds = (now: Date, seconds: number | undefined) =>
  typeof seconds === 'number' && seconds > 0 ? new Date(now.getTime() + seconds * 1000) : undefined;

async function requestToken(
  settings: LinkedInSettings,
  action: string,
  form: Record<string, string>,
): Promise<TokenResponse & { access_token: string }> {
  const response = await linkedinCall<TokenResponse>(settings, action, {
    method: 'POST',
    url: `${settings.authBase}/oauth/v2/accessToken`,
    body: new URLSearchParams(form),
  });
  const accessToken = response.body?.access_token;
  if (!accessToken) throw new PlatformError('transient', `LinkedIn: ${action} returned no access token`);
  return { ...response.body, access_token: accessToken };
}

/** The member behind the token: OpenID userinfo when `openid` was granted, else `/v2/me`. */
async function memberProfile(
  settings: LinkedInSettings,
  accessToken: string,
  scopes: string[],
): Promise<AccountProfile> {
  const headers = { authorization: `Bearer ${accessToken}` };
  if (scopes.includes('openid')) {
    const { body } = await linkedinCall<UserInfo>(settings, 'reading the member profile', {
      method: 'GET',
      url: `${settings.apiBase}/v2/userinfo`,
      headers,
    });
    if (!body?.sub) throw new PlatformError('transient', 'LinkedIn: the member profile had no id');
    const name = body.name ?? [body.given_name, body.family_name].filter(Boolean).join(' ');
    return {
      accountId: `urn:li:person:${body.sub}`,
      name,
      handle: name,
      avatarUrl: body.picture,
      extra: { authorType: 'person' },
    };
  }
  const { body } = await linkedinCall<LegacyMe>(settings, 'reading the member profile', {
    method: 'GET',
    url: `${settings.apiBase}/v2/me`,
    headers,
  });
  if (!body?.id) throw new PlatformError('transient', 'LinkedIn: the member profile had no id');
  const name = [body.localizedFirstName, body.localizedLastName].filter(Boolean).join(' ');
  return {
    accountId: `urn:li:person:${body.id}`,
    name,
    handle: body.vanityName ?? name,
    profileUrl: body.vanityName ? `https://www.linkedin.com/in/${body.vanityName}/` : undefined,
    extra: { authorType: 'person' },
  };
}

/**
 * The Pages the member may post as: organizationAcls by role assignee, keeping roles that can
 * publish. Needs the Community Management scopes; without them the list is simply empty.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role
 */
export async function listOrganizations(
  settings: LinkedInSettings,
  accessToken: string,
  memberUrn: string,
): Promise<AccountProfile[]> {
  const roles = new Map<string, string>();
  // Agencies manage many Pages: follow Rest.li paging (10 per page by default), within reason.
  for (let start = 0, page = 0; page < ACL_MAX_PAGES; page += 1) {
    const acls = await linkedinCall<AclPage>(settings, 'listing the Pages you manage', {
      method: 'GET',
      url: `${settings.apiBase}/rest/organizationAcls?q=roleAssignee&state=APPROVED&start=${start}`,
      headers: restHeaders(settings, accessToken),
    });
    const elements = acls.body?.elements ?? [];
    for (const acl of elements) {
      const postingRole = LINKEDIN_POSTING_ROLES.find((role) => role === acl.role);
      const approved = (acl.state ?? 'APPROVED') === 'APPROVED';
      if (acl.organization && postingRole && approved && !roles.has(acl.organization)) {
        roles.set(acl.organization, postingRole);
      }
    }
    start += elements.length;
    const { total, count = 10 } = acls.body?.paging ?? {};
    if (elements.length === 0 || (total !== undefined ? start >= total : elements.length < count)) break;
  }
  const profiles: AccountProfile[] = [];
  for (const [urn, role] of roles) {
    const id = urn.split(':').pop() ?? '';
    const { body } = await linkedinCall<Organization>(settings, 'reading a Page', {
      method: 'GET',
      url: `${settings.apiBase}/rest/organizations/${encodeURIComponent(id)}`,
      headers: restHeaders(settings, accessToken),
    });
    const name = body?.localizedName ?? urn;
    profiles.push({
      accountId: urn,
      name,
      handle: body?.vanityName ?? name,
      profileUrl: body?.vanityName ? `https://www.linkedin.com/company/${body.vanityName}/` : undefined,
      extra: { authorType: 'organization', role, connectedBy: memberUrn },
    });
  }
  return profiles;
}

/** organizationAcls needs one of these (Organization Access Control permissions). */
const ORGANIZATION_LISTING_SCOPES = ['rw_organization_admin', 'r_organization_admin'];

/**
 * OAuth 2.0 authorization code flow for a confidential (server) client. LinkedIn offers PKCE
 * only to native apps it enables it for; web apps authenticate the code exchange with the
 * client secret, so the PKCE values are not sent:
 * https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow
 */
export function linkedinOAuthFlow(settings: LinkedInSettings): OAuth2Flow {
  return {
    kind: 'oauth2',
    authorizationUrl({ client, state }) {
      const params = new URLSearchParams({
        response_type: 'code',
        client_id: client.clientId,
        redirect_uri: client.redirectUri,
        state,
        scope: settings.scopes.join(' '),
      });
      return `${settings.authBase}/oauth/v2/authorization?${params}`;
    },
    async exchangeCode({ client, code }) {
      const body = await requestToken(settings, 'connecting the account', {
        grant_type: 'authorization_code',
        code,
        redirect_uri: client.redirectUri,
        client_id: client.clientId,
        client_secret: client.clientSecret ?? '',
      });
      const now = settings.context.clock.now();
      const tokens: TokenSet = {
        accessToken: body.access_token,
        refreshToken: body.refresh_token || undefined,
        expiresAt: addSeconds(now, body.expires_in),
        refreshTokenExpiresAt: addSeconds(now, body.refresh_token_expires_in),
        scopes: body.scope ? parseScopes(body.scope) : [...settings.scopes],
      };
      const profile = await memberProfile(settings, tokens.accessToken, tokens.scopes);
      let organizations: AccountProfile[] = [];
      if (tokens.scopes.some((scope) => ORGANIZATION_LISTING_SCOPES.includes(scope))) {
        try {
          organizations = await listOrganizations(settings, tokens.accessToken, profile.accountId);
        } catch (error) {
          // The member account still connects; the Pages can be listed again later.
          settings.context.logger.warn('LinkedIn: could not list Pages', { error: (error as Error).message });
        }
      }
      return {
        tokens,
        profile,
        // A Page posts with the token of the member who manages it.
        additionalAccounts: organizations.map((organization) => ({
          tokens: { ...tokens },
          profile: organization,
        })),
      };
    },
  };
}

/**
 * Programmatic refresh: LinkedIn issues refresh tokens only to approved partners; the refresh
 * token keeps its original 365-day lifetime and may come back unchanged, so an absent one keeps
 * the stored value. Without one the account must be reconnected before the 60-day token ends.
 * https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens
 */
export async function refreshTokens(
  settings: LinkedInSettings,
  credentials: AccountCredentials,
  client: OAuthClient | undefined,
): Promise<TokenSet> {
  if (!credentials.refreshToken) {
    const until = credentials.expiresAt ? ` before ${credentials.expiresAt.toISOString().slice(0, 10)}` : '';
    throw new PlatformError(
      'auth',
      `LinkedIn gave this app no refresh token (programmatic refresh is for approved partners); reconnect the account${until}`,
    );
  }
  if (!client)
    throw new PlatformError('permanent', 'LinkedIn: refreshing a token needs the app client id and secret');
  const body = await requestToken(settings, 'refreshing the access token', {
    grant_type: 'refresh_token',
    refresh_token: credentials.refreshToken,
    client_id: client.clientId,
    client_secret: client.clientSecret ?? '',
  });
  const now = settings.context.clock.now();
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token || credentials.refreshToken,
    expiresAt: addSeconds(now, body.expires_in),
    refreshTokenExpiresAt:
      addSeconds(now, body.refresh_token_expires_in) ?? credentials.refreshTokenExpiresAt,
    scopes: body.scope ? parseScopes(body.scope) : credentials.scopes,
  };
}
