import { and, eq, isNull } from 'drizzle-orm';
import { notAbandonedUpload } from '../../../core/media/abandoned-uploads';
import { findMediaUsage } from '../../../core/media/media-usage';
import { media } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { notFound } from '../../problem';
import { presentMedia } from './present';

/** One file of the library with its variants and the posts that use it; 404 for another organization's. */
export const getMedia: Operation<'getMedia'> = async ({ params }, { container, auth }) => {
  const organizationId = auth.organizationId;
  const id = params.id;
  const { row, usage } = await withTenant(container.db, organizationId, async (tx) => {
    const [row] = await tx
      .select()
      .from(media)
      .where(
        and(
          eq(media.id, id),
          eq(media.organizationId, organizationId),
          isNull(media.deletedAt),
          // An upload abandoned a day ago is gone from the library, here too.
          notAbandonedUpload(container.clock.now()),
        ),
      );
    if (!row) throw notFound('The media file');
    return { row, usage: (await findMediaUsage(tx, organizationId, [id])).get(id) ?? [] };
  });
  return { body: await presentMedia(row, usage, container.media) };
};
