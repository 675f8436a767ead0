import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError, type OAuth2Flow } from '../../../functions/platforms/connector';
import {
  LINKEDIN_MEMBER_SCOPES,
  LINKEDIN_ORGANIZATION_SCOPES,
  createLinkedInConnector,
  listLinkedInOrganizations,
} from '../../../functions/platforms/linkedin';
import { NOW, linkedinTestContext, memberCredentials } from '../support/linkedin-context';
import {
  ORGANIZATION_URN,
  REFRESHED_TOKEN,
  VALID_TOKEN,
  startLinkedInStandin,
  type LinkedInStandin,
} from '../support/linkedin-standin';

let standin: LinkedInStandin;
beforeEach(async () => {
  standin = await startLinkedInStandin();
});
afterEach(() => standin.close());

const client = {
  clientId: 'client-1',
  clientSecret: 'secret',
  redirectUri: 'https://plume.example/api/connect/linkedin/callback',
};
const allScopes = [...LINKEDIN_MEMBER_SCOPES, ...LINKEDIN_ORGANIZATION_SCOPES];

function flow(scopes: readonly string[] = allScopes): OAuth2Flow {
  return createLinkedInConnector(linkedinTestContext(standin), { scopes }).connect as OAuth2Flow;
}

const days = (n: number) => n * 24 * 3600 * 1000;

describe('LinkedIn OAuth', () => {
  it('builds the authorization URL for a confidential client (space-separated scopes, no PKCE)', () => {
    const url = new URL(flow().authorizationUrl({ client, state: 'state-1', codeChallenge: 'challenge' }));
    expect(`${url.origin}${url.pathname}`).toBe(`${standin.url}/oauth/v2/authorization`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: client.redirectUri,
      state: 'state-1',
      scope:
        'openid profile w_member_social w_organization_social r_organization_social rw_organization_admin r_member_postAnalytics',
    });
  });

  it('exchanges the code, reads the member and lists the Pages the member can post as', async () => {
    const result = await flow().exchangeCode({ client, code: 'good-code', codeVerifier: 'unused' });

    const [token] = standin.find('POST /oauth/v2/accessToken');
    expect(token!.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(Object.fromEntries(token!.form!)).toEqual({
      grant_type: 'authorization_code',
      code: 'good-code',
      redirect_uri: client.redirectUri,
      client_id: 'client-1',
      client_secret: 'secret',
    });
    expect(result.tokens).toEqual({
      accessToken: VALID_TOKEN,
      refreshToken: 'li-refresh-1',
      expiresAt: new Date(NOW.getTime() + 5183999 * 1000),
      refreshTokenExpiresAt: new Date(NOW.getTime() + 31535999 * 1000),
      scopes: [
        'openid',
        'profile',
        'w_member_social',
        'w_organization_social',
        'r_organization_social',
        'rw_organization_admin',
      ],
    });
    expect(result.profile).toMatchObject({
      accountId: 'urn:li:person:abc123',
      name: 'Ada Lovelace',
      avatarUrl: 'https://media.licdn.com/ada.jpg',
    });
    expect(standin.find('GET /v2/userinfo')[0]!.headers.authorization).toBe(`Bearer ${VALID_TOKEN}`);

    const acls = standin.find('GET /rest/organizationAcls');
    expect(acls.map((acl) => Object.fromEntries(acl.query))).toEqual([
      { q: 'roleAssignee', state: 'APPROVED', start: '0' },
      { q: 'roleAssignee', state: 'APPROVED', start: '2' },
    ]);
    expect(acls[0]!.headers['x-restli-protocol-version']).toBe('2.0.0');
    // An ANALYST cannot post, so two of the three Pages are offered, with the member's tokens.
    expect(result.additionalAccounts).toEqual([
      {
        tokens: result.tokens,
        profile: {
          accountId: ORGANIZATION_URN,
          name: 'Plume Labs',
          handle: 'plume-labs',
          profileUrl: 'https://www.linkedin.com/company/plume-labs/',
          extra: { authorType: 'organization', role: 'ADMINISTRATOR', connectedBy: 'urn:li:person:abc123' },
        },
      },
      {
        tokens: result.tokens,
        profile: {
          accountId: 'urn:li:organization:777',
          name: 'Org 777',
          handle: 'Org 777',
          profileUrl: undefined,
          extra: {
            authorType: 'organization',
            role: 'CONTENT_ADMINISTRATOR',
            connectedBy: 'urn:li:person:abc123',
          },
        },
      },
    ]);
  });

  it('does not list Pages without organization scopes, and still connects when listing fails', async () => {
    standin.override('POST /oauth/v2/accessToken', {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: { access_token: VALID_TOKEN, expires_in: 5183999, scope: 'openid,profile,w_member_social' },
    });
    const memberOnly = await flow(LINKEDIN_MEMBER_SCOPES).exchangeCode({
      client,
      code: 'good-code',
      codeVerifier: '',
    });
    expect(memberOnly.additionalAccounts).toEqual([]);
    expect(memberOnly.tokens.refreshToken).toBeUndefined();
    expect(standin.find('GET /rest/organizationAcls')).toHaveLength(0);

    standin.override('GET /rest/organizationAcls', {
      status: 403,
      headers: { 'content-type': 'application/json' },
      body: { status: 403, message: 'denied' },
    });
    const listingFailed = await flow().exchangeCode({ client, code: 'good-code', codeVerifier: '' });
    expect(listingFailed.profile.accountId).toBe('urn:li:person:abc123');
    expect(listingFailed.additionalAccounts).toEqual([]);
  });

  it('reads the member from /v2/me with the vanity name when OpenID was not granted', async () => {
    standin.override('POST /oauth/v2/accessToken', {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: { access_token: VALID_TOKEN, expires_in: 100, scope: 'r_basicprofile,w_member_social' },
    });
    const { profile } = await flow(['r_basicprofile', 'w_member_social']).exchangeCode({
      client,
      code: 'good-code',
      codeVerifier: '',
    });
    expect(profile).toMatchObject({
      accountId: 'urn:li:person:abc123',
      handle: 'ada-lovelace',
      profileUrl: 'https://www.linkedin.com/in/ada-lovelace/',
    });
    expect(standin.find('GET /v2/userinfo')).toHaveLength(0);
  });

  it('maps a rejected authorization code to auth with the OAuth error', async () => {
    const error = await flow()
      .exchangeCode({ client, code: 'expired-code', codeVerifier: '' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ kind: 'auth', details: { status: 400, platformCode: 'invalid_grant' } });
  });

  it('lists Pages on demand for an already connected member', async () => {
    const pages = await listLinkedInOrganizations(linkedinTestContext(standin), memberCredentials());
    expect(pages.map((page) => page.accountId)).toEqual([ORGANIZATION_URN, 'urn:li:organization:777']);
  });
});

