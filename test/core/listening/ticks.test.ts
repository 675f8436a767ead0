import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import { MemoryKeyValue } from '../../../functions/adapters/local/memory-key-value';
import { queueDueMentionReads, READ_MENTIONS } from '../../../functions/core/listening/mentions-tick';
import {
  CHECK_CRISIS,
  CHECK_PERFORMANCE,
  queueWatchChecks,
} from '../../../functions/core/listening/watch-tick';
import type { JobQueue, QueueName } from '../../../functions/core/ports';
import type { DatabaseHandle } from '../../../functions/db/client';
import { mentions, socialAccounts } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { createTestOrganization, getTestDatabase } from '../../support/db';

class RecordingQueue implements Pick<JobQueue, 'sendBatch'> {
  readonly sent: Record<string, unknown>[] = [];
  async sendBatch(_queue: QueueName, bodies: unknown[]): Promise<void> {
    this.sent.push(...(bodies as Record<string, unknown>[]));
  }
}

const logger = { info: () => undefined };

/**
 * The sweep's listening ticks: which accounts' mentions are read (listened networks, active,
 * 15 minutes after the last read), when the crisis check waits for them, and the markers that
 * let the sweep leave a paused database alone in AWS.
 */
describe('listening ticks', () => {
  let handle: DatabaseHandle;
  let organizationId: string;
  const ids: Record<string, string> = {};
  const clock = new ManualClock('2042-03-03T10:02:00.000Z');

  beforeAll(async () => {
    handle = await getTestDatabase();
    organizationId = (await createTestOrganization(handle.db, 'Listening ticks')).organizationId;
    await withSystem(handle.db, async (tx) => {
      const insert = async (
        name: string,
        platform: 'sandbox' | 'linkedin' | 'bluesky',
        values: Partial<typeof socialAccounts.$inferInsert> = {},
      ) => {
        const [row] = await tx
          .insert(socialAccounts)
          .values({
            organizationId,
            platform,
            accountId: `acct-${crypto.randomUUID()}`,
            accountName: name,
            ...values,
          })
          .returning({ id: socialAccounts.id });
        ids[name] = row!.id;
      };
      await insert('never read', 'sandbox');
      await insert('read 5 minutes ago', 'bluesky', { mentionsSyncedAt: new Date('2042-03-03T09:57:00Z') });
      await insert('read 20 minutes ago', 'bluesky', { mentionsSyncedAt: new Date('2042-03-03T09:42:00Z') });
      await insert('not listened', 'linkedin');
      await insert('paused', 'sandbox', { isActive: false });
      await insert('waiting for reconnection', 'sandbox', { status: 'needs_reauth' });
      await tx.insert(mentions).values({
        organizationId,
        platform: 'sandbox',
        externalId: `m-${crypto.randomUUID()}`,
        content: 'hello',
        mentionedAt: new Date('2042-03-03T09:30:00Z'),
      });
    });
  });

  afterAll(async () => {
    await handle?.close();
  });

  it('reads the listened, active accounts that are due, once while queued; then sleeps until the next is due', async () => {
    const kv = new MemoryKeyValue(clock);
    const queue = new RecordingQueue();
    const deps = { db: handle.db, kv, queue, clock, logger };
    const first = await queueDueMentionReads(deps, { respectMarker: true, organizationId });
    expect(first.queued).toBe(2);
    expect(queue.sent.map((j) => j.accountId).sort()).toEqual(
      [ids['never read'], ids['read 20 minutes ago']].sort(),
    );
    expect(queue.sent.every((j) => j.type === READ_MENTIONS)).toBe(true);
    // The next account falls due at 10:12 (read at 09:57): nothing before, not even a look.
    clock.advance(5 * 60_000);
    expect(await queueDueMentionReads(deps, { respectMarker: true, organizationId })).toEqual({
      skipped: true,
      queued: 0,
    });
    // Without the marker (locally): still queued, so not queued twice.
    expect((await queueDueMentionReads(deps, { respectMarker: false, organizationId })).queued).toBe(0);
    clock.set(new Date('2042-03-03T10:13:00.000Z'));
    const sentBefore = queue.sent.length;
    const later = await queueDueMentionReads(deps, { respectMarker: true, organizationId });
    expect(later.skipped).toBe(false);
    expect(queue.sent.slice(sentBefore).map((j) => j.accountId)).toContain(ids['read 5 minutes ago']);
  });

  it('the crisis check waits for the hour’s reads, then runs once an hour; the performance check once a day after 07:00', async () => {
    const kv = new MemoryKeyValue(clock);
    const queue = new RecordingQueue();
    const deps = { db: handle.db, kv, queue, clock, logger };
    clock.set(new Date('2042-03-03T10:05:00.000Z'));
    // Two accounts were not read since 10:00: the crisis check waits; the performance check does not.
    const waiting = await queueWatchChecks(deps, { respectMarker: true, organizationId });
    expect(waiting).toMatchObject({ crisis: 0, performance: 1 });
    await withSystem(handle.db, (tx) =>
      tx
        .update(socialAccounts)
        .set({ mentionsSyncedAt: new Date('2042-03-03T10:06:00Z') })
        .where(eq(socialAccounts.organizationId, organizationId)),
    );
    clock.set(new Date('2042-03-03T10:10:00.000Z'));
    expect(await queueWatchChecks(deps, { respectMarker: true, organizationId })).toMatchObject({
      crisis: 1,
      performance: 0,
    });
    expect(queue.sent.map((j) => j.type)).toEqual([CHECK_PERFORMANCE, CHECK_CRISIS]);
    // Done for the hour: in AWS not even a look until 11:00.
    clock.set(new Date('2042-03-03T10:30:00.000Z'));
    expect((await queueWatchChecks(deps, { respectMarker: true, organizationId })).skipped).toBe(true);
    expect((await queueWatchChecks(deps, { respectMarker: false, organizationId })).crisis).toBe(0);
    // 40 minutes into the next hour a late read no longer holds the check back.
    clock.set(new Date('2042-03-03T11:41:00.000Z'));
    expect(await queueWatchChecks(deps, { respectMarker: true, organizationId })).toMatchObject({
      crisis: 1,
    });
  });
});
