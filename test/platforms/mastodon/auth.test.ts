import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError } from '../../../functions/platforms/connector';
import { mastodonUnderTest } from '../support/mastodon-connector';
import { startMastodonStandIn, type MastodonStandIn } from '../support/mastodon-stand-in';

let standIn: MastodonStandIn;
beforeAll(async () => {
  standIn = await startMastodonStandIn();
});
afterAll(() => standIn.close());

const redirectUri = 'https://plume.example/api/oauth/mastodon/callback';

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

describe('Mastodon connect (per-instance app + OAuth with PKCE)', () => {
  it('registers Plume on the instance with the redirect URI and granular scopes', async () => {
    const { connector } = mastodonUnderTest(standIn, {
      clientName: 'Plume Test',
      website: 'https://plume.example',
    });
    const app = await connector.connect.registerApp({ serviceUrl: standIn.url, redirectUri });

    expect(app).toEqual({
      clientId: 'client-id-1',
      clientSecret: 'client-secret-1',
      redirectUri,
      serviceUrl: standIn.url,
    });
    const [request] = standIn.requestsTo('POST', '/api/v1/apps');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({
      client_name: 'Plume Test',
      redirect_uris: [redirectUri],
      scopes: 'read:accounts read:statuses read:notifications write:statuses write:media',
      website: 'https://plume.example',
    });
  });

  it('builds the authorization URL on the instance with an S256 challenge', () => {
    const { connector } = mastodonUnderTest(standIn);
    const url = new URL(
      connector.connect.authorizationUrl({
        client: { clientId: 'client-id-1', clientSecret: 'client-secret-1', redirectUri },
        state: 'state-123',
        codeChallenge: 'challenge-abc',
        serviceUrl: standIn.url,
      }),
    );
    expect(url.origin + url.pathname).toBe(`${standIn.url}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-id-1',
      redirect_uri: redirectUri,
      scope: 'read:accounts read:statuses read:notifications write:statuses write:media',
      state: 'state-123',
      code_challenge: 'challenge-abc',
      code_challenge_method: 'S256',
    });
  });

  it('exchanges the code with the verifier and reads the profile', async () => {
    const { connector } = mastodonUnderTest(standIn);
    const { verifier, challenge } = pkce();
    const scope = 'read:accounts read:statuses read:notifications write:statuses write:media';
    const code = standIn.approve({ clientId: 'client-id-1', redirectUri, codeChallenge: challenge, scope });

    const { tokens, profile } = await connector.connect.exchangeCode({
      client: { clientId: 'client-id-1', clientSecret: 'client-secret-1', redirectUri },
      code,
      codeVerifier: verifier,
      serviceUrl: standIn.url,
    });

    // Stock Mastodon tokens never expire and come without a refresh token.
    expect(tokens).toEqual({
      accessToken: 'token-new',
      refreshToken: undefined,
      expiresAt: undefined,
      scopes: ['read:accounts', 'read:statuses', 'read:notifications', 'write:statuses', 'write:media'],
    });
    expect(profile).toEqual({
      accountId: '109',
      name: 'Alice',
      handle: `alice@${new URL(standIn.url).host}`,
      avatarUrl: `${standIn.url}/avatars/alice.png`,
      profileUrl: `${standIn.url}/@alice`,
      serviceUrl: standIn.url,
    });
    const tokenRequest = standIn.requestsTo('POST', '/oauth/token').at(-1);
    expect(tokenRequest?.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(Object.fromEntries(tokenRequest?.form ?? [])).toEqual({
      grant_type: 'authorization_code',
      code,
      client_id: 'client-id-1',
      client_secret: 'client-secret-1',
      redirect_uri: redirectUri,
      code_verifier: verifier,
      scope,
    });
    expect(
      standIn.requestsTo('GET', '/api/v1/accounts/verify_credentials').at(-1)?.headers.authorization,
    ).toBe('Bearer token-new');
  });

  it('refuses a code exchanged with the wrong verifier as a permanent failure', async () => {
    const { connector } = mastodonUnderTest(standIn);
    const { challenge } = pkce();
    const code = standIn.approve({
      clientId: 'client-id-1',
      redirectUri,
      codeChallenge: challenge,
      scope: 'read',
    });
    const attempt = connector.connect.exchangeCode({
      client: { clientId: 'client-id-1', clientSecret: 'client-secret-1', redirectUri },
      code,
      codeVerifier: 'not-the-verifier',
      serviceUrl: standIn.url,
    });
    await expect(attempt).rejects.toMatchObject({
      kind: 'auth',
      details: { status: 400, platformCode: 'invalid_grant' },
    });
  });

  it('reports an unknown client (a vacuumed app registration) with its OAuth code', async () => {
    const { connector } = mastodonUnderTest(standIn);
    const attempt = connector.connect.exchangeCode({
      client: { clientId: 'gone', clientSecret: 'gone', redirectUri },
      code: 'x',
      codeVerifier: 'y',
      serviceUrl: standIn.url,
    });
    await expect(attempt).rejects.toMatchObject({
      kind: 'auth',
      details: { status: 401, platformCode: 'invalid_client' },
    });
  });

  it('refuses private or http instance addresses in production', () => {
    const { connector } = mastodonUnderTest(standIn, { allowPrivateInstances: false });
    expect(() =>
      connector.connect.authorizationUrl({
        client: { clientId: 'c', redirectUri },
        state: 's',
        codeChallenge: 'c',
        serviceUrl: standIn.url,
      }),
    ).toThrow(PlatformError);
  });
});

describe('Mastodon refresh', () => {
  it('returns the current tokens unchanged when the server issued no refresh token', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    const before = standIn.requests.length;
    const tokens = await connector.refresh?.(credentials);
    expect(tokens).toEqual({
      accessToken: 'token-alice',
      refreshToken: undefined,
      expiresAt: undefined,
      refreshTokenExpiresAt: undefined,
      scopes: credentials.scopes,
    });
    expect(standIn.requests.length).toBe(before);
  });

  it('refreshes on servers that issue refresh tokens and keeps the old one when none comes back', async () => {
    const { connector, credentials, clock } = mastodonUnderTest(standIn);
    const tokens = await connector.refresh?.(
      { ...credentials, refreshToken: 'refresh-1' },
      { clientId: 'client-id-1', clientSecret: 'client-secret-1', redirectUri },
    );
    expect(tokens).toEqual({
      accessToken: 'token-refreshed',
      refreshToken: 'refresh-1',
      expiresAt: new Date(clock.now().getTime() + 3600 * 1000),
      scopes: ['read:statuses', 'write:statuses'],
    });
    expect(Object.fromEntries(standIn.requestsTo('POST', '/oauth/token').at(-1)?.form ?? [])).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-1',
      client_id: 'client-id-1',
      client_secret: 'client-secret-1',
    });
  });

  it('maps a revoked refresh token to auth (needs re-authorization)', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    const attempt = connector.refresh?.(
      { ...credentials, refreshToken: 'revoked' },
      { clientId: 'client-id-1', clientSecret: 'client-secret-1', redirectUri },
    );
    await expect(attempt).rejects.toMatchObject({ kind: 'auth', details: { platformCode: 'invalid_grant' } });
  });
});
