import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccessTokenStore, type AccessTokenStore } from '../../web/src/api/access-token';
import { createApiClient, unwrap } from '../../web/src/api/client';
import type { Me, SessionGrant } from '../../web/src/api/types';
import {
  refreshDelayMs,
  REFRESH_LOCK,
  SessionManager,
  type LockRunner,
  type SessionBroadcastMessage,
} from '../../web/src/auth/session-manager';
import { ManualTimers } from './manual-timers';
import { deferred, ScriptedServer } from './scripted-server';

const ORG = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Acme',
  slug: 'acme',
  role: 'admin' as const,
};
const me: Me = {
  id: '00000000-0000-4000-8000-0000000000aa',
  email: 'ada@example.com',
  firstName: 'Ada',
  lastName: 'Lovelace',
  avatarUrl: null,
  timezone: 'Europe/London',
  language: 'en',
  emailVerified: false,
  isSuperAdmin: false,
  gdprConsent: false,
  gdprConsentDate: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  organization: ORG,
  organizations: [ORG],
};
const grant = (accessToken: string, expiresIn = 900, user: Me = me): SessionGrant => ({
  accessToken,
  tokenType: 'Bearer',
  expiresIn,
  user,
});
const problem = (status: number, code: string) => ({
  status,
  body: { type: 'about:blank', title: code, status, code },
});

const server = new ScriptedServer();
let tokens: AccessTokenStore;
let timers: ManualTimers;
let session: SessionManager;
const locks: string[] = [];

function build(
  options: {
    lock?: LockRunner;
    broadcast?: ConstructorParameters<typeof SessionManager>[0]['broadcast'];
  } = {},
) {
  tokens = createAccessTokenStore();
  timers = new ManualTimers();
  const api = createApiClient({
    baseUrl: server.baseUrl,
    tokens,
    recoverToken: (used) => session.recoverToken(used),
  });
  session = new SessionManager({ api, tokens, timers, ...options });
  return api;
}

beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => {
  server.reset();
  locks.length = 0;
});
afterEach(() => session?.dispose());

describe('restoring the session at start-up', () => {
  it('trades the refresh cookie for an access token and schedules the next refresh a minute early', async () => {
    build();
    server.on('POST /api/auth/refresh', { status: 200, body: grant('token-1', 900) });
    expect(session.getState()).toEqual({ status: 'loading' });
    await session.restore();
    expect(session.getState()).toEqual({ status: 'signed-in', user: me });
    expect(tokens.get()).toBe('token-1');
    expect(timers.scheduled).toEqual([840_000]);

    server.on('POST /api/auth/refresh', { status: 200, body: grant('token-2', 900) });
    timers.advance(839_999);
    expect(server.requests('POST /api/auth/refresh')).toHaveLength(1);
    timers.advance(1);
    await session.refresh(); // joins the refresh the timer started
    expect(server.requests('POST /api/auth/refresh')).toHaveLength(2);
    expect(tokens.get()).toBe('token-2');
    expect(timers.scheduled).toEqual([840_000]);
  });

  it('is signed out, without a message, when there is no session (401) or identity is not built (501)', async () => {
    for (const reply of [problem(401, 'unauthorized'), problem(501, 'not_implemented')]) {
      build();
      server.on('POST /api/auth/refresh', reply);
      await session.restore();
      expect(session.getState()).toEqual({ status: 'signed-out' });
      expect(tokens.get()).toBeNull();
      expect(timers.scheduled).toEqual([]);
    }
  });

  it('says "unreachable" for a 5xx or no answer, and retry() asks again', async () => {
    build();
    server.on('POST /api/auth/refresh', problem(503, 'service_unavailable'));
    await session.restore();
    expect(session.getState()).toMatchObject({ status: 'unreachable', problem: { status: 503 } });

    server.on('POST /api/auth/refresh', { status: 200, body: grant('token-1') });
    const retried = session.retry();
    expect(session.getState()).toEqual({ status: 'loading' });
    await retried;
    expect(session.getState()).toMatchObject({ status: 'signed-in' });
  });

  it('sends one refresh however many times it is asked at once (a rotated token must not be replayed)', async () => {
    build({ lock: (name, task) => (locks.push(name), task()) });
    const arrived = deferred();
    const gate = deferred();
    server.on('POST /api/auth/refresh', async () => {
      arrived.resolve();
      await gate.promise;
      return { status: 200, body: grant('token-1') };
    });
    // Every call resolves only after its own request (if it sent one) was answered, so
    // duplicates would be counted below.
    const calls = [session.restore(), session.restore(), session.refresh(), session.refresh()];
    await arrived.promise;
    gate.resolve();
    await Promise.all(calls);
    expect(server.requests('POST /api/auth/refresh')).toHaveLength(1);
    expect(locks).toEqual([REFRESH_LOCK]);
  });
});

