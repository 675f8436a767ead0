import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { postPlatforms, posts } from '../../db/schema';
import { media } from '../../db/schema';
import type { MediaItem, PostDraft } from '../../platforms/connector';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;
export type PostRow = typeof posts.$inferSelect;
export type TargetRow = typeof postPlatforms.$inferSelect;
type MediaRow = typeof media.$inferSelect;

/** The media ids a target publishes: its own variant, else the post's. */
export const targetMediaIds = (post: PostRow, target: TargetRow): string[] =>
  target.mediaIds ?? post.mediaIds;

export function mediaKind(mimeType: string): MediaItem['kind'] {
  if (mimeType === 'image/gif') return 'gif';
  return mimeType.startsWith('video/') ? 'video' : 'image';
}

/**
 * Media rows of the organization by id. Deleted ones are left out, so validation flags them,
 * and so are uploads whose content was never accepted (`pending`, `failed`): their type is
 * only the browser's claim, so nothing may publish them as an image or a video.
 */
export async function loadMedia(
  tx: Tx,
  organizationId: string,
  ids: readonly string[],
): Promise<Map<string, MediaRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(media)
    .where(
      and(
        eq(media.organizationId, organizationId),
        inArray(media.id, [...new Set(ids)]),
        isNull(media.deletedAt),
        inArray(media.status, ['ready', 'processing']),
      ),
    );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * What one target sends: the per-target variants over the post's defaults. `urlOf` gives
 * the address the platform fetches each file from (a presigned URL when publishing; any
 * placeholder for validation, which never fetches).
 */
export async function buildDraft(
  post: PostRow,
  target: TargetRow,
  mediaById: Map<string, MediaRow>,
  urlOf: (row: MediaRow) => Promise<string>,
): Promise<PostDraft> {
  const items: MediaItem[] = [];
  for (const id of targetMediaIds(post, target)) {
    const row = mediaById.get(id);
    if (!row) continue;
    items.push({
      id: row.id,
      kind: mediaKind(row.mimeType),
      mimeType: row.mimeType,
      bytes: row.sizeBytes,
      width: row.width ?? undefined,
      height: row.height ?? undefined,
      durationSeconds: row.durationMs === null ? undefined : row.durationMs / 1000,
      altText: row.altText ?? undefined,
      url: await urlOf(row),
    });
  }
  const thread = target.thread ?? post.thread ?? undefined;
  return {
    text: target.content ?? post.content,
    media: items,
    ...(thread && thread.length > 0 ? { thread } : {}),
    ...(target.firstComment ? { firstComment: target.firstComment } : {}),
    ...(target.options ? { options: target.options } : {}),
    idempotencyKey: target.id,
  };
}
