import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepPostTargets } from '../../../functions/core/publishing/sweep-post-targets';
import type { DatabaseHandle } from '../../../functions/db/client';
import {
  postPlatforms,
  posts,
  postTargetEvents,
  socialAccounts,
  type PostTargetStatus,
} from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { createTestOrganization, getTestDatabase } from '../../support/db';

// Test files share one database in CI and the sweep is cross-tenant, so this file lives in
// 2001: no other file's targets are old enough, relative to this `now`, to be touched.
const NOW = new Date('2001-06-01T12:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() - n * 60_000);

describe('sweepPostTargets', () => {
  let handle: DatabaseHandle;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    handle = await getTestDatabase();
    const org = await createTestOrganization(handle.db, 'Sweep');
    await withSystem(handle.db, async (tx) => {
      const [account] = await tx
        .insert(socialAccounts)
        .values({ organizationId: org.organizationId, platform: 'sandbox', accountId: `sweep-${org.slug}` })
        .returning();
      const [post] = await tx
        .insert(posts)
        .values({ organizationId: org.organizationId, content: 'x' })
        .returning();
      const cases: Array<[string, PostTargetStatus, Date, Date]> = [
        ['onTime', 'scheduled', minutes(-10), NOW],
        ['justDue', 'scheduled', minutes(1), NOW],
        ['lost', 'scheduled', minutes(5), NOW],
        ['tooLate', 'scheduled', minutes(90), NOW],
        ['inFlight', 'publishing', minutes(3), minutes(3)],
        ['crashed', 'publishing', minutes(30), minutes(30)],
        ['done', 'published', minutes(300), minutes(300)],
      ];
      for (const [name, status, scheduledAt, updatedAt] of cases) {
        // One account per target: (post, account) is unique.
        const [acct] =
          name === 'onTime'
            ? [account!]
            : await tx
                .insert(socialAccounts)
                .values({
                  organizationId: org.organizationId,
                  platform: 'sandbox',
                  accountId: `sweep-${org.slug}-${name}`,
                })
                .returning();
        const [row] = await tx
          .insert(postPlatforms)
          .values({
            organizationId: org.organizationId,
            postId: post!.id,
            socialAccountId: acct!.id,
            status,
            version: 3,
            scheduledAt,
            updatedAt,
          })
          .returning();
        ids[name] = row!.id;
      }
    });
  });
  afterAll(async () => handle?.close());

  it('re-fires lost schedules, gives up on stale ones and flags crashed claims as unconfirmed', async () => {
    const result = await withSystem(handle.db, (tx) => sweepPostTargets(tx, NOW));
    const mine = new Set(Object.values(ids));
    expect(result.refire.filter((r) => mine.has(r.targetId))).toEqual([{ targetId: ids.lost, version: 3 }]);

    const rows = await withSystem(handle.db, (tx) =>
      tx
        .select({ id: postPlatforms.id, status: postPlatforms.status })
        .from(postPlatforms)
        .where(inArray(postPlatforms.id, [...mine])),
    );
    const statusOf = Object.fromEntries(rows.map((r) => [r.id, r.status]));
    expect(statusOf[ids.onTime!]).toBe('scheduled');
    expect(statusOf[ids.justDue!]).toBe('scheduled');
    expect(statusOf[ids.lost!]).toBe('scheduled');
    expect(statusOf[ids.tooLate!]).toBe('missed');
    expect(statusOf[ids.inFlight!]).toBe('publishing');
    expect(statusOf[ids.crashed!]).toBe('unconfirmed');
    expect(statusOf[ids.done!]).toBe('published');

    const events = await withSystem(handle.db, (tx) =>
      tx.select().from(postTargetEvents).where(eq(postTargetEvents.postPlatformId, ids.crashed!)),
    );
    expect(events).toMatchObject([{ fromStatus: 'publishing', toStatus: 'unconfirmed' }]);
  });

  it('is idempotent: a second sweep changes nothing more', async () => {
    const again = await withSystem(handle.db, (tx) => sweepPostTargets(tx, NOW));
    const mine = new Set(Object.values(ids));
    expect(again.refire.filter((r) => mine.has(r.targetId))).toHaveLength(1);
    const events = await withSystem(handle.db, (tx) =>
      tx
        .select()
        .from(postTargetEvents)
        .where(inArray(postTargetEvents.postPlatformId, [...mine])),
    );
    expect(events).toHaveLength(2);
  });
});
