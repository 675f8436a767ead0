import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimLeaseMs } from '../../../functions/core/publishing/claim-lease';
import {
  DEFAULT_SWEEP_POLICY,
  sweepPostTargets,
  type SweepPolicy,
} from '../../../functions/core/publishing/sweep-post-targets';
import { AWAITING_LOOKUP, lookupStateOf } from '../../../functions/core/publishing/unconfirmed-state';
import type { DatabaseHandle } from '../../../functions/db/client';
import {
  notifications,
  postPlatforms,
  posts,
  postTargetEvents,
  socialAccounts,
  type PostTargetStatus,
} from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import type { Platform } from '../../../functions/platforms/connector';
import { PUBLISH_BOUNDS } from '../../../functions/platforms/publish-bounds';
import { createTestOrganization, getTestDatabase } from '../../support/db';

// Test files share one database in CI and the sweep is cross-tenant, so this file lives in
// 2001: no other file's targets are old enough, relative to this `now`, to be touched.
const NOW = new Date('2001-06-01T12:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() - n * 60_000);
const seconds = (n: number) => new Date(NOW.getTime() - n * 1000);
const POLICY: SweepPolicy = { ...DEFAULT_SWEEP_POLICY, boundsOf: (platform) => PUBLISH_BOUNDS[platform] };

interface Case {
  name: string;
  status: PostTargetStatus;
  platform: Platform;
  scheduledAt: Date;
  updatedAt: Date;
  nextAttemptAt?: Date;
}

describe('sweepPostTargets', () => {
  let handle: DatabaseHandle;
  let userId: string;
  const ids: Record<string, string> = {};

  const cases: Case[] = [
    { name: 'onTime', status: 'scheduled', platform: 'sandbox', scheduledAt: minutes(-10), updatedAt: NOW },
    { name: 'justDue', status: 'scheduled', platform: 'sandbox', scheduledAt: seconds(30), updatedAt: NOW },
    { name: 'lost', status: 'scheduled', platform: 'sandbox', scheduledAt: minutes(5), updatedAt: NOW },
    { name: 'tooLate', status: 'scheduled', platform: 'sandbox', scheduledAt: minutes(90), updatedAt: NOW },
    {
      name: 'retrySoon',
      status: 'scheduled',
      platform: 'sandbox',
      scheduledAt: minutes(1),
      updatedAt: NOW,
      nextAttemptAt: new Date(NOW.getTime() + 45_000),
    },
    // Claims: the Sandbox's lease is its 25 s bound plus grace and margin; X's follows its 150 s.
    {
      name: 'sandboxInFlight',
      status: 'publishing',
      platform: 'sandbox',
      scheduledAt: seconds(20),
      updatedAt: seconds(20),
    },
    {
      name: 'sandboxCrashed',
      status: 'publishing',
      platform: 'sandbox',
      scheduledAt: seconds(50),
      updatedAt: seconds(50),
    },
    {
      name: 'xInFlight',
      status: 'publishing',
      platform: 'twitter',
      scheduledAt: seconds(50),
      updatedAt: seconds(50),
    },
    {
      name: 'xCrashed',
      status: 'publishing',
      platform: 'twitter',
      scheduledAt: minutes(3),
      updatedAt: minutes(3),
    },
    {
      name: 'done',
      status: 'published',
      platform: 'sandbox',
      scheduledAt: minutes(300),
      updatedAt: minutes(300),
    },
  ];

  beforeAll(async () => {
    handle = await getTestDatabase();
    const org = await createTestOrganization(handle.db, 'Sweep');
    userId = org.userId;
    await withSystem(handle.db, async (tx) => {
      const [post] = await tx
        .insert(posts)
        .values({ organizationId: org.organizationId, userId: org.userId, content: 'x' })
        .returning();
      for (const c of cases) {
        // One account per target: (post, account) is unique.
        const [account] = await tx
          .insert(socialAccounts)
          .values({
            organizationId: org.organizationId,
            platform: c.platform,
            accountId: `sweep-${org.slug}-${c.name}`,
          })
          .returning();
        const [row] = await tx
          .insert(postPlatforms)
          .values({
            organizationId: org.organizationId,
            postId: post!.id,
            socialAccountId: account!.id,
            status: c.status,
            version: 3,
            scheduledAt: c.scheduledAt,
            nextAttemptAt: c.nextAttemptAt,
            updatedAt: c.updatedAt,
          })
          .returning();
        ids[c.name] = row!.id;
      }
    });
  });
  afterAll(async () => handle?.close());

  const mine = () => new Set(Object.values(ids));
  const statuses = async () => {
    const rows = await withSystem(handle.db, (tx) =>
      tx
        .select({ id: postPlatforms.id, status: postPlatforms.status })
        .from(postPlatforms)
        .where(inArray(postPlatforms.id, [...mine()])),
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, r.status]));
    return Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, byId[id]]));
  };

  it('bases each claim’s lease on its connector’s own publish bound, not a fixed 15 minutes', () => {
    expect(claimLeaseMs(PUBLISH_BOUNDS.sandbox)).toBeLessThan(45_000);
    expect(claimLeaseMs(PUBLISH_BOUNDS.twitter)).toBeGreaterThan(150_000);
    expect(claimLeaseMs(PUBLISH_BOUNDS.twitter)).toBeLessThan(3 * 60_000);
  });

  it('re-fires lost schedules, gives up on stale ones, and hands expired claims to a look-up', async () => {
    const result = await withSystem(handle.db, (tx) => sweepPostTargets(tx, NOW, POLICY));
    expect(result.refire.filter((r) => mine().has(r.targetId))).toEqual([{ targetId: ids.lost, version: 3 }]);
    expect(await statuses()).toEqual({
      onTime: 'scheduled',
      justDue: 'scheduled',
      lost: 'scheduled',
      tooLate: 'missed',
      retrySoon: 'scheduled',
      sandboxInFlight: 'publishing',
      sandboxCrashed: 'unconfirmed',
      xInFlight: 'publishing',
      xCrashed: 'unconfirmed',
      done: 'published',
    });

    const crashed = await withSystem(handle.db, (tx) =>
      tx
        .select()
        .from(postPlatforms)
        .where(inArray(postPlatforms.id, [ids.sandboxCrashed!, ids.xCrashed!])),
    );
    for (const row of crashed) {
      expect(row.errorCode).toBe(AWAITING_LOOKUP);
      const state = lookupStateOf(row.platformData)!;
      expect(state.claimedAt).toBe(
        row.id === ids.xCrashed ? minutes(3).toISOString() : seconds(50).toISOString(),
      );
    }
    // The X claim was cut off at most 150 s after it began: that is when its settling starts.
    const x = crashed.find((row) => row.id === ids.xCrashed)!;
    expect(lookupStateOf(x.platformData)!.cutoffAt).toBe(
      new Date(minutes(3).getTime() + 150_000).toISOString(),
    );
    // Both are looked up: the Sandbox at once, X once its settling minute after the cut-off is over.
    const lookups = Object.fromEntries(
      result.lookups.filter((l) => mine().has(l.targetId)).map((l) => [l.targetId, l.delaySeconds]),
    );
    expect(lookups).toEqual({ [ids.sandboxCrashed!]: 0, [ids.xCrashed!]: 30 });
    // The next lease to run out is the Sandbox claim's, 37 s after it began.
    expect(result.nextLeaseExpiry).toEqual(
      new Date(seconds(20).getTime() + claimLeaseMs(PUBLISH_BOUNDS.sandbox)),
    );

    // Nobody is asked yet: the look-up usually settles it. A missed post is told at once.
    const notes = await withSystem(handle.db, (tx) =>
      tx.select().from(notifications).where(eq(notifications.userId, userId)),
    );
    expect(notes.map((n) => n.type).sort()).toEqual(['post.missed']);
    const events = await withSystem(handle.db, (tx) =>
      tx.select().from(postTargetEvents).where(eq(postTargetEvents.postPlatformId, ids.sandboxCrashed!)),
    );
    expect(events).toMatchObject([{ fromStatus: 'publishing', toStatus: 'unconfirmed' }]);
  });

  it('is idempotent: a second sweep changes nothing more, and lists the same look-ups', async () => {
    const again = await withSystem(handle.db, (tx) => sweepPostTargets(tx, NOW, POLICY));
    expect(again.refire.filter((r) => mine().has(r.targetId))).toHaveLength(1);
    expect(again.lookups.filter((l) => mine().has(l.targetId))).toHaveLength(2);
    const events = await withSystem(handle.db, (tx) =>
      tx
        .select()
        .from(postTargetEvents)
        .where(inArray(postTargetEvents.postPlatformId, [...mine()])),
    );
    expect(events).toHaveLength(3);
  });

  it('after a restart, re-fires everything due at once and sends lost retries again', async () => {
    const result = await withSystem(handle.db, (tx) =>
      sweepPostTargets(tx, NOW, POLICY, { afterRestart: true }),
    );
    expect(
      result.refire
        .filter((r) => mine().has(r.targetId))
        .map((r) => r.targetId)
        .sort(),
    ).toEqual([ids.justDue!, ids.lost!].sort());
    expect(result.resend.filter((r) => mine().has(r.targetId))).toEqual([
      { targetId: ids.retrySoon, version: 3, delaySeconds: 45 },
    ]);
  });
});
