import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { DECODABLE_IMAGE_TYPES, OPTIMIZE_MEDIA_JOB } from '../../../core/media/optimizable';
import { findMediaUsage } from '../../../core/media/media-usage';
import { media } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { HttpProblem } from '../../problem';
import { auditActor } from '../../request-origin';
import { findMediaForUpdate } from './find-media';
import { presentMedia } from './present';

const decodable: readonly string[] = DECODABLE_IMAGE_TYPES;

/**
 * Queues the per-network renditions (sizes, formats, crops) of an image and answers 202 with
 * the file `processing`; the job stores them, marks it `ready` and tells the browser.
 */
export const optimizeMedia: Operation<'optimizeMedia'> = async ({ params }, { container, event, auth }) => {
  const organizationId = auth.organizationId;
  const id = params.id;
  const { row, usage } = await withTenant(container.db, organizationId, async (tx) => {
    const found = await findMediaForUpdate(tx, organizationId, id);
    if (found.status === 'processing') {
      throw new HttpProblem(409, 'conflict', 'This file is being optimized already.');
    }
    if (found.status !== 'ready')
      throw new HttpProblem(409, 'conflict', 'Finish the upload before optimizing.');
    if (!decodable.includes(found.mimeType)) {
      throw new HttpProblem(
        409,
        'conflict',
        `Only ${DECODABLE_IMAGE_TYPES.join(', ')} images can be optimized; this is ${found.mimeType}.`,
      );
    }
    const [row] = await tx
      .update(media)
      .set({ status: 'processing', updatedAt: container.clock.now() })
      .where(eq(media.id, id))
      .returning();
    await recordAudit(tx, auditActor(event, auth), {
      action: 'optimize',
      resourceType: 'media',
      resourceId: id,
    });
    return { row: row!, usage: (await findMediaUsage(tx, organizationId, [id])).get(id) ?? [] };
  });
  await container.queue.send('jobs', { type: OPTIMIZE_MEDIA_JOB, organizationId, mediaId: id });
  return { status: 202, body: await presentMedia(row, usage, container.media) };
};
