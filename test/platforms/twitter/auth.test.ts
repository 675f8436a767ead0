import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twitterUnderTest } from '../support/twitter-connector';
import { startTwitterStandIn, type TwitterStandIn } from '../support/twitter-stand-in';

let standIn: TwitterStandIn;
beforeAll(async () => {
  standIn = await startTwitterStandIn();
});
afterAll(() => standIn.close());

const redirectUri = 'https://plume.example/api/oauth/twitter/callback';
const confidential = { clientId: 'client-x', clientSecret: 'secret-x', redirectUri };
const scope = 'tweet.read tweet.write users.read offline.access media.write';

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

describe('X connect (OAuth 2.0 with PKCE)', () => {
  it('builds the authorization URL with the scopes and an S256 challenge', () => {
    const { connector } = twitterUnderTest(standIn);
    if (connector.connect.kind !== 'oauth2') throw new Error('expected OAuth 2');
    const url = new URL(
      connector.connect.authorizationUrl({ client: confidential, state: 'st', codeChallenge: 'ch' }),
    );
    expect(url.origin + url.pathname).toBe('https://x.test/i/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-x',
      redirect_uri: redirectUri,
      scope,
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
  });

  it('exchanges the code with Basic client authentication and the verifier, then reads the profile', async () => {
    const { connector, clock } = twitterUnderTest(standIn);
    if (connector.connect.kind !== 'oauth2') throw new Error('expected OAuth 2');
    standIn.subscriptionType = 'Premium';
    const { verifier, challenge } = pkce();
    const code = standIn.approve({ codeChallenge: challenge, redirectUri, scope });

    const { tokens, profile } = await connector.connect.exchangeCode({
      client: confidential,
      code,
      codeVerifier: verifier,
    });

    expect(tokens).toEqual({
      accessToken: 'token-new',
      refreshToken: 'refresh-new',
      expiresAt: new Date(clock.now().getTime() + 7200 * 1000),
      scopes: scope.split(' '),
    });
    expect(profile).toEqual({
      accountId: '2244994945',
      name: 'Alice',
      handle: 'alice',
      avatarUrl: 'https://pbs.twimg.com/profile_images/alice_normal.jpg',
      profileUrl: 'https://x.com/alice',
      extra: { subscriptionType: 'Premium', verifiedType: undefined },
    });
    const request = standIn.requestsTo('POST', '/2/oauth2/token').at(-1);
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from('client-x:secret-x').toString('base64')}`,
    );
    expect(Object.fromEntries(request?.form ?? [])).toEqual({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
      client_id: 'client-x',
    });
    expect(standIn.requestsTo('GET', '/2/users/me').at(-1)?.query.get('user.fields')).toBe(
      'profile_image_url,subscription_type,verified_type',
    );
    standIn.subscriptionType = 'None';
  });

  it('lets a public client exchange without a secret', async () => {
    const { connector } = twitterUnderTest(standIn);
    if (connector.connect.kind !== 'oauth2') throw new Error('expected OAuth 2');
    const { verifier, challenge } = pkce();
    const code = standIn.approve({ codeChallenge: challenge, redirectUri, scope });
    await connector.connect.exchangeCode({
      client: { clientId: 'public-x', redirectUri },
      code,
      codeVerifier: verifier,
    });
    expect(standIn.requestsTo('POST', '/2/oauth2/token').at(-1)?.headers.authorization).toBeUndefined();
  });

  it('maps a wrong verifier to auth', async () => {
    const { connector } = twitterUnderTest(standIn);
    if (connector.connect.kind !== 'oauth2') throw new Error('expected OAuth 2');
    const code = standIn.approve({ codeChallenge: pkce().challenge, redirectUri, scope });
    await expect(
      connector.connect.exchangeCode({ client: confidential, code, codeVerifier: 'wrong' }),
    ).rejects.toMatchObject({
      kind: 'auth',
      details: { status: 400, platformCode: 'invalid_request' },
    });
  });
});

describe('X refresh', () => {
  it('stores the rotated refresh token X returns', async () => {
    const { connector, credentials, clock } = twitterUnderTest(standIn);
    const tokens = await connector.refresh?.(credentials, confidential);
    expect(tokens).toEqual({
      accessToken: 'token-2',
      refreshToken: 'refresh-2',
      expiresAt: new Date(clock.now().getTime() + 7200 * 1000),
      scopes: scope.split(' '),
    });
    expect(Object.fromEntries(standIn.requestsTo('POST', '/2/oauth2/token').at(-1)?.form ?? [])).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-1',
      client_id: 'client-x',
    });
  });

  it('maps a used or revoked refresh token to auth', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    await expect(
      connector.refresh?.({ ...credentials, refreshToken: 'refresh-1' }, confidential),
    ).rejects.toMatchObject({
      kind: 'auth',
    });
  });

  it('keeps the stored refresh token when the answer carries none', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    standIn.override('POST', '/2/oauth2/token', (_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token_type: 'bearer', expires_in: 7200, access_token: 'token-3', scope }));
    });
    const tokens = await connector.refresh?.({ ...credentials, refreshToken: 'refresh-kept' }, confidential);
    expect(tokens?.refreshToken).toBe('refresh-kept');
  });

  it('asks for re-authorization when there is no refresh token at all', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    await expect(
      connector.refresh?.({ ...credentials, refreshToken: undefined }, confidential),
    ).rejects.toMatchObject({
      kind: 'auth',
    });
  });
});

describe('X limits', () => {
  it('uses 280 characters unless the stored subscription allows long posts', () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    expect(connector.limits(credentials).maxTextLength).toBe(280);
    expect(
      connector.limits({ ...credentials, extra: { subscriptionType: 'PremiumPlus' } }).maxTextLength,
    ).toBe(25_000);
  });

  it('reads the subscription from /2/users/me at run time', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    standIn.subscriptionType = 'Basic';
    expect(await connector.readLimits?.(credentials)).toEqual({
      maxTextLength: 25_000,
      maxVideoDurationSeconds: undefined,
    });
    standIn.subscriptionType = 'None';
    expect(await connector.readLimits?.(credentials)).toEqual({
      maxTextLength: 280,
      maxVideoDurationSeconds: 140,
    });
  });
});
