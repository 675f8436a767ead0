import { and, count, desc, eq, ilike, isNull, like, ne, not, or, type SQL } from 'drizzle-orm';
import { notAbandonedUpload } from '../../../core/media/abandoned-uploads';
import { mediaIsUsed, findMediaUsage } from '../../../core/media/media-usage';
import type { MediaKind } from '../../../shared/media-limits';
import { media } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { presentMedia } from './present';
import { containsPattern } from '../../../db/like-pattern';

function kindFilter(kind: MediaKind): SQL | undefined {
  if (kind === 'gif') return eq(media.mimeType, 'image/gif');
  if (kind === 'video') return like(media.mimeType, 'video/%');
  return and(like(media.mimeType, 'image/%'), ne(media.mimeType, 'image/gif'));
}

/**
 * The media library, newest first, each file with the posts that use it. Abandoned uploads
 * (pending for a day) are left out at once; the next upload deletes them for good.
 */
export const listMedia: Operation<'listMedia'> = async ({ query }, { container, auth }) => {
  const input = query;
  const organizationId = auth.organizationId;
  const pattern = input.search ? containsPattern(input.search) : undefined;
  const where = and(
    eq(media.organizationId, organizationId),
    isNull(media.deletedAt),
    notAbandonedUpload(container.clock.now()),
    input.kind ? kindFilter(input.kind) : undefined,
    input.status ? eq(media.status, input.status) : undefined,
    pattern ? or(ilike(media.fileName, pattern), ilike(media.altText, pattern)) : undefined,
    input.usage === 'used' ? mediaIsUsed() : input.usage === 'unused' ? not(mediaIsUsed()) : undefined,
  );
  const { rows, total, usage } = await withTenant(container.db, organizationId, async (tx) => {
    const rows = await tx
      .select()
      .from(media)
      .where(where)
      .orderBy(desc(media.createdAt), desc(media.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize);
    const [counted] = await tx.select({ total: count() }).from(media).where(where);
    const usage = await findMediaUsage(
      tx,
      organizationId,
      rows.map((r) => r.id),
    );
    return { rows, total: counted?.total ?? 0, usage };
  });
  return {
    body: {
      items: await Promise.all(
        rows.map((row) => presentMedia(row, usage.get(row.id) ?? [], container.media)),
      ),
      page: input.page,
      pageSize: input.pageSize,
      total,
    },
  };
};
