import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import { MemoryKeyValue } from '../../../functions/adapters/local/memory-key-value';
import { pruneRawSnapshots, pruneSnapshotsDaily } from '../../../functions/core/analytics/prune-snapshots';
import type { DatabaseHandle } from '../../../functions/db/client';
import { analytics, postPlatforms, posts, socialAccounts } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { createTestOrganization, getTestDatabase } from '../../support/db';

describe('retention of raw metric snapshots', () => {
  let handle: DatabaseHandle;
  let organizationId: string;
  let targetId: string;
  let postId: string;
  let accountId: string;
  // Far from other files' clocks, so only this file's rows are old enough to prune.
  const now = new Date('2039-06-01T12:00:00.000Z');

  const snapshot = (at: string, likes: number) => ({
    organizationId,
    postId,
    postPlatformId: targetId,
    socialAccountId: accountId,
    likesCount: likes,
    recordedAt: new Date(at),
    dateBucket: at.slice(0, 10),
    hourBucket: new Date(at).getUTCHours(),
  });
  const kept = async () =>
    (
      await withSystem(handle.db, (tx) =>
        tx
          .select({ at: analytics.recordedAt, likes: analytics.likesCount })
          .from(analytics)
          .where(eq(analytics.postPlatformId, targetId))
          .orderBy(analytics.recordedAt),
      )
    ).map((row) => [row.at.toISOString(), row.likes]);

  beforeAll(async () => {
    handle = await getTestDatabase();
    organizationId = (await createTestOrganization(handle.db, 'Retention')).organizationId;
    await withSystem(handle.db, async (tx) => {
      const [account] = await tx
        .insert(socialAccounts)
        .values({ organizationId, platform: 'sandbox', accountId: `acct-${crypto.randomUUID()}` })
        .returning();
      accountId = account!.id;
      const [post] = await tx
        .insert(posts)
        .values({ organizationId, content: 'kept', status: 'published' })
        .returning();
      postId = post!.id;
      const [target] = await tx
        .insert(postPlatforms)
        .values({
          organizationId,
          postId,
          socialAccountId: accountId,
          status: 'published',
          publishedAt: new Date('2039-01-01T00:00:00Z'),
        })
        .returning();
      targetId = target!.id;
      await tx.insert(analytics).values([
        // 2039-02-01, over 90 days old: hourly snapshots, the last of the UTC day stays.
        snapshot('2039-02-01T01:00:00Z', 1),
        snapshot('2039-02-01T02:00:00Z', 2),
        snapshot('2039-02-01T23:00:00Z', 3),
        // 2039-02-02: a single snapshot is its own rollup.
        snapshot('2039-02-02T05:00:00Z', 4),
        // Within 90 days: hourly snapshots stay.
        snapshot('2039-05-30T01:00:00Z', 5),
        snapshot('2039-05-30T02:00:00Z', 6),
      ]);
    });
  });
  afterAll(async () => handle?.close());

  it('keeps the last snapshot of each old UTC day and every recent one, in small batches', async () => {
    const result = await pruneRawSnapshots(handle.db, {
      now,
      retentionDays: 90,
      batchSize: 1,
      organizationId,
    });
    expect(result.deleted).toBe(2);
    expect(result.more).toBe(false);
    expect(result.batches).toBe(3);
    expect(await kept()).toEqual([
      ['2039-02-01T23:00:00.000Z', 3],
      ['2039-02-02T05:00:00.000Z', 4],
      ['2039-05-30T01:00:00.000Z', 5],
      ['2039-05-30T02:00:00.000Z', 6],
    ]);
    // Run again: nothing more to do.
    expect((await pruneRawSnapshots(handle.db, { now, retentionDays: 90, organizationId })).deleted).toBe(0);
  });

  it('a shorter retention thins more; the daily rollups are never removed', async () => {
    await pruneRawSnapshots(handle.db, { now, retentionDays: 1, organizationId });
    expect(await kept()).toEqual([
      ['2039-02-01T23:00:00.000Z', 3],
      ['2039-02-02T05:00:00.000Z', 4],
      ['2039-05-30T02:00:00.000Z', 6],
    ]);
  });

  it('runs at most once a day, and not when the database is asleep', async () => {
    const clock = new ManualClock(now);
    const kv = new MemoryKeyValue(clock);
    const deps = { db: handle.db, kv, clock, logger: { info: () => undefined } };
    expect(await pruneSnapshotsDaily(deps, { retentionDays: 90, databaseAwake: false })).toBeUndefined();
    expect(await pruneSnapshotsDaily(deps, { retentionDays: 90, databaseAwake: true })).toMatchObject({
      more: false,
    });
    clock.advance(23 * 60 * 60 * 1000);
    expect(await pruneSnapshotsDaily(deps, { retentionDays: 90, databaseAwake: true })).toBeUndefined();
    clock.advance(60 * 60 * 1000);
    expect(await pruneSnapshotsDaily(deps, { retentionDays: 90, databaseAwake: true })).toBeDefined();
  });
});