describe('an access token refused with 401', () => {
  async function signedIn() {
    const api = build();
    server.on('POST /api/auth/refresh', { status: 200, body: grant('old') });
    await session.restore();
    server.reset();
    return api;
  }

  it('is refreshed once and the request sent again with the new token', async () => {
    const api = await signedIn();
    server.on('GET /api/users/profile', (request) =>
      request.headers.authorization === 'Bearer new'
        ? { status: 200, body: me }
        : problem(401, 'unauthorized'),
    );
    server.on('POST /api/auth/refresh', { status: 200, body: grant('new') });
    await expect(unwrap(api.GET('/users/profile'))).resolves.toEqual(me);
    expect(
      server.seen.map((request) => `${request.method} ${request.url} ${request.headers.authorization}`),
    ).toEqual([
      'GET /api/users/profile Bearer old',
      'POST /api/auth/refresh Bearer old',
      'GET /api/users/profile Bearer new',
    ]);
  });

  it('keeps its body for the retry', async () => {
    const api = await signedIn();
    server.on('PUT /api/users/profile', (request) =>
      request.headers.authorization === 'Bearer new'
        ? { status: 200, body: { ...me, firstName: JSON.parse(request.body).firstName } }
        : problem(401, 'unauthorized'),
    );
    server.on('POST /api/auth/refresh', { status: 200, body: grant('new') });
    await expect(
      unwrap(api.PUT('/users/profile', { body: { firstName: 'Augusta' } })),
    ).resolves.toMatchObject({
      firstName: 'Augusta',
    });
    expect(server.requests('PUT /api/users/profile').map((request) => request.body)).toEqual([
      '{"firstName":"Augusta"}',
      '{"firstName":"Augusta"}',
    ]);
  });

  it('causes a single refresh when several requests fail together', async () => {
    const api = await signedIn();
    server.on('GET /api/users/profile', (request) =>
      request.headers.authorization === 'Bearer new'
        ? { status: 200, body: me }
        : problem(401, 'unauthorized'),
    );
    server.on('GET /api/users/sessions', (request) =>
      request.headers.authorization === 'Bearer new'
        ? { status: 200, body: { sessions: [] } }
        : problem(401, 'unauthorized'),
    );
    server.on('POST /api/auth/refresh', { status: 200, body: grant('new') });
    await Promise.all([
      unwrap(api.GET('/users/profile')),
      unwrap(api.GET('/users/sessions')),
      unwrap(api.GET('/users/profile')),
    ]);
    expect(server.requests('POST /api/auth/refresh')).toHaveLength(1);
  });

  it('signs out with "expired" when the refresh is refused too, and returns the 401', async () => {
    const api = await signedIn();
    server.on('GET /api/users/profile', problem(401, 'unauthorized'));
    server.on('POST /api/auth/refresh', problem(401, 'unauthorized'));
    await expect(unwrap(api.GET('/users/profile'))).rejects.toMatchObject({ status: 401 });
    expect(session.getState()).toEqual({ status: 'signed-out', reason: 'expired' });
    expect(tokens.get()).toBeNull();
    expect(server.requests('GET /api/users/profile')).toHaveLength(1);
  });

  it('is not refreshed on public routes: a wrong password is not an expired token', async () => {
    const api = await signedIn();
    server.on('POST /api/auth/login', problem(401, 'unauthorized'));
    server.on('POST /api/invitations/accept', problem(401, 'unauthorized'));
    await expect(
      unwrap(api.POST('/auth/login', { body: { email: 'a@b.co', password: 'x' } })),
    ).rejects.toMatchObject({
      status: 401,
    });
    await expect(
      unwrap(api.POST('/invitations/accept', { body: { token: 't'.repeat(20), password: 'x' } })),
    ).rejects.toMatchObject({ status: 401 });
    expect(server.requests('POST /api/auth/refresh')).toHaveLength(0);
    expect(session.getState()).toMatchObject({ status: 'signed-in' });
  });
});

