import { and, count, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seatsInUse } from '../../../functions/http/operations/organizations/members';
import { organizations, socialAccounts } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { startIdentityRuntime } from '../../support/identity-runtime';

type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;

/**
 * Plan limits are "count, then insert" checks: requests arriving together must not all pass
 * the count. On PostgreSQL (DATABASE_URL) the requests run in parallel transactions.
 */
describe('plan limits under concurrency', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startIdentityRuntime();
  });
  afterAll(async () => env?.stop());

  const db = () => env.runtime.container.db;

  it('never lets parallel invitations take more seats than the plan has', async () => {
    const admin = await env.signUp();
    await env.verify(admin.email, admin.client);
    await withSystem(db(), (tx) =>
      tx.update(organizations).set({ maxUsers: 3 }).where(eq(organizations.id, admin.organizationId)),
    );
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        admin.client.post<{ code: string }>('/api/organizations/members/invite', {
          email: `seat-${i}-${crypto.randomUUID().slice(0, 6)}@example.test`,
          role: 'user',
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2); // the admin holds the third seat
    expect(answers.filter((a) => a.status !== 201).every((a) => a.body.code === 'plan_limit_reached')).toBe(
      true,
    );
    expect(await withSystem(db(), (tx) => seatsInUse(tx, admin.organizationId, env.clock.now()))).toBe(3);
  }, 60_000);

  it('never lets parallel connections exceed the plan’s connected accounts', async () => {
    const admin = await env.signUp();
    await withSystem(db(), (tx) =>
      tx
        .update(organizations)
        .set({ maxSocialAccounts: 3 })
        .where(eq(organizations.id, admin.organizationId)),
    );
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        admin.client.post<{ code: string }>('/api/social-accounts/connect', {
          platform: 'sandbox',
          identifier: `limit-${crypto.randomUUID().slice(0, 8)}`,
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status !== 201).every((a) => a.body.code === 'plan_limit_reached')).toBe(
      true,
    );
    const [connected] = await withSystem(db(), (tx) =>
      tx
        .select({ n: count() })
        .from(socialAccounts)
        .where(
          and(
            eq(socialAccounts.organizationId, admin.organizationId),
            ne(socialAccounts.status, 'disconnected'),
          ),
        ),
    );
    expect(connected?.n).toBe(3);
  }, 60_000);

  it('never lets parallel upload reservations exceed the plan’s media storage', async () => {
    const admin = await env.signUp();
    const size = 600 * 1024 * 1024; // three fit in the free plan's 2 GiB, a fourth does not
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        admin.client.post<{ code: string }>('/api/media/upload', {
          fileName: `clip-${i}.mp4`,
          contentType: 'video/mp4',
          size,
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status !== 201).every((a) => a.body.code === 'plan_limit_reached')).toBe(
      true,
    );
  }, 60_000);
});
