import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../functions/adapters/local';
import { setPublishingSeams } from '../../functions/core/publishing/seams';
import type { Database } from '../../functions/db/client';
import { postPlatforms, posts, postTargetEvents, socialAccounts } from '../../functions/db/schema';
import { withSystem } from '../../functions/db/tenant';
import { startLocalRuntime, type LocalRuntime } from '../../functions/local/runtime';
import { createTestOrganization } from '../support/db';
import { ScriptedConnector } from './support/scripted-connector';

const T0 = new Date('2026-03-29T00:30:00.000Z');

async function scheduledTarget(
  db: Database,
  at: Date,
): Promise<{ targetId: string; organizationId: string }> {
  const org = await createTestOrganization(db, 'Publish pipeline');
  return withSystem(db, async (tx) => {
    const [account] = await tx
      .insert(socialAccounts)
      .values({
        organizationId: org.organizationId,
        platform: 'sandbox',
        accountId: `acct-${org.slug}`,
        accountName: 'Sandbox',
      })
      .returning();
    const [post] = await tx
      .insert(posts)
      .values({
        organizationId: org.organizationId,
        userId: org.userId,
        content: 'Hello',
        timezone: 'Europe/London',
      })
      .returning();
    const [target] = await tx
      .insert(postPlatforms)
      .values({
        organizationId: org.organizationId,
        postId: post!.id,
        socialAccountId: account!.id,
        status: 'scheduled',
        version: 1,
        scheduledAt: at,
        timezone: 'Europe/London',
      })
      .returning();
    return { targetId: target!.id, organizationId: org.organizationId };
  });
}

const targetOf = async (db: Database, id: string) =>
  (await withSystem(db, (tx) => tx.select().from(postPlatforms).where(eq(postPlatforms.id, id))))[0]!;
const historyOf = async (db: Database, id: string) =>
  withSystem(db, (tx) =>
    tx
      .select({ from: postTargetEvents.fromStatus, to: postTargetEvents.toStatus })
      .from(postTargetEvents)
      .where(eq(postTargetEvents.postPlatformId, id))
      .orderBy(asc(postTargetEvents.at)),
  );

// Scheduler -> publish queue -> publish worker, through the local runtime's real parts.
describe('publish pipeline (local runtime)', () => {
  const clock = new ManualClock(T0);
  let runtime: LocalRuntime;
  let dataDir: string;
  const start = () =>
    startLocalRuntime({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      clock,
      schedulerIntervalMs: 3_600_000,
      databaseUrl: process.env.DATABASE_URL,
    });

  const connector = new ScriptedConnector();

  beforeAll(async () => {
    // The platform is scripted; the scheduler, queue, worker and database are the real local parts.
    setPublishingSeams({
      resolveConnector: () => connector,
      loadCredentials: async () => ({ accountId: 'a', accessToken: 't', scopes: [] }),
    });
    dataDir = await mkdtemp(join(tmpdir(), 'plume-publish-'));
    runtime = await start();
  });
  afterAll(async () => {
    setPublishingSeams(undefined);
    await runtime?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('fires a schedule at its time, claims the target once and records every transition', async () => {
    const { db } = runtime.container;
    const at = new Date(T0.getTime() + 60_000);
    const { targetId } = await scheduledTarget(db, at);
    await runtime.scheduler.schedule({
      name: `post-target-${targetId}`,
      at,
      timezone: 'Europe/London',
      payload: { targetId, version: 1 },
    });

    expect(await runtime.scheduler.fireDue()).toBe(0);
    clock.advance(60_000);
    expect(await runtime.scheduler.fireDue()).toBeGreaterThanOrEqual(1);
    await runtime.queue.drained();

    const target = await targetOf(db, targetId);
    expect(target).toMatchObject({ status: 'published', errorCode: null, attempts: 1 });
    // Both transitions carry the same (manual) clock time, so compare as a set.
    const history = await historyOf(db, targetId);
    expect(history).toHaveLength(2);
    expect(history).toEqual(
      expect.arrayContaining([
        { from: 'scheduled', to: 'publishing' },
        { from: 'publishing', to: 'published' },
      ]),
    );
    expect(await runtime.scheduler.fireDue()).toBe(0);
  });

  it('ignores duplicate, concurrent and stale deliveries', async () => {
    const { db } = runtime.container;
    const { targetId } = await scheduledTarget(db, clock.now());
    await withSystem(db, (tx) =>
      tx.update(postPlatforms).set({ version: 2 }).where(eq(postPlatforms.id, targetId)),
    );

    await runtime.queue.sendBatch('publish', [{ targetId, version: 1 }]); // stale: rescheduled since
    await runtime.queue.drained();
    expect((await targetOf(db, targetId)).status).toBe('scheduled');

    const trigger = { targetId, version: 2 };
    await Promise.all([
      runtime.queue.sendBatch('publish', [trigger, trigger, trigger]),
      runtime.queue.send('publish', trigger),
    ]);
    await runtime.queue.drained();
    const history = await historyOf(db, targetId);
    expect(history.filter((h) => h.to === 'publishing')).toHaveLength(1);
    expect((await targetOf(db, targetId)).attempts).toBe(1);
  });

  it('drops a malformed trigger instead of retrying it forever', async () => {
    await runtime.queue.send('publish', { targetId: 'not-a-uuid', version: -1 });
    await runtime.queue.drained();
    expect(runtime.queue.deadLetters('publish')).toHaveLength(0);
  });

  it('keeps schedules across a restart and fires them after it', async () => {
    const at = new Date(clock.now().getTime() + 5 * 60_000);
    const { targetId } = await scheduledTarget(runtime.container.db, at);
    await runtime.scheduler.schedule({
      name: `post-target-${targetId}`,
      at,
      timezone: 'UTC',
      payload: { targetId, version: 1 },
    });
    await runtime.stop();

    runtime = await start();
    clock.set(at);
    expect(await runtime.scheduler.fireDue()).toBeGreaterThanOrEqual(1);
    await runtime.queue.drained();
    expect((await targetOf(runtime.container.db, targetId)).status).toBe('published');
  });
});
