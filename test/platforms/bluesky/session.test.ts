import { afterEach, describe, expect, it } from 'vitest';
import { createBlueskyConnector } from '../../../functions/platforms/bluesky';
import { normalizeServiceUrl } from '../../../functions/platforms/bluesky/service-url';
import { blueskyUnderTest, rejection, type BlueskyStandIns } from '../support/bluesky-connector';
import { fakeJwt } from '../support/bluesky-stand-in';

let net: BlueskyStandIns | undefined;
afterEach(async () => {
  await net?.close();
  net = undefined;
});

async function setUp(options: Parameters<typeof blueskyUnderTest>[0] = {}) {
  const underTest = await blueskyUnderTest(options);
  net = underTest.net;
  return underTest;
}

describe('Bluesky app-password login', () => {
  it('signs in at the entryway and keeps the PDS from the DID document and the entryway for refreshes', async () => {
    const { net, credentials, connector } = await setUp();
    const [login] = net.entryway.calls('com.atproto.server.createSession');
    expect(login?.method).toBe('POST');
    expect(login?.json).toEqual({ identifier: 'alice.bsky.social', password: net.world.appPassword });
    expect(credentials).toMatchObject({
      accountId: 'did:plc:alice',
      handle: 'alice.bsky.social',
      serviceUrl: net.pds.url,
      extra: { entryway: net.entryway.url },
      scopes: ['com.atproto.appPass'],
      // exp claims of the stand-in's tokens: two hours and ninety days after the test clock.
      expiresAt: new Date('2025-06-01T14:00:00.000Z'),
      refreshTokenExpiresAt: new Date('2025-08-30T12:00:00.000Z'),
    });
    // The profile record is read from the PDS the DID document names, not from the entryway.
    const [profileRead] = net.pds.calls('com.atproto.repo.getRecord');
    expect(Object.fromEntries(profileRead?.query ?? [])).toEqual({
      repo: 'did:plc:alice',
      collection: 'app.bsky.actor.profile',
      rkey: 'self',
    });
    const again = await connector.connect.login({
      identifier: '@alice.bsky.social',
      password: net.world.appPassword,
    });
    expect(again.profile).toMatchObject({
      name: 'Alice',
      avatarUrl: 'https://cdn.bsky.app/img/avatar/plain/did%3Aplc%3Aalice/bafkreiavatar@jpeg',
      profileUrl: 'https://bsky.app/profile/alice.bsky.social',
    });
  });

  it('refuses the account password and ends the session it opened', async () => {
    const { net, connector } = await setUp();
    const error = await rejection(
      connector.connect.login({ identifier: 'alice.bsky.social', password: net.world.accountPassword }),
    );
    expect(error).toMatchObject({ kind: 'auth', details: { platformCode: 'AccountPasswordRefused' } });
    const [logout] = net.entryway.calls('com.atproto.server.deleteSession');
    expect(logout?.method).toBe('POST');
    const token = logout?.headers.authorization?.slice('Bearer '.length) ?? '';
    expect(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString())).toMatchObject({
      scope: 'com.atproto.refresh',
    });
    expect(net.world.refreshTokens.has(token)).toBe(false);
  });

  it('reports a wrong password and a suspended account as auth errors with the platform message', async () => {
    const { net, connector } = await setUp();
    const wrong = await rejection(
      connector.connect.login({ identifier: 'alice.bsky.social', password: 'wrong' }),
    );
    expect(wrong).toMatchObject({
      kind: 'auth',
      message: 'Bluesky could not sign in: Invalid identifier or password',
      details: { status: 401 },
    });

    net.world.accountStatus = 'takendown';
    const takendown = await rejection(
      connector.connect.login({ identifier: 'alice.bsky.social', password: net.world.appPassword }),
    );
    expect(takendown).toMatchObject({ kind: 'auth', details: { platformCode: 'takendown' } });
    expect(takendown.message).toMatch(/takendown/);
  });

  it('guards both the typed server address and the PDS a DID document announces', async () => {
    const underTest = await setUp();
    // Public names, answered by the loopback stand-ins, so the connector's guard stays on.
    const rewrite: typeof fetch = (input, init) =>
      fetch(
        String(input)
          .replace('https://entryway.example', underTest.net.entryway.url)
          .replace('https://pds.example', underTest.net.pds.url),
        init,
      );
    const strict = createBlueskyConnector({
      fetch: rewrite,
      clock: underTest.clock,
      logger: underTest.logger,
      endpoints: { service: 'https://entryway.example' },
    });
    const login = { identifier: 'alice.bsky.social', password: underTest.net.world.appPassword };

    underTest.net.world.pdsUrl = 'https://pds.example';
    const ok = await strict.connect.login(login);
    expect(ok.profile).toMatchObject({ serviceUrl: 'https://pds.example', name: 'Alice' });

    underTest.net.world.pdsUrl = 'http://10.0.0.5:2583';
    const announced = await rejection(strict.connect.login(login));
    expect(announced).toMatchObject({ kind: 'permanent' });
    expect(announced.message).toMatch(/not an https server address/);

    const sessions = underTest.net.entryway.calls('com.atproto.server.createSession').length;
    const typed = await rejection(strict.connect.login({ ...login, serviceUrl: 'localhost:2583' }));
    expect(typed.message).toMatch(/not a public server/);
    expect(underTest.net.entryway.calls('com.atproto.server.createSession')).toHaveLength(sessions);
  });

  it('normalizes typed server addresses and keeps private ones out', () => {
    expect(normalizeServiceUrl('bsky.social')).toBe('https://bsky.social');
    expect(normalizeServiceUrl(' https://pds.example.com/xrpc ')).toBe('https://pds.example.com');
    for (const bad of [
      '',
      'http://pds.example.com',
      'localhost',
      'https://127.0.0.1',
      'https://[::1]',
      'https://intranet',
      'ftp://x.y',
      'https://user:pw@pds.example.com',
    ]) {
      expect(() => normalizeServiceUrl(bad), bad).toThrow();
    }
    expect(normalizeServiceUrl('http://127.0.0.1:2583', { allowPrivate: true })).toBe(
      'http://127.0.0.1:2583',
    );
  });
});

