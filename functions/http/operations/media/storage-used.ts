import { and, eq, isNull, ne, or, sql, gt } from 'drizzle-orm';
import { media } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';

/** Bytes of an upload form's lifetime: a pending row older than this can no longer be uploaded to. */
export const UPLOAD_FORM_SECONDS = 15 * 60;

/** `variants` is `{ name: { sizeBytes } }`; their bytes count toward the quota too. */
export const variantBytesSql = sql<number>`coalesce((select sum((v.value->>'sizeBytes')::bigint) from jsonb_each(${media.variants}) as v), 0)`;

/**
 * Bytes the organization holds or has reserved: stored files and their variants, plus pending
 * uploads whose form may still be used (so parallel uploads cannot overshoot the quota).
 */
export async function reservedStorageBytes(
  tx: Transaction,
  organizationId: string,
  now: Date,
): Promise<number> {
  const formCutoff = new Date(now.getTime() - UPLOAD_FORM_SECONDS * 1000);
  const [row] = await tx
    .select({ bytes: sql<string>`coalesce(sum(${media.sizeBytes} + ${variantBytesSql}), 0)::text` })
    .from(media)
    .where(
      and(
        eq(media.organizationId, organizationId),
        isNull(media.deletedAt),
        ne(media.status, 'failed'),
        or(ne(media.status, 'pending'), gt(media.createdAt, formCutoff)),
      ),
    );
  return Number(row?.bytes ?? 0);
}
