import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import { MemoryKeyValue } from '../../../functions/adapters/local/memory-key-value';
import {
  bringMetricsSyncForward,
  queueDueMetricsSyncs,
} from '../../../functions/core/analytics/metrics-sync-tick';
import type { JobQueue, QueueName } from '../../../functions/core/ports';
import { postPlatforms, posts, socialAccounts } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import type { DatabaseHandle } from '../../../functions/db/client';
import { createTestOrganization, getTestDatabase } from '../../support/db';

class RecordingQueue implements Pick<JobQueue, 'sendBatch'> {
  readonly sent: Record<string, unknown>[] = [];
  async sendBatch(_queue: QueueName, bodies: unknown[]): Promise<void> {
    this.sent.push(...(bodies as Record<string, unknown>[]));
  }
}

describe('queueDueMetricsSyncs (run by the sweep)', () => {
  let handle: DatabaseHandle;
  let organizationId: string;
  const accounts: Record<'fresh' | 'recent' | 'daily' | 'paused', string> = {
    fresh: '',
    recent: '',
    daily: '',
    paused: '',
  };
  // Far from other files' clocks: every account of the shared database is due too, so the
  // assertions look at this organization's only.
  const clock = new ManualClock('2041-05-10T10:00:00.000Z');
  const ours = (queue: RecordingQueue) =>
    queue.sent.filter((job) => job.organizationId === organizationId).map((job) => job.accountId);

  beforeAll(async () => {
    handle = await getTestDatabase();
    organizationId = (await createTestOrganization(handle.db, 'Metrics schedule')).organizationId;
    await withSystem(handle.db, async (tx) => {
      const insert = async (name: string, lastSync: Date | null, isActive = true) => {
        const [row] = await tx
          .insert(socialAccounts)
          .values({
            organizationId,
            platform: 'sandbox',
            accountId: `acct-${crypto.randomUUID()}`,
            accountName: name,
            status: 'active',
            isActive,
            lastSync,
          })
          .returning({ id: socialAccounts.id });
        return row!.id;
      };
      accounts.fresh = await insert('never synced', null);
      accounts.recent = await insert('posted yesterday', new Date('2041-05-10T08:30:00Z'));
      accounts.daily = await insert('old posts only', new Date('2041-05-09T06:00:00Z'));
      accounts.paused = await insert('paused', null, false);
      const [post] = await tx
        .insert(posts)
        .values({ organizationId, content: 'x', status: 'published' })
        .returning();
      await tx.insert(postPlatforms).values({
        organizationId,
        postId: post!.id,
        socialAccountId: accounts.recent,
        status: 'published',
        publishedAt: new Date('2041-05-09T18:00:00Z'),
      });
    });
  });
  afterAll(async () => handle?.close());

  it('queues the due accounts once, and leaves the database alone until the next is due', async () => {
    const kv = new MemoryKeyValue(clock);
    const queue = new RecordingQueue();
    const deps = { db: handle.db, kv, queue, clock, logger: { info: () => undefined } };
    const first = await queueDueMetricsSyncs(deps, { respectMarker: true });
    // Never synced, and synced 90 minutes ago with a post from yesterday: due. The daily one
    // synced at yesterday's slot is due at today's (06:00), already past: due as well.
    expect(new Set(ours(queue))).toEqual(new Set([accounts.fresh, accounts.recent, accounts.daily]));
    expect(first).toMatchObject({ skipped: false });
    expect(queue.sent.find((job) => job.accountId === accounts.fresh)).toEqual({
      type: 'sync-social-account',
      organizationId,
      accountId: accounts.fresh,
    });

    // Five minutes on: the marker says nothing is due yet, so the database is not read.
    clock.advance(5 * 60_000);
    const second = await queueDueMetricsSyncs(deps, { respectMarker: true });
    expect(second.skipped).toBe(true);
    // Read anyway (locally): the queued ones are not queued twice while their sync runs.
    await queueDueMetricsSyncs(deps, { respectMarker: false });
    expect(ours(queue)).toHaveLength(3);
  });

  it('after a sync, the recent account is due an hour later and the other at the next daily slot', async () => {
    const kv = new MemoryKeyValue(clock);
    const queue = new RecordingQueue();
    const now = clock.now();
    await withSystem(handle.db, (tx) =>
      tx
        .update(socialAccounts)
        .set({ lastSync: now })
        .where(eq(socialAccounts.organizationId, organizationId)),
    );
    const deps = { db: handle.db, kv, queue, clock, logger: { info: () => undefined } };
    await queueDueMetricsSyncs(deps, { respectMarker: false });
    expect(ours(queue)).toEqual([]);
    clock.advance(61 * 60_000);
    await queueDueMetricsSyncs(deps, { respectMarker: false });
    expect(ours(queue)).toEqual([accounts.recent]);
  });

  it('a publish brings the next look forward, never back', async () => {
    const kv = new MemoryKeyValue(clock);
    const queue = new RecordingQueue();
    const deps = { db: handle.db, kv, queue, clock, logger: { info: () => undefined } };
    await queueDueMetricsSyncs(deps, { respectMarker: false });
    const marker = async () => (await kv.get<number>('metrics-sync', 'next-due'))!.value;
    const before = await marker();
    await bringMetricsSyncForward(kv, new Date(clock.now().getTime() + 3_600_000));
    expect(await marker()).toBe(Math.min(before, clock.now().getTime() + 3_600_000));
    await bringMetricsSyncForward(kv, new Date(clock.now().getTime() + 86_400_000));
    expect(await marker()).toBeLessThanOrEqual(clock.now().getTime() + 3_600_000);
  });
});
