import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { readImageSize } from '../../../core/media/image-size';
import { readMp4DurationMs } from '../../../core/media/video-duration';
import { mediaKind } from '../../../core/media/media-limits';
import { findMediaUsage } from '../../../core/media/media-usage';
import { media } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../area-handler';
import { HttpProblem } from '../../problem';
import { auditActor } from '../../request-origin';
import { findMediaForUpdate } from './find-media';
import { presentMedia, type MediaRow } from './present';

/**
 * Files up to this size are read whole for their dimensions or duration. Larger ones are left
 * without: the MediaStore port has no ranged read, and a Lambda should not hold a gigabyte.
 */
const MAX_BYTES_TO_INSPECT = 25 * 1024 * 1024;

/** ISO base media files, whose movie header gives the duration. */
const MP4_FAMILY: readonly string[] = ['video/mp4', 'video/quicktime', 'video/x-m4v'];

/**
 * Confirms a browser upload: the object must exist with the declared size and type (and, for
 * images, bytes in the declared format), then the row becomes `ready` with its dimensions.
 * Idempotent: confirming a ready file answers it again.
 */
export const completeMediaUpload: Operation = async ({ params }, { container, event, auth }) => {
  const organizationId = auth!.organizationId;
  const id = params.id as string;
  const outcome = await withTenant(container.db, organizationId, async (tx) => {
    const row = await findMediaForUpdate(tx, organizationId, id);
    if (row.status === 'ready' || row.status === 'processing') {
      return { row, usage: (await findMediaUsage(tx, organizationId, [id])).get(id) ?? [] };
    }
    if (row.status === 'failed') {
      throw new HttpProblem(409, 'conflict', 'This upload was refused; upload the file again.');
    }
    const stored = await container.media.head(row.s3Key);
    if (!stored)
      throw new HttpProblem(409, 'conflict', 'The file has not arrived yet; finish the upload first.');
    const verdict = await inspect(
      row,
      stored.size,
      stored.contentType,
      container.media.get.bind(container.media),
    );
    if (typeof verdict === 'string') {
      const [failed] = await tx.update(media).set({ status: 'failed' }).where(eq(media.id, id)).returning();
      await recordAudit(tx, auditActor(event, auth), {
        action: 'upload_refused',
        resourceType: 'media',
        resourceId: id,
        newValues: { reason: verdict },
      });
      return { row: failed!, refusal: verdict };
    }
    const [ready] = await tx
      .update(media)
      .set({
        status: 'ready',
        width: verdict.width ?? null,
        height: verdict.height ?? null,
        durationMs: verdict.durationMs ?? null,
      })
      .where(eq(media.id, id))
      .returning();
    await recordAudit(tx, auditActor(event, auth), {
      action: 'upload',
      resourceType: 'media',
      resourceId: id,
    });
    const usage = await findMediaUsage(tx, organizationId, [id]);
    return { row: ready!, usage: usage.get(id) ?? [], confirmed: true };
  });
  if (outcome.refusal) {
    // The row keeps the refusal; the object that broke the rules goes.
    await container.media.delete(outcome.row.s3Key);
    throw new HttpProblem(400, 'validation_failed', outcome.refusal, {
      errors: [{ field: 'file', message: outcome.refusal }],
    });
  }
  if (outcome.confirmed) {
    await container.realtime.broadcast(organizationId, { type: 'media.ready', data: { id } });
  }
  return { body: await presentMedia(outcome.row, outcome.usage ?? [], container.media) };
};

/** A reason to refuse the stored object, or what was read from it (dimensions, duration) when it passes. */
async function inspect(
  row: MediaRow,
  size: number,
  contentType: string | undefined,
  get: (key: string) => Promise<Uint8Array | undefined>,
): Promise<string | { width?: number; height?: number; durationMs?: number }> {
  if (size !== row.sizeBytes) return `The file is ${size} bytes, not the ${row.sizeBytes} declared.`;
  if (contentType !== undefined && contentType !== row.mimeType) {
    return `The file was stored as ${contentType}, not the ${row.mimeType} declared.`;
  }
  if (size > MAX_BYTES_TO_INSPECT) return {};
  const bytes = await get(row.s3Key);
  if (!bytes) return {};
  if (mediaKind(row.mimeType) === 'video') {
    const durationMs = MP4_FAMILY.includes(row.mimeType) ? readMp4DurationMs(bytes) : undefined;
    return durationMs === undefined ? {} : { durationMs };
  }
  const image = readImageSize(bytes);
  if (!image) return {};
  if (image.mimeType !== row.mimeType)
    return `The file is a ${image.mimeType} image, not the ${row.mimeType} declared.`;
  return { width: image.width, height: image.height };
}
