import { and, eq } from 'drizzle-orm';
import * as z from 'zod';
import type { Container } from '../adapters/container';
import { DECODABLE_IMAGE_TYPES, OPTIMIZE_MEDIA_JOB } from '../core/media/optimizable';
import { renderImageVariants } from '../core/media/image-variants';
import { extensionFor, variantKey } from '../core/media/media-keys';
import { media, type MediaVariant } from '../db/schema';
import { withTenant } from '../db/tenant';

const message = z.object({
  type: z.literal(OPTIMIZE_MEDIA_JOB),
  organizationId: z.uuid(),
  mediaId: z.uuid(),
});

/**
 * Renders the per-network variants of an image (see `IMAGE_VARIANTS`), stores them beside
 * the original and records them on the row, then tells the organization's browsers. Only a
 * row still `processing` is worked on, so a duplicate delivery does nothing. When the image
 * cannot be rendered the original stays usable: the row goes back to `ready` unchanged and
 * the browsers are told why.
 */
export async function optimizeMedia(raw: unknown, container: Container): Promise<void> {
  const { organizationId, mediaId } = message.parse(raw);
  const [row] = await withTenant(container.db, organizationId, (tx) =>
    tx
      .select()
      .from(media)
      .where(and(eq(media.id, mediaId), eq(media.organizationId, organizationId))),
  );
  if (!row || row.status !== 'processing') return;

  let variants: Record<string, MediaVariant>;
  try {
    const type = DECODABLE_IMAGE_TYPES.find((t) => t === row.mimeType);
    const original = await container.media.get(row.s3Key);
    if (!type || !original)
      throw new Error(original ? `${row.mimeType} cannot be decoded` : 'The original is missing');
    const rendered = await renderImageVariants(original, type);
    variants = {};
    for (const variant of rendered.variants) {
      const key = variantKey(organizationId, mediaId, variant.name, extensionFor(variant.mimeType));
      await container.media.put(key, variant.bytes, variant.mimeType);
      variants[variant.name] = {
        s3Key: key,
        mimeType: variant.mimeType,
        sizeBytes: variant.bytes.length,
        width: variant.width,
        height: variant.height,
      };
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    container.logger.warn('media optimize failed', { organizationId, mediaId, reason });
    await withTenant(container.db, organizationId, (tx) =>
      tx
        .update(media)
        .set({ status: 'ready', updatedAt: container.clock.now() })
        .where(and(eq(media.id, mediaId), eq(media.status, 'processing'))),
    );
    await container.realtime.broadcast(organizationId, {
      type: 'media.optimize_failed',
      data: { id: mediaId, reason },
    });
    return;
  }

  const updated = await withTenant(container.db, organizationId, (tx) =>
    tx
      .update(media)
      .set({ status: 'ready', variants, updatedAt: container.clock.now() })
      .where(and(eq(media.id, mediaId), eq(media.status, 'processing')))
      .returning({ id: media.id }),
  );
  if (updated.length === 0) {
    // Deleted while rendering: the variants just stored belong to nothing.
    await Promise.all(Object.values(variants).map((v) => container.media.delete(v.s3Key)));
    return;
  }
  await container.realtime.broadcast(organizationId, {
    type: 'media.optimized',
    data: { id: mediaId, variants: Object.keys(variants) },
  });
}
