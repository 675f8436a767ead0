import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../support/http-client';
import { startIdentityRuntime, STRONG_PASSWORD } from '../../support/identity-runtime';

/**
 * Accepting an invitation as an existing account checks that account's password, so it is a
 * sign-in in all but name: it must spend the same throttle slots, or the emailed link would
 * give an unlimited number of guesses at a member's password.
 */
describe('invitation acceptance by an existing account', () => {
  let env: Awaited<ReturnType<typeof startIdentityRuntime>>;
  beforeAll(async () => {
    env = await startIdentityRuntime();
  });
  afterAll(async () => env?.stop());

  it('takes sign-in throttle slots: 12 parallel wrong passwords get 5 checks, then the right one works', async () => {
    const admin = await env.signUp();
    await env.verify(admin.email, admin.client);
    const existing = await env.signUp();
    const invite = await admin.client.post('/api/organizations/members/invite', {
      email: existing.email,
      role: 'user',
    });
    expect(invite.status).toBe(201);
    const token = await env.mailedToken(existing.email, '/invitations/');

    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        new TestClient(env.runtime.url).post<{ code: string; detail: string }>('/api/invitations/accept', {
          token,
          password: `wrong password number ${i}!`,
        }),
      ),
    );
    const checked = guesses.filter((g) => g.status === 401);
    const throttled = guesses.filter((g) => g.status === 429);
    expect(checked).toHaveLength(5);
    expect(throttled).toHaveLength(7);
    for (const refusal of throttled) expect(refusal.body.detail).toMatch(/failed sign-ins/);

    // The pair's delay runs out; the owner's own password is then accepted.
    env.clock.advance(20 * 60_000);
    const accepted = await new TestClient(env.runtime.url).post('/api/invitations/accept', {
      token,
      password: STRONG_PASSWORD,
    });
    expect(accepted.status).toBe(200);
  });
});
