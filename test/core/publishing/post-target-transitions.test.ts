import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimPostTarget,
  createDraftTargets,
  rollUpPosts,
  transitionPostTarget,
  transitionPostTargets,
} from '../../../functions/core/publishing/post-target-transitions';
import type { DatabaseHandle } from '../../../functions/db/client';
import { postPlatforms, posts, postTargetEvents, type PostTargetStatus } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { createTestOrganization, getTestDatabase, type TestOrganization } from '../../support/db';
import { insertAccount } from '../../jobs/support/publishing-fixtures';

const NOW = new Date('2031-02-03T10:00:00.000Z');

describe('post-target transitions', () => {
  let handle: DatabaseHandle;
  let org: TestOrganization;

  /** A post with one draft target per status given, each on its own account. */
  async function postWith(statuses: PostTargetStatus[]) {
    const accounts: string[] = [];
    for (const _ of statuses) accounts.push(await insertAccount(handle.db, org.organizationId));
    return withSystem(handle.db, async (tx) => {
      const [post] = await tx
        .insert(posts)
        .values({ organizationId: org.organizationId, userId: org.userId, content: 'x' })
        .returning();
      const targets = await createDraftTargets(
        tx,
        accounts.map((socialAccountId) => ({
          organizationId: org.organizationId,
          postId: post!.id,
          socialAccountId,
        })),
        'created',
        NOW,
      );
      for (const [index, status] of statuses.entries())
        await tx.update(postPlatforms).set({ status }).where(eq(postPlatforms.id, targets[index]!.id));
      const rows = await tx
        .select()
        .from(postPlatforms)
        .where(
          inArray(
            postPlatforms.id,
            targets.map((t) => t.id),
          ),
        );
      return { postId: post!.id, targets: targets.map((t) => rows.find((row) => row.id === t.id)!) };
    });
  }
  const historyOf = (ids: string[]) =>
    withSystem(handle.db, (tx) =>
      tx
        .select()
        .from(postTargetEvents)
        .where(inArray(postTargetEvents.postPlatformId, ids))
        .orderBy(asc(postTargetEvents.at), asc(postTargetEvents.id)),
    );
  const statusOf = async (id: string) =>
    (
      await withSystem(handle.db, (tx) => tx.select().from(postPlatforms).where(eq(postPlatforms.id, id)))
    )[0]!;

  beforeAll(async () => {
    handle = await getTestDatabase();
    org = await createTestOrganization(handle.db, 'Transitions');
  });
  afterAll(async () => handle?.close());

  it('creates targets as drafts, each with the first row of its history', async () => {
    const { targets } = await postWith(['draft', 'draft']);
    const history = await historyOf(targets.map((t) => t.id));
    expect(history).toHaveLength(2);
    for (const event of history) {
      expect(event).toMatchObject({ fromStatus: null, toStatus: 'draft', reason: 'created' });
      expect(event.at.toISOString()).toBe(NOW.toISOString());
    }
  });

  it('moves a target only from the status the caller expects, writing the move once', async () => {
    const { targets } = await postWith(['draft']);
    const target = targets[0]!;
    const later = new Date(NOW.getTime() + 60_000);
    const scheduled = await withSystem(handle.db, (tx) =>
      transitionPostTarget(
        tx,
        target,
        'draft',
        'scheduled',
        'scheduled by a person',
        later,
        { bumpVersion: true, scheduledAt: later, timezone: 'Europe/Paris', errorCode: null },
        (moved) => ({ version: moved.version }),
      ),
    );
    expect(scheduled).toMatchObject({
      status: 'scheduled',
      version: target.version + 1,
      timezone: 'Europe/Paris',
    });
    // A second mover that still believes it is a draft finds nothing to move, and writes nothing.
    const stale = await withSystem(handle.db, (tx) =>
      transitionPostTarget(tx, target, 'draft', 'cancelled', 'too late', later),
    );
    expect(stale).toBeUndefined();
    expect((await statusOf(target.id)).status).toBe('scheduled');
    const history = await historyOf([target.id]);
    expect(history.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [null, 'draft'],
      ['draft', 'scheduled'],
    ]);
    expect(history[1]!.details).toEqual({ version: target.version + 1 });
  });

  it('puts the error and retry time of a change in the history row', async () => {
    const { targets } = await postWith(['publishing']);
    const retryAt = new Date(NOW.getTime() + 30_000);
    await withSystem(handle.db, (tx) =>
      transitionPostTarget(tx, targets[0]!, 'publishing', 'scheduled', 'retry', NOW, {
        errorCode: 'rate_limited',
        nextAttemptAt: retryAt,
      }),
    );
    const event = (await historyOf([targets[0]!.id])).find((e) => e.reason === 'retry');
    expect(event!.details).toEqual({ errorCode: 'rate_limited', nextAttemptAt: retryAt.toISOString() });
  });

  it('moves many targets, each from its own status, and skips one that moved meanwhile', async () => {
    const { postId, targets } = await postWith(['draft', 'scheduled', 'failed']);
    // The failed one was moved by someone else after the caller read it.
    await withSystem(handle.db, (tx) =>
      tx.update(postPlatforms).set({ status: 'published' }).where(eq(postPlatforms.id, targets[2]!.id)),
    );
    const moved = await withSystem(handle.db, async (tx) => {
      const rows = await transitionPostTargets(tx, targets, 'cancelled', 'post deleted', NOW, () => ({
        nextAttemptAt: null,
      }));
      await rollUpPosts(tx, [postId]);
      return rows;
    });
    expect(moved.map((t) => t.id).sort()).toEqual([targets[0]!.id, targets[1]!.id].sort());
    const cancelled = (await historyOf(targets.map((t) => t.id))).filter((e) => e.toStatus === 'cancelled');
    expect(cancelled.map((e) => [e.postPlatformId, e.fromStatus, e.details])).toEqual(
      expect.arrayContaining([
        [targets[0]!.id, 'draft', null],
        [targets[1]!.id, 'scheduled', null],
      ]),
    );
    expect(cancelled).toHaveLength(2);
    const [post] = await withSystem(handle.db, (tx) => tx.select().from(posts).where(eq(posts.id, postId)));
    // One target live, the rest cancelled: the post says published.
    expect(post!.status).toBe('published');
  });

  it('lets exactly one delivery claim a scheduled target, at its current version', async () => {
    const { targets } = await postWith(['scheduled']);
    const target = targets[0]!;
    const trigger = { targetId: target.id, version: target.version };
    expect(
      await withSystem(handle.db, (tx) =>
        claimPostTarget(tx, { ...trigger, version: target.version + 1 }, NOW),
      ),
    ).toBeUndefined();
    const first = await withSystem(handle.db, (tx) => claimPostTarget(tx, trigger, NOW));
    const second = await withSystem(handle.db, (tx) => claimPostTarget(tx, trigger, NOW));
    expect(first).toMatchObject({ status: 'publishing', attempts: 1 });
    expect(second).toBeUndefined();
    const history = await historyOf([target.id]);
    expect(history.filter((e) => e.toStatus === 'publishing')).toHaveLength(1);
  });
});
