import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { media, postPlatforms, posts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';

/**
 * True when a post uses the media row `mediaId`: in the post's own media or in any target's
 * override. Media ids are stored as JSON strings in `media_ids` arrays.
 */
function postUsesMedia(mediaId: SQL | typeof media.id): SQL {
  const asJson = sql`jsonb_build_array(${mediaId}::text)`;
  return sql`(${posts.mediaIds} @> ${asJson} or exists (select 1 from ${postPlatforms} where ${postPlatforms.postId} = ${posts.id} and ${postPlatforms.mediaIds} @> ${asJson}))`;
}

/** For the library's `usage=used|unused` filter: is this media row used by any live post? */
export function mediaIsUsed(): SQL {
  return sql`exists (select 1 from ${posts} where ${posts.organizationId} = ${media.organizationId} and ${posts.deletedAt} is null and ${postUsesMedia(media.id)})`;
}

export interface MediaUse {
  mediaId: string;
  postId: string;
  title: string | null;
  content: string;
  status: string;
  scheduledAt: Date | null;
}

/** The live posts that use each of these media rows, newest schedule first. */
export async function findMediaUsage(
  tx: Transaction,
  organizationId: string,
  mediaIds: string[],
): Promise<Map<string, MediaUse[]>> {
  const byMedia = new Map<string, MediaUse[]>();
  if (mediaIds.length === 0) return byMedia;
  const rows = await tx
    .select({
      mediaId: media.id,
      postId: posts.id,
      title: posts.title,
      content: posts.content,
      status: posts.status,
      scheduledAt: posts.scheduledAt,
    })
    .from(media)
    .innerJoin(
      posts,
      and(eq(posts.organizationId, media.organizationId), isNull(posts.deletedAt), postUsesMedia(media.id)),
    )
    .where(and(eq(media.organizationId, organizationId), inArray(media.id, mediaIds)))
    .orderBy(sql`${posts.scheduledAt} desc nulls last`, posts.id);
  for (const row of rows) byMedia.set(row.mediaId, [...(byMedia.get(row.mediaId) ?? []), row]);
  return byMedia;
}

/**
 * Targets waiting to go out (or going out now) whose media, their own or the post's, include
 * this row. Deleting the file under them would make them fail at publish time.
 */
export async function countPendingTargetsUsing(
  tx: Transaction,
  organizationId: string,
  mediaId: string,
): Promise<number> {
  const asJson = sql`jsonb_build_array(${mediaId}::text)`;
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(postPlatforms)
    .innerJoin(posts, eq(posts.id, postPlatforms.postId))
    .where(
      and(
        eq(postPlatforms.organizationId, organizationId),
        isNull(posts.deletedAt),
        inArray(postPlatforms.status, ['scheduled', 'publishing']),
        sql`coalesce(${postPlatforms.mediaIds}, ${posts.mediaIds}) @> ${asJson}`,
      ),
    );
  return row?.count ?? 0;
}
