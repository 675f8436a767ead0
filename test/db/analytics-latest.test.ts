import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../functions/db/client';
import { analytics, analyticsLatest } from '../../functions/db/schema';
import { withSystem } from '../../functions/db/tenant';
import { getTestDatabase } from '../support/db';
import { seedTenant, type SeededTenant } from './seed-tenant';

// After the seed's own snapshot (taken now), so these are the newest.
const at = (minutes: number) => new Date(Date.UTC(2999, 0, 1, 12, minutes));

/** analytics_latest, kept by the insert trigger of migration 0007. */
describe('analytics latest snapshot copy', () => {
  let handle: DatabaseHandle;
  let tenant: SeededTenant;

  beforeAll(async () => {
    handle = await getTestDatabase();
    tenant = await seedTenant(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const snapshot = (recordedAt: Date, likesCount: number) => ({
    organizationId: tenant.organizationId,
    postId: tenant.postId,
    postPlatformId: tenant.postPlatformId,
    socialAccountId: tenant.socialAccountId,
    likesCount,
    recordedAt,
  });
  const latest = () =>
    withSystem(handle.db, (tx) =>
      tx
        .select({ likes: analyticsLatest.likesCount })
        .from(analyticsLatest)
        .where(eq(analyticsLatest.postPlatformId, tenant.postPlatformId)),
    );

  it('keeps the newest snapshot of a target, whatever order they are written in', async () => {
    await withSystem(handle.db, (tx) => tx.insert(analytics).values(snapshot(at(10), 10)));
    expect(await latest()).toEqual([{ likes: 10 }]);
    // A newer reading replaces it.
    await withSystem(handle.db, (tx) => tx.insert(analytics).values(snapshot(at(20), 20)));
    expect(await latest()).toEqual([{ likes: 20 }]);
    // A back-filled older reading does not.
    await withSystem(handle.db, (tx) => tx.insert(analytics).values(snapshot(at(15), 15)));
    expect(await latest()).toEqual([{ likes: 20 }]);
  });

  it('keeps the newest row after one multi-row insert of a whole history', async () => {
    await withSystem(handle.db, (tx) =>
      tx.insert(analytics).values([snapshot(at(40), 40), snapshot(at(50), 50), snapshot(at(30), 30)]),
    );
    expect(await latest()).toEqual([{ likes: 50 }]);
  });

  it('keeps nothing for a snapshot of an account (no target)', async () => {
    const before = await withSystem(handle.db, (tx) => tx.select().from(analyticsLatest));
    await withSystem(handle.db, (tx) =>
      tx
        .insert(analytics)
        .values({
          organizationId: tenant.organizationId,
          socialAccountId: tenant.socialAccountId,
          likesCount: 1,
        }),
    );
    expect(await withSystem(handle.db, (tx) => tx.select().from(analyticsLatest))).toHaveLength(
      before.length,
    );
  });
});
