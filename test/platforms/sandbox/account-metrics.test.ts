import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local';
import type { DatabaseHandle } from '../../../functions/db/client';
import { createSandboxConnector, followersAt } from '../../../functions/platforms/sandbox';
import { getTestDatabase } from '../../support/db';
import { captureLogger } from '../../support/logger';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await getTestDatabase();
});
afterAll(async () => handle?.close());

function sandboxAt(at: string) {
  const clock = new ManualClock(at);
  return {
    clock,
    connector: createSandboxConnector(
      { fetch, clock, logger: captureLogger() },
      { db: handle.db, publicUrl: 'https://plume.example/', sleep: async () => undefined },
    ),
  };
}

describe('Sandbox account metrics and audience', () => {
  it("follows the audience model: followers grow with the account's age, posts are its own", async () => {
    const { clock, connector } = sandboxAt('2026-03-10T11:00:00Z');
    const { tokens, profile } = await connector.connect.login({
      identifier: `grow-${crypto.randomUUID().slice(0, 8)}`,
      password: 'x',
    });
    const credentials = { ...tokens, accountId: profile.accountId, handle: profile.handle };
    await connector.publish(credentials, { text: 'one', media: [] });
    await connector.publish(credentials, { text: 'two', media: [], thread: ['reply'] });
    const first = await connector.fetchAccountMetrics!(credentials);
    expect(first.posts).toBe(2);
    expect(first.source).toBe('Plume Sandbox (simulated network)');
    const base = first.followers!;
    clock.advance(90 * 86_400_000);
    const later = await connector.fetchAccountMetrics!(credentials);
    const created = new Date('2026-03-10T11:00:00Z');
    expect(later.followers).toBe(followersAt(base, created, new Date(created.getTime() + 90 * 86_400_000)));
    expect(later.followers!).toBeGreaterThan(base);
    expect(later.profileViews).toBe(Math.round(later.followers! * 0.015));
  });

  it('gives each account its own stable audience mix, as shares that add up to 1', async () => {
    const { connector } = sandboxAt('2026-03-10T11:00:00Z');
    const { tokens, profile } = await connector.connect.login({
      identifier: `mix-${crypto.randomUUID().slice(0, 8)}`,
      password: 'x',
    });
    const credentials = { ...tokens, accountId: profile.accountId, handle: profile.handle };
    const audience = await connector.fetchAudience!(credentials);
    expect(await connector.fetchAudience!(credentials)).toEqual(audience);
    for (const dimension of ['age', 'gender', 'country', 'city'] as const) {
      const total = Object.values(audience.demographics[dimension]!).reduce((sum, share) => sum + share, 0);
      expect(total).toBeCloseTo(1, 3);
    }
    expect(audience.unavailable.locale).toMatch(/no languages/);
  });

  it('refuses a token that is not the account’s', async () => {
    const { connector } = sandboxAt('2026-03-10T11:00:00Z');
    await expect(
      connector.fetchAccountMetrics!({
        accountId: 'nobody',
        handle: 'nobody',
        accessToken: 'wrong',
        scopes: [],
      }),
    ).rejects.toMatchObject({ kind: 'auth' });
  });
});
