import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OAuth2Flow } from '../../../functions/platforms/connector';
import { createTikTokConnector } from '../../../functions/platforms/tiktok';
import {
  ACCESS_TOKEN,
  NOW,
  OPEN_ID,
  REFRESHED_TOKEN,
  creatorCredentials,
  startTikTokStandin,
  tiktokTestContext,
  type TikTokStandin,
} from '../support/tiktok-standin';

let standin: TikTokStandin;
beforeEach(async () => {
  standin = await startTikTokStandin();
});
afterEach(() => standin.close());

const client = {
  clientId: 'client-key-1',
  clientSecret: 'secret',
  redirectUri: 'https://plume.example/api/connect/tiktok/callback',
};
const connector = () => createTikTokConnector(tiktokTestContext(standin));
const flow = () => connector().connect as OAuth2Flow;

describe('TikTok OAuth', () => {
  it('builds the Login Kit authorization URL with PKCE S256 and comma-separated scopes', () => {
    const url = new URL(
      flow().authorizationUrl({
        client,
        state: 'state-1',
        codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(`${standin.url}/v2/auth/authorize/`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_key: 'client-key-1',
      response_type: 'code',
      scope: 'user.info.basic,user.info.profile,video.publish,video.list',
      redirect_uri: client.redirectUri,
      state: 'state-1',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
  });

  it('exchanges the code with the verifier and reads the creator profile', async () => {
    const result = await flow().exchangeCode({ client, code: 'good-code', codeVerifier: 'verifier-1' });

    const [token] = standin.find('POST /v2/oauth/token/');
    expect(token!.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(Object.fromEntries(token!.form!)).toEqual({
      client_key: 'client-key-1',
      client_secret: 'secret',
      code: 'good-code',
      grant_type: 'authorization_code',
      redirect_uri: client.redirectUri,
      code_verifier: 'verifier-1',
    });
    expect(result.tokens).toEqual({
      accessToken: ACCESS_TOKEN,
      refreshToken: 'rft.1',
      expiresAt: new Date(NOW.getTime() + 86400 * 1000),
      refreshTokenExpiresAt: new Date(NOW.getTime() + 31536000 * 1000),
      scopes: ['user.info.basic', 'user.info.profile', 'video.publish', 'video.list'],
    });
    const [info] = standin.find('GET /v2/user/info/');
    expect(info!.query.get('fields')).toBe(
      'open_id,union_id,avatar_url,display_name,username,profile_deep_link',
    );
    expect(info!.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(result.profile).toEqual({
      accountId: OPEN_ID,
      name: 'Plume Creator',
      handle: 'plume.creator',
      avatarUrl: 'https://p16.tiktokcdn.com/avatar.jpeg',
      profileUrl: 'https://www.tiktok.com/@plume.creator',
    });
  });

  it('asks only for basic fields when user.info.profile was not granted', async () => {
    standin.override('POST /v2/oauth/token/', {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: {
        access_token: ACCESS_TOKEN,
        expires_in: 86400,
        open_id: OPEN_ID,
        refresh_token: 'rft.1',
        refresh_expires_in: 100,
        scope: 'user.info.basic,video.publish',
      },
    });
    const { profile } = await flow().exchangeCode({ client, code: 'good-code', codeVerifier: 'v' });
    expect(standin.find('GET /v2/user/info/')[0]!.query.get('fields')).toBe(
      'open_id,union_id,avatar_url,display_name',
    );
    expect(profile).toMatchObject({ accountId: OPEN_ID, handle: 'Plume Creator', profileUrl: undefined });
  });

  it('maps token endpoint errors, with HTTP 400 or 200, to auth', async () => {
    await expect(flow().exchangeCode({ client, code: 'stale', codeVerifier: 'v' })).rejects.toMatchObject({
      kind: 'auth',
      details: { status: 400, platformCode: 'invalid_grant' },
    });
    standin.override('POST /v2/oauth/token/', {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: {
        error: 'invalid_grant',
        error_description: 'Code verifier or code challenge is invalid.',
        log_id: 'log-2',
      },
    });
    const error = await flow()
      .exchangeCode({ client, code: 'good-code', codeVerifier: 'wrong' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'auth', details: { status: 200, platformCode: 'invalid_grant' } });
    expect((error as Error).message).toContain('Code verifier or code challenge is invalid.');
  });
});

describe('TikTok token refresh', () => {
  it('keeps the stored refresh token when TikTok returns none', async () => {
    const refreshTokenExpiresAt = new Date('2027-06-01T00:00:00Z');
    const tokens = await connector().refresh!(
      creatorCredentials({ refreshToken: 'rft.1', refreshTokenExpiresAt }),
      client,
    );
    expect(Object.fromEntries(standin.find('POST /v2/oauth/token/')[0]!.form!)).toEqual({
      client_key: 'client-key-1',
      client_secret: 'secret',
      grant_type: 'refresh_token',
      refresh_token: 'rft.1',
    });
    expect(tokens).toEqual({
      accessToken: REFRESHED_TOKEN,
      refreshToken: 'rft.1',
      expiresAt: new Date(NOW.getTime() + 86400 * 1000),
      refreshTokenExpiresAt,
      scopes: ['user.info.basic', 'video.publish'],
    });
  });

  it('stores a rotated refresh token', async () => {
    standin.rotateRefreshToken = true;
    const tokens = await connector().refresh!(creatorCredentials({ refreshToken: 'rft.1' }), client);
    expect(tokens).toMatchObject({
      refreshToken: 'rft.2',
      refreshTokenExpiresAt: new Date(NOW.getTime() + 31000000 * 1000),
    });
  });

  it('needs a reconnect without a refresh token or when it is rejected', async () => {
    await expect(connector().refresh!(creatorCredentials(), client)).rejects.toMatchObject({ kind: 'auth' });
    await expect(
      connector().refresh!(creatorCredentials({ refreshToken: 'revoked' }), client),
    ).rejects.toMatchObject({ kind: 'auth' });
  });
});
