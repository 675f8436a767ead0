import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { countPendingTargetsUsing } from '../../../core/media/media-usage';
import { media } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { HttpProblem } from '../../problem';
import { auditActor } from '../../request-origin';
import { findMediaForUpdate } from './find-media';

/**
 * Deletes a file and its variants, unless a scheduled (or publishing) target uses it: that
 * post would fail at its hour. Drafts and published posts keep their reference; the composer
 * shows the file as missing. The row goes first, in one transaction with the audit entry;
 * objects go after commit, so a failure leaves an orphan object, never a row without its file.
 */
export const deleteMedia: Operation<'deleteMedia'> = async ({ params }, { container, event, auth }) => {
  const organizationId = auth.organizationId;
  const id = params.id;
  const row = await withTenant(container.db, organizationId, async (tx) => {
    const row = await findMediaForUpdate(tx, organizationId, id);
    const waiting = await countPendingTargetsUsing(tx, organizationId, id);
    if (waiting > 0) {
      throw new HttpProblem(
        409,
        'conflict',
        `${waiting} scheduled post target${waiting === 1 ? '' : 's'} use${waiting === 1 ? 's' : ''} this file; remove it from them or cancel them first.`,
        { extensions: { scheduledTargets: waiting } },
      );
    }
    await tx.delete(media).where(eq(media.id, id));
    await recordAudit(tx, auditActor(event, auth), {
      action: 'delete',
      resourceType: 'media',
      resourceId: id,
      oldValues: { fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes },
    });
    return row;
  });
  const keys = [row.s3Key, ...Object.values(row.variants).map((v) => v.s3Key)];
  await Promise.all(keys.map((key) => container.media.delete(key)));
  await container.realtime.broadcast(organizationId, { type: 'media.deleted', data: { id } });
  return { status: 204 };
};
