import type { MediaUse } from '../../../core/media/media-usage';
import { mediaKind, networksAccepting } from '../../../shared/media-limits';
import type { MediaStore } from '../../../core/ports';
import type { media } from '../../../db/schema';

export type MediaRow = typeof media.$inferSelect;

/** Download links last an hour: long enough for a library page, short enough to leak little. */
export const DOWNLOAD_LINK_SECONDS = 3600;

const EXCERPT_LENGTH = 120;

/** The API shape of a media row, with short-lived links to the original and its variants. */
export async function presentMedia(row: MediaRow, usage: MediaUse[], store: MediaStore) {
  const uploaded = row.status !== 'pending' && row.status !== 'failed';
  const variants = Object.fromEntries(
    await Promise.all(
      Object.entries(row.variants).map(async ([name, variant]) => [
        name,
        {
          mimeType: variant.mimeType,
          sizeBytes: variant.sizeBytes,
          ...(variant.width !== undefined ? { width: variant.width } : {}),
          ...(variant.height !== undefined ? { height: variant.height } : {}),
          url: await store.getDownloadUrl(variant.s3Key, DOWNLOAD_LINK_SECONDS),
        },
      ]),
    ),
  );
  return {
    id: row.id,
    fileName: row.fileName,
    mimeType: row.mimeType,
    kind: mediaKind(row.mimeType),
    sizeBytes: row.sizeBytes,
    width: row.width,
    height: row.height,
    durationMs: row.durationMs,
    altText: row.altText,
    status: row.status,
    url: uploaded ? await store.getDownloadUrl(row.s3Key, DOWNLOAD_LINK_SECONDS) : null,
    variants,
    // Only a file whose content was checked is offered to networks: a pending or refused row's
    // type is the browser's claim, which says nothing about what the bytes are.
    networks: uploaded ? networksAccepting(row.mimeType, row.sizeBytes) : [],
    usage: usage.map((use) => ({
      postId: use.postId,
      title: use.title,
      excerpt: use.content.slice(0, EXCERPT_LENGTH),
      status: use.status,
      scheduledAt: use.scheduledAt?.toISOString() ?? null,
    })),
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