describe('Bluesky session refresh', () => {
  it('refreshes at the entryway with the refresh JWT and stores the rotated pair', async () => {
    const { net, connector, credentials } = await setUp();
    const tokens = await connector.refresh?.(credentials);
    const [call] = net.entryway.calls('com.atproto.server.refreshSession');
    expect(call?.method).toBe('POST');
    expect(call?.headers.authorization).toBe(`Bearer ${credentials.refreshToken}`);
    expect(net.pds.calls('com.atproto.server.refreshSession')).toHaveLength(0);
    expect(tokens?.refreshToken).not.toBe(credentials.refreshToken);
    expect(net.world.refreshTokens.has(tokens?.refreshToken ?? '')).toBe(true);
    expect(net.world.accessTokens.has(tokens?.accessToken ?? '')).toBe(true);
    expect(tokens?.expiresAt).toEqual(new Date('2025-06-01T14:00:00.000Z'));
  });

  it('keeps the stored refresh token when the server issues none', async () => {
    const { net, connector, credentials } = await setUp();
    net.world.rotateRefreshTokens = false;
    const tokens = await connector.refresh?.(credentials);
    expect(tokens?.refreshToken).toBe(credentials.refreshToken);
    expect(tokens?.refreshTokenExpiresAt).toEqual(credentials.refreshTokenExpiresAt);
    expect(tokens?.accessToken).not.toBe(credentials.accessToken);
  });

  it('maps an expired or revoked refresh token (400 ExpiredToken) to auth', async () => {
    const { connector, credentials } = await setUp();
    const error = await rejection(
      connector.refresh?.({ ...credentials, refreshToken: fakeJwt({ scope: 'com.atproto.refresh' }) }) ??
        Promise.resolve(),
    );
    expect(error).toMatchObject({ kind: 'auth', details: { status: 400, platformCode: 'ExpiredToken' } });
    const missing = await rejection(
      connector.refresh?.({ ...credentials, refreshToken: undefined }) ?? Promise.resolve(),
    );
    expect(missing.kind).toBe('auth');
  });

  it('is a retryable error when the entryway is down or slow', async () => {
    const { net, connector, credentials } = await setUp({ timeoutMs: 500 });
    net.entryway.override('com.atproto.server.refreshSession', (_request, response) => {
      response.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"ServiceUnavailable"}');
    });
    expect(await rejection(connector.refresh?.(credentials) ?? Promise.resolve())).toMatchObject({
      kind: 'transient',
      details: { status: 503 },
    });
    net.entryway.delay('com.atproto.server.refreshSession', 1500);
    expect((await rejection(connector.refresh?.(credentials) ?? Promise.resolve())).kind).toBe('transient');
  });
});
