import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../../core/audit/record-audit';
import {
  judgeStoredUpload,
  type UploadJudgement,
  type UploadRefusalReason,
} from '../../../core/media/judge-upload';
import { findMediaUsage } from '../../../core/media/media-usage';
import { media } from '../../../db/schema';
import { withTenant, type Transaction } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { HttpProblem, notFound, type ProblemCode } from '../../problem';
import { auditActor } from '../../request-origin';
import { findMediaForUpdate } from './find-media';
import { presentMedia, type MediaRow } from './present';

/**
 * Confirms a browser upload. The stored object must have the declared size, and its content
 * decides its type: a decoded image or a parsed video header (see `inspectContent`), never
 * the file name or the browser's claim. The row becomes `ready` with the sniffed type and
 * what was read (dimensions, duration), or `failed` with the object deleted and a 422 in
 * words a person uses. The bytes are read outside any transaction (a decode can take a
 * second); the row is then locked and changed only if it is still `pending`.
 * Idempotent: confirming a ready file answers it again.
 */
export const completeMediaUpload: Operation<'completeMediaUpload'> = async (
  { params },
  { container, event, auth },
) => {
  const organizationId = auth.organizationId;
  const id = params.id;
  const found = await withTenant(container.db, organizationId, async (tx) => {
    const [row] = await tx
      .select()
      .from(media)
      .where(and(eq(media.id, id), eq(media.organizationId, organizationId), isNull(media.deletedAt)));
    if (!row) throw notFound('The media file');
    return row;
  });
  const judgement = found.status === 'pending' ? await judgeStoredUpload(container.media, found) : undefined;
  if (judgement?.verdict === 'missing') {
    throw new HttpProblem(409, 'conflict', 'The file has not arrived yet; finish the upload first.');
  }
  const outcome = await withTenant(container.db, organizationId, async (tx) => {
    const row = await findMediaForUpdate(tx, organizationId, id);
    if (row.status === 'ready' || row.status === 'processing') {
      const usage = (await findMediaUsage(tx, organizationId, [id])).get(id) ?? [];
      return { kind: 'unchanged' as const, row, usage };
    }
    if (row.status === 'failed' || !judgement) {
      throw new HttpProblem(409, 'conflict', 'This upload was refused; upload the file again.');
    }
    return settle(tx, row, judgement, auditActor(event, auth));
  });
  if (outcome.kind === 'refused') {
    // The row keeps the refusal; the object that broke the rules goes.
    await container.media.delete(outcome.row.s3Key);
    const { reason, message } = outcome.refusal;
    const [status, code] = REFUSAL_PROBLEMS[reason];
    throw new HttpProblem(status, code, message, { errors: [{ field: 'file', message }] });
  }
  if (outcome.kind === 'confirmed') {
    await container.realtime.broadcast(organizationId, { type: 'media.ready', data: { id } });
  }
  return { body: await presentMedia(outcome.row, outcome.usage, container.media) };
};

/**
 * A size that differs from the announced one is a broken request (400, as before); content
 * that is not a readable image or video is 422: the request was fine, the file is not.
 */
const REFUSAL_PROBLEMS: Record<UploadRefusalReason, [number, ProblemCode]> = {
  size_mismatch: [400, 'validation_failed'],
  empty: [422, 'media_unreadable'],
  unrecognised: [422, 'media_unreadable'],
  damaged: [422, 'media_unreadable'],
  not_media: [422, 'media_unsupported'],
  unchecked: [422, 'media_unsupported'],
  too_large: [422, 'media_unsupported'],
};

/** Records the judgement on the still-pending row: ready with what was read, or failed. */
async function settle(
  tx: Transaction,
  row: MediaRow,
  judgement: Exclude<UploadJudgement, { verdict: 'missing' }>,
  actor: AuditActor,
) {
  if (judgement.verdict === 'refused') {
    const [failed] = await tx.update(media).set({ status: 'failed' }).where(eq(media.id, row.id)).returning();
    await recordAudit(tx, actor, {
      action: 'upload_refused',
      resourceType: 'media',
      resourceId: row.id,
      newValues: judgement.audit,
    });
    return { kind: 'refused' as const, row: failed!, refusal: judgement };
  }
  const { content } = judgement;
  const [ready] = await tx
    .update(media)
    .set({
      status: 'ready',
      mimeType: content.mimeType,
      width: content.width ?? null,
      height: content.height ?? null,
      durationMs: content.durationMs ?? null,
    })
    .where(eq(media.id, row.id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'upload',
    resourceType: 'media',
    resourceId: row.id,
    newValues: {
      mimeType: content.mimeType,
      ...(content.mimeType !== row.mimeType ? { declaredType: row.mimeType } : {}),
      ...(content.codec ? { codec: content.codec } : {}),
    },
  });
  const usage = await findMediaUsage(tx, row.organizationId, [row.id]);
  return { kind: 'confirmed' as const, row: ready!, usage: usage.get(row.id) ?? [] };
}