describe('LinkedIn token refresh', () => {
  const connector = () => createLinkedInConnector(linkedinTestContext(standin));

  it('keeps the stored refresh token and its expiry when LinkedIn returns none', async () => {
    const refreshTokenExpiresAt = new Date(NOW.getTime() + days(200));
    const tokens = await connector().refresh!(
      memberCredentials({ refreshToken: 'li-refresh-1', refreshTokenExpiresAt, scopes: ['w_member_social'] }),
      client,
    );
    expect(Object.fromEntries(standin.find('POST /oauth/v2/accessToken')[0]!.form!)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'li-refresh-1',
      client_id: 'client-1',
      client_secret: 'secret',
    });
    expect(tokens).toEqual({
      accessToken: REFRESHED_TOKEN,
      refreshToken: 'li-refresh-1',
      expiresAt: new Date(NOW.getTime() + 5183999 * 1000),
      refreshTokenExpiresAt,
      scopes: ['w_member_social'],
    });
  });

  it('takes a rotated refresh token and its remaining lifetime', async () => {
    standin.rotateRefreshToken = true;
    const tokens = await connector().refresh!(memberCredentials({ refreshToken: 'li-refresh-1' }), client);
    expect(tokens.refreshToken).toBe('li-refresh-2');
    expect(tokens.refreshTokenExpiresAt).toEqual(new Date(NOW.getTime() + 30000000 * 1000));
  });

  it('asks for a reconnect when there is no refresh token or it was revoked', async () => {
    await expect(connector().refresh!(memberCredentials(), client)).rejects.toMatchObject({ kind: 'auth' });
    expect(standin.requests).toHaveLength(0);
    await expect(
      connector().refresh!(memberCredentials({ refreshToken: 'revoked' }), client),
    ).rejects.toMatchObject({
      kind: 'auth',
      details: { platformCode: 'invalid_grant' },
    });
  });
});
