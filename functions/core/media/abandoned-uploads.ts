import { and, asc, eq, gte, inArray, isNull, lt, ne, or, type SQL } from 'drizzle-orm';
import { media } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import { recordAudit } from '../audit/record-audit';

/**
 * A `pending` upload older than this is abandoned: its form lapsed long ago (15 minutes), so no
 * bytes can still arrive. 24 hours, not 15 minutes, so that a slow `complete` after a network
 * hiccup or a laptop lid closed mid-upload still works; short enough that the library does not
 * keep "Unfinished" tiles for days.
 */
export const ABANDONED_UPLOAD_HOURS = 24;

/** Rows per run, so a pile left by a broken client cannot slow one upload down; the rest go next time. */
export const ABANDONED_UPLOADS_PER_RUN = 100;

/** Pending rows created before this instant are abandoned. */
export function abandonedUploadCutoff(now: Date): Date {
  return new Date(now.getTime() - ABANDONED_UPLOAD_HOURS * 60 * 60 * 1000);
}

/** SQL true for rows the library still shows: anything but an abandoned upload. */
export function notAbandonedUpload(now: Date): SQL {
  // `or` answers undefined only when given no conditions.
  return or(ne(media.status, 'pending'), gte(media.createdAt, abandonedUploadCutoff(now)))!;
}

/**
 * Soft-deletes this organization's abandoned uploads and answers the storage keys they held.
 * Run lazily, inside the caller's transaction (no schedule wakes the database for it); the
 * caller deletes the objects after commit, so a failure there leaves an orphan object, never a
 * row pointing at nothing. One audit entry per run that removed anything, from the system
 * (no user): nobody chose to delete these files.
 */
export async function removeAbandonedUploads(
  tx: Transaction,
  organizationId: string,
  now: Date,
): Promise<string[]> {
  const abandoned = await tx
    .select({ id: media.id })
    .from(media)
    .where(
      and(
        eq(media.organizationId, organizationId),
        eq(media.status, 'pending'),
        isNull(media.deletedAt),
        lt(media.createdAt, abandonedUploadCutoff(now)),
      ),
    )
    .orderBy(asc(media.createdAt))
    .limit(ABANDONED_UPLOADS_PER_RUN)
    // A row a `complete` holds right now is left for the next run; a `complete` arriving after
    // this lock waits, then finds the row deleted (404).
    .for('update', { skipLocked: true });
  if (abandoned.length === 0) return [];
  const ids = abandoned.map((row) => row.id);
  const removed = await tx
    .update(media)
    .set({ deletedAt: now })
    .where(and(eq(media.organizationId, organizationId), inArray(media.id, ids)))
    .returning({ s3Key: media.s3Key, variants: media.variants });
  await recordAudit(
    tx,
    { organizationId },
    {
      action: 'delete',
      resourceType: 'media',
      newValues: { abandoned: removed.length, mediaIds: ids },
    },
  );
  return removed.flatMap((row) => [row.s3Key, ...Object.values(row.variants).map((v) => v.s3Key)]);
}
