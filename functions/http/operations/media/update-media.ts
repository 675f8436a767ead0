import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { findMediaUsage } from '../../../core/media/media-usage';
import { media } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { auditActor } from '../../request-origin';
import { findMediaForUpdate } from './find-media';
import { presentMedia } from './present';

/** Renames a file or sets its alt text (null or blank clears it); an empty body changes nothing. */
export const updateMedia: Operation<'updateMedia'> = async (
  { params, body: input },
  { container, event, auth },
) => {
  const organizationId = auth.organizationId;
  const id = params.id;
  const { row, usage } = await withTenant(container.db, organizationId, async (tx) => {
    const before = await findMediaForUpdate(tx, organizationId, id);
    const changes = {
      ...(input.fileName !== undefined ? { fileName: input.fileName } : {}),
      ...(input.altText !== undefined
        ? { altText: input.altText === null || input.altText.trim() === '' ? null : input.altText }
        : {}),
    };
    if (Object.keys(changes).length === 0) {
      return { row: before, usage: (await findMediaUsage(tx, organizationId, [id])).get(id) ?? [] };
    }
    const [row] = await tx
      .update(media)
      .set({ ...changes, updatedAt: container.clock.now() })
      .where(eq(media.id, id))
      .returning();
    await recordAudit(tx, auditActor(event, auth), {
      action: 'update',
      resourceType: 'media',
      resourceId: id,
      oldValues: { fileName: before.fileName, altText: before.altText },
      newValues: changes,
    });
    return { row: row!, usage: (await findMediaUsage(tx, organizationId, [id])).get(id) ?? [] };
  });
  return { body: await presentMedia(row, usage, container.media) };
};