describe('signing in and out', () => {
  it('signIn stores the token and the user; signOut ends the session on the server and everywhere', async () => {
    const posted: SessionBroadcastMessage[] = [];
    build({ broadcast: { post: (message) => posted.push(message), subscribe: () => () => undefined } });
    server.on('POST /api/auth/refresh', problem(401, 'unauthorized'));
    await session.restore();
    server.on('POST /api/auth/login', { status: 200, body: grant('token-1') });
    await expect(session.signIn({ email: 'ada@example.com', password: 'pw' })).resolves.toEqual(me);
    expect(tokens.get()).toBe('token-1');
    expect(JSON.parse(server.requests('POST /api/auth/login')[0]!.body)).toEqual({
      email: 'ada@example.com',
      password: 'pw',
    });

    server.on('POST /api/auth/logout', { status: 204 });
    await session.signOut();
    expect(server.requests('POST /api/auth/logout')[0]!.headers.authorization).toBe('Bearer token-1');
    expect(session.getState()).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(tokens.get()).toBeNull();
    expect(timers.scheduled).toEqual([]);
    expect(posted).toEqual([{ type: 'signed-out' }]);
  });

  it('a failed sign-in changes nothing and throws the problem for the form', async () => {
    build();
    server.on('POST /api/auth/refresh', problem(401, 'unauthorized'));
    await session.restore();
    server.on('POST /api/auth/login', { ...problem(429, 'rate_limited'), headers: { 'retry-after': '42' } });
    await expect(session.signIn({ email: 'a@b.co', password: 'pw' })).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 42,
    });
    expect(session.getState()).toEqual({ status: 'signed-out' });
  });

  it('signs out when another tab does', async () => {
    let deliver: (message: SessionBroadcastMessage) => void = () => undefined;
    build({
      broadcast: { post: () => undefined, subscribe: (listener) => ((deliver = listener), () => undefined) },
    });
    server.on('POST /api/auth/refresh', { status: 200, body: grant('token-1') });
    await session.restore();
    deliver({ type: 'signed-out' });
    expect(session.getState()).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(tokens.get()).toBeNull();
  });

  it('switches organization with a new token scoped to it', async () => {
    build();
    server.on('POST /api/auth/refresh', { status: 200, body: grant('token-1') });
    await session.restore();
    const other = {
      id: '00000000-0000-4000-8000-000000000002',
      name: 'Beta',
      slug: 'beta',
      role: 'viewer' as const,
    };
    const moved = { ...me, organization: other, organizations: [ORG, other] };
    server.on('POST /api/auth/switch-organization', { status: 200, body: grant('token-2', 900, moved) });
    await session.switchOrganization(other.id);
    expect(JSON.parse(server.requests('POST /api/auth/switch-organization')[0]!.body)).toEqual({
      organizationId: other.id,
    });
    expect(session.user?.organization).toEqual(other);
    expect(tokens.get()).toBe('token-2');
  });
});

describe('refreshDelayMs', () => {
  it('refreshes a minute before expiry, halfway for short tokens, never sooner than a second', () => {
    expect(refreshDelayMs(900, 60)).toBe(840_000);
    expect(refreshDelayMs(120, 60)).toBe(60_000);
    expect(refreshDelayMs(60, 60)).toBe(30_000);
    expect(refreshDelayMs(0, 60)).toBe(1_000);
  });
});
