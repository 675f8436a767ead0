import { and, count, eq } from 'drizzle-orm';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { DEFAULT_LOGIN_THROTTLE } from '../../../functions/core/identity/login-throttle';
import { TestClient } from '../../support/http-client';
import { startIdentityRuntime, STRONG_PASSWORD } from '../../support/identity-runtime';

type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;

/**
 * Signs in from another loopback address (127.0.0.2 reaches a server on 127.0.0.1 on Linux),
 * so the local runtime sees a different source IP, as API Gateway would.
 */
function loginFrom(localAddress: string, url: string, body: unknown): Promise<number> {
  const target = new URL('/api/auth/login', url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('sign-in guesses in parallel', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startIdentityRuntime();
  });
  afterAll(async () => env?.stop());

  const failedChecks = async (userId: string) => {
    const [row] = await withSystem(env.runtime.container.db, (tx) =>
      tx
        .select({ n: count() })
        .from(auditLogs)
        .where(and(eq(auditLogs.userId, userId), eq(auditLogs.action, 'login_failed'))),
    );
    return row?.n ?? 0;
  };

  it('checks only the attempts the sequential policy allows, and never locks out the owner at another address', async () => {
    const { email, userId } = await env.signUp();
    const attacker = new TestClient(env.runtime.url);
    const guess = (i: number) => attacker.post('/api/auth/login', { email, password: `guess number ${i}` });
    env.clock.advance(61_000); // a fresh per-address rate-limit window

    const first = await Promise.all(Array.from({ length: 30 }, (_, i) => guess(i)));
    const statuses = first.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(DEFAULT_LOGIN_THROTTLE.freeAttempts);
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
    expect(await failedChecks(userId)).toBe(DEFAULT_LOGIN_THROTTLE.freeAttempts);

    // Past the free attempts, one opened delay lets exactly one guess through.
    env.clock.advance(61_000);
    const second = await Promise.all(Array.from({ length: 30 }, (_, i) => guess(100 + i)));
    expect(second.filter((r) => r.status === 401)).toHaveLength(1);
    expect(await failedChecks(userId)).toBe(DEFAULT_LOGIN_THROTTLE.freeAttempts + 1);

    // Meanwhile the owner, at another address, signs in at once.
    expect(await loginFrom('127.0.0.2', env.runtime.url, { email, password: STRONG_PASSWORD })).toBe(200);
  }, 60_000);

  it('keeps the owner signing in from their own address while an attacker is locked out of theirs', async () => {
    const { email } = await env.signUp();
    const attacker = new TestClient(env.runtime.url);
    env.clock.advance(61_000);
    for (let i = 0; i < 8; i += 1) await attacker.post('/api/auth/login', { email, password: `guess ${i}` });
    expect((await attacker.post('/api/auth/login', { email, password: STRONG_PASSWORD })).status).toBe(429);
    expect(await loginFrom('127.0.0.2', env.runtime.url, { email, password: STRONG_PASSWORD })).toBe(200);
  }, 60_000);
});
