import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../support/http-client';
import { startIdentityRuntime, STRONG_PASSWORD } from '../../support/identity-runtime';

type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;
type Grant = {
  accessToken: string;
  user: { emailVerified: boolean; email: string; organization: { role: string } };
};

describe('identity over HTTP: register, verify, sessions', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startIdentityRuntime();
  });
  afterAll(async () => env?.stop());

  it('registers, signs in at once with an httpOnly refresh cookie, and verifies the email from the outbox', async () => {
    const client = new TestClient(env.runtime.url);
    const email = `new-${crypto.randomUUID().slice(0, 6)}@Example.TEST`;
    const response = await client.post<Grant>('/api/auth/register', {
      email,
      password: STRONG_PASSWORD,
      firstName: 'Ada',
      lastName: 'Lovelace',
      organizationName: 'Engines',
      acceptTerms: true,
    });
    expect(response.status).toBe(201);
    expect(response.body.user).toMatchObject({
      email: email.toLowerCase(),
      emailVerified: false,
      organization: { role: 'admin' },
    });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('plume_refresh='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);

    client.accessToken = response.body.accessToken;
    const token = await env.mailedToken(email.toLowerCase(), '/verify-email?token=');
    expect((await client.post('/api/auth/verify-email', { token })).status).toBe(200);
    expect((await client.post('/api/auth/verify-email', { token })).status).toBe(400); // single use
    expect((await client.get<Grant['user']>('/api/users/profile')).body.emailVerified).toBe(true);
  });

  it('refuses a duplicate email, a weak password and missing consent with field errors, writing nothing', async () => {
    const { email } = await env.signUp();
    const client = new TestClient(env.runtime.url);
    const base = {
      password: STRONG_PASSWORD,
      firstName: 'A',
      lastName: 'B',
      organizationName: 'O',
      acceptTerms: true,
    };
    const duplicate = await client.post('/api/auth/register', { ...base, email: email.toUpperCase() });
    expect(duplicate.status).toBe(409);
    const weak = await client.post<{ errors: Array<{ field: string }> }>('/api/auth/register', {
      ...base,
      email: 'weak@example.test',
      password: 'password1234',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors.map((e) => e.field)).toContain('body.password');
    const noConsent = await client.post<{ errors: Array<{ field: string }> }>('/api/auth/register', {
      ...base,
      email: 'weak@example.test',
      acceptTerms: false,
    });
    expect(noConsent.body.errors.map((e) => e.field)).toContain('body.acceptTerms');
    expect(
      (await client.post('/api/auth/login', { email: 'weak@example.test', password: STRONG_PASSWORD }))
        .status,
    ).toBe(401);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const { email } = await env.signUp();
    const client = new TestClient(env.runtime.url);
    const wrong = await client.post<{ detail: string }>('/api/auth/login', {
      email,
      password: 'not the password at all',
    });
    const unknown = await client.post<{ detail: string }>('/api/auth/login', {
      email: 'nobody@example.test',
      password: 'whatever it is',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('slows repeated failures down with 429 and Retry-After, then lets the right password in after the wait', async () => {
    const { email } = await env.signUp();
    const client = new TestClient(env.runtime.url, { 'sec-fetch-site': 'same-origin', 'x-test': 'throttle' });
    for (let i = 0; i < 6; i += 1)
      await client.post('/api/auth/login', { email, password: `wrong password ${i}` });
    const locked = await client.post('/api/auth/login', { email, password: STRONG_PASSWORD });
    expect(locked.status).toBe(429);
    const wait = Number(locked.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    env.clock.advance((wait + 1) * 1000);
    expect((await client.post('/api/auth/login', { email, password: STRONG_PASSWORD })).status).toBe(200);
  });

  it('rotates the refresh token and revokes the family when an old one is replayed', async () => {
    const { client } = await env.signUp();
    const first = client.cookies.get('plume_refresh')!;
    const refreshed = await client.post<Grant>('/api/auth/refresh');
    expect(refreshed.status).toBe(200);
    const second = client.cookies.get('plume_refresh')!;
    expect(second).not.toBe(first);

    const thief = new TestClient(env.runtime.url);
    thief.cookies.set('plume_refresh', first);
    expect((await thief.post('/api/auth/refresh')).status).toBe(401);
    // The reuse ended the whole family: the legitimate newest token is dead too.
    expect((await client.post('/api/auth/refresh')).status).toBe(401);
    client.accessToken = refreshed.body.accessToken;
    expect((await client.get('/api/users/profile')).status).toBe(401);
  });

  it('refuses a cookie-authenticated refresh from another site (CSRF)', async () => {
    const { client } = await env.signUp();
    const crossSite = await client.post('/api/auth/refresh', undefined, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const foreignOrigin = await client.post('/api/auth/refresh', undefined, {
      'sec-fetch-site': '',
      origin: 'https://evil.example',
    });
    expect(foreignOrigin.status).toBe(403);
    expect((await client.post('/api/auth/refresh')).status).toBe(200);
  });

  it('logs out: the cookie is cleared and the session can no longer refresh or call the API', async () => {
    const { client } = await env.signUp();
    const stale = client.cookies.get('plume_refresh')!;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect(client.cookies.has('plume_refresh')).toBe(false);
    expect((await client.get('/api/users/profile')).status).toBe(401);
    client.cookies.set('plume_refresh', stale);
    expect((await client.post('/api/auth/refresh')).status).toBe(401);
  });

  it('refuses expired and tampered access tokens', async () => {
    const { client } = await env.signUp();
    const token = client.accessToken!;
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, org: crypto.randomUUID() })).toString('base64url')}.${signature}`;
    client.accessToken = forged;
    expect((await client.get('/api/users/profile')).status).toBe(401);
    client.accessToken = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    expect((await client.get('/api/users/profile')).status).toBe(401);
    client.accessToken = token;
    expect((await client.get('/api/users/profile')).status).toBe(200);
    env.clock.advance(16 * 60 * 1000);
    expect((await client.get('/api/users/profile')).status).toBe(401);
    const refreshed = await client.post<Grant>('/api/auth/refresh');
    expect(refreshed.status).toBe(200);
  });

  it('lists sessions and revokes one: that device loses access at once', async () => {
    const { client, email } = await env.signUp();
    const laptop = new TestClient(env.runtime.url, {
      'sec-fetch-site': 'same-origin',
      'user-agent': 'Laptop',
    });
    const login = await laptop.post<Grant>('/api/auth/login', { email, password: STRONG_PASSWORD });
    laptop.accessToken = login.body.accessToken;
    const list = await client.get<{ sessions: Array<{ id: string; current: boolean; userAgent: string }> }>(
      '/api/users/sessions',
    );
    expect(list.body.sessions).toHaveLength(2);
    const other = list.body.sessions.find((s) => !s.current)!;
    expect(other.userAgent).toBe('Laptop');
    expect((await client.delete(`/api/users/sessions/${other.id}`)).status).toBe(204);
    expect((await laptop.get('/api/users/profile')).status).toBe(401);
    expect((await client.get('/api/users/profile')).status).toBe(200);
    expect((await client.delete(`/api/users/sessions/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('resets a forgotten password: same answer for unknown emails, single-use link, sessions ended', async () => {
    const { client, email } = await env.signUp();
    const anonymous = new TestClient(env.runtime.url);
    expect((await anonymous.post('/api/auth/forgot-password', { email: 'nobody@example.test' })).status).toBe(
      202,
    );
    expect((await anonymous.post('/api/auth/forgot-password', { email })).status).toBe(202);
    const token = await env.mailedToken(email, '/reset-password?token=');
    const newPassword = 'a brand new passphrase, 2026!';
    expect((await anonymous.post('/api/auth/reset-password', { token, password: 'short' })).status).toBe(400);
    expect((await anonymous.post('/api/auth/reset-password', { token, password: newPassword })).status).toBe(
      204,
    );
    expect((await anonymous.post('/api/auth/reset-password', { token, password: newPassword })).status).toBe(
      400,
    );
    expect((await client.get('/api/users/profile')).status).toBe(401);
    expect((await anonymous.post('/api/auth/login', { email, password: STRONG_PASSWORD })).status).toBe(401);
    expect((await anonymous.post('/api/auth/login', { email, password: newPassword })).status).toBe(200);
  });
});
