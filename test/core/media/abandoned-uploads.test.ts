import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ABANDONED_UPLOADS_PER_RUN,
  removeAbandonedUploads,
} from '../../../functions/core/media/abandoned-uploads';
import type { DatabaseHandle } from '../../../functions/db/client';
import { auditLogs, media, type MediaStatus, type MediaVariant } from '../../../functions/db/schema';
import { withSystem, withTenant } from '../../../functions/db/tenant';
import { createTestOrganization, getTestDatabase } from '../../support/db';

const NOW = new Date('2031-03-10T12:00:00.000Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

interface Seed {
  status: MediaStatus;
  createdAt: Date;
  deletedAt?: Date;
  variants?: Record<string, MediaVariant>;
}

describe('removeAbandonedUploads', () => {
  let handle: DatabaseHandle;
  let mine: string;
  let theirs: string;

  /** Inserts media rows as plume_system and answers their ids and keys, in order. */
  async function seed(organizationId: string, rows: Seed[]) {
    return withSystem(handle.db, async (tx) => {
      const inserted = await tx
        .insert(media)
        .values(
          rows.map((row) => ({
            organizationId,
            s3Key: `media/${organizationId}/${crypto.randomUUID()}.png`,
            mimeType: 'image/png',
            sizeBytes: 10,
            ...row,
          })),
        )
        .returning({ id: media.id, s3Key: media.s3Key });
      return inserted;
    });
  }

  const deletedAtOf = async (ids: string[]) => {
    const rows = await withSystem(handle.db, (tx) =>
      tx.select({ id: media.id, deletedAt: media.deletedAt }).from(media).where(inArray(media.id, ids)),
    );
    return ids.map((id) => rows.find((r) => r.id === id)?.deletedAt ?? null);
  };

  const cleanupAudits = (organizationId: string) =>
    withSystem(handle.db, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(
          and(
            eq(auditLogs.organizationId, organizationId),
            eq(auditLogs.action, 'delete'),
            eq(auditLogs.resourceType, 'media'),
          ),
        ),
    );

  beforeAll(async () => {
    handle = await getTestDatabase();
    mine = (await createTestOrganization(handle.db, 'Abandoned')).organizationId;
    theirs = (await createTestOrganization(handle.db, 'Neighbour')).organizationId;
  });
  afterAll(async () => handle?.close());

  it('soft-deletes only pending rows past 24 hours, answering their keys and variant keys', async () => {
    const variantKey = `media/${mine}/${crypto.randomUUID()}-thumb.webp`;
    const rows = await seed(mine, [
      { status: 'pending', createdAt: hoursAgo(25) },
      {
        status: 'pending',
        createdAt: hoursAgo(24 * 30),
        variants: { thumbnail: { s3Key: variantKey, mimeType: 'image/webp', sizeBytes: 3 } },
      },
      { status: 'pending', createdAt: hoursAgo(23.9) }, // a slow `complete` may still come
      { status: 'ready', createdAt: hoursAgo(24 * 30) },
      { status: 'processing', createdAt: hoursAgo(48) },
      { status: 'failed', createdAt: hoursAgo(48) },
      { status: 'pending', createdAt: hoursAgo(48), deletedAt: hoursAgo(1) }, // already gone
    ]);
    const [theirAbandoned] = await seed(theirs, [{ status: 'pending', createdAt: hoursAgo(48) }]);

    const keys = await withTenant(handle.db, mine, (tx) => removeAbandonedUploads(tx, mine, NOW));

    expect(keys.sort()).toEqual([rows[0]!.s3Key, rows[1]!.s3Key, variantKey].sort());
    expect(await deletedAtOf(rows.map((r) => r.id))).toEqual([
      NOW,
      NOW,
      null,
      null,
      null,
      null,
      hoursAgo(1), // not stamped again
    ]);
    expect(await deletedAtOf([theirAbandoned!.id])).toEqual([null]);

    const audits = await cleanupAudits(mine);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ userId: null, resourceId: null });
    expect(audits[0]!.newValues).toEqual({
      abandoned: 2,
      mediaIds: expect.arrayContaining([rows[0]!.id, rows[1]!.id]),
    });
    expect(await cleanupAudits(theirs)).toEqual([]);

    // A second run finds nothing and writes nothing.
    expect(await withTenant(handle.db, mine, (tx) => removeAbandonedUploads(tx, mine, NOW))).toEqual([]);
    expect(await cleanupAudits(mine)).toHaveLength(1);
  });

  it('takes a bounded batch per run, oldest first, leaving the rest for the next', async () => {
    const org = (await createTestOrganization(handle.db, 'Pile')).organizationId;
    const pile = await seed(
      org,
      Array.from({ length: ABANDONED_UPLOADS_PER_RUN + 3 }, (_, i) => ({
        status: 'pending' as const,
        createdAt: hoursAgo(100 + i),
      })),
    );
    const first = await withTenant(handle.db, org, (tx) => removeAbandonedUploads(tx, org, NOW));
    expect(first).toHaveLength(ABANDONED_UPLOADS_PER_RUN);
    // Oldest first: the three newest (the first inserted) wait for the next run.
    const newest = pile.slice(0, 3).map((r) => r.s3Key);
    expect(first.filter((key) => newest.includes(key))).toEqual([]);
    const second = await withTenant(handle.db, org, (tx) => removeAbandonedUploads(tx, org, NOW));
    expect(second.sort()).toEqual(newest.sort());
    expect(await deletedAtOf(pile.map((r) => r.id))).not.toContain(null);
    expect(await cleanupAudits(org)).toHaveLength(2);
  });

  it('rolls back with the caller: a failed transaction removes nothing', async () => {
    const org = (await createTestOrganization(handle.db, 'Rollback')).organizationId;
    const [row] = await seed(org, [{ status: 'pending', createdAt: hoursAgo(30) }]);
    await expect(
      withTenant(handle.db, org, async (tx) => {
        await removeAbandonedUploads(tx, org, NOW);
        throw new Error('quota refused');
      }),
    ).rejects.toThrow('quota refused');
    expect(await deletedAtOf([row!.id])).toEqual([null]);
    expect(await cleanupAudits(org)).toEqual([]);
  });
});
