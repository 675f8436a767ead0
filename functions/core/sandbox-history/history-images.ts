import type { MediaStore } from '../ports';
import { judgeStoredUpload } from '../media/judge-upload';
import { extensionFor, originalKey } from '../media/media-keys';
import type { media, SandboxMediaRecord } from '../../db/schema';
import type { Topic } from '../../platforms/sandbox/history/corpus';
import { TOPIC_IMAGES, topicImagePng } from '../../platforms/sandbox/history/images';
import { uuidFor } from '../../platforms/sandbox/history/random';

/**
 * How long the link handed to the network lasts: the publisher's (core/publishing/
 * publish-target.ts hands each file over as a six-hour download link, which the Sandbox keeps).
 */
const HANDED_OVER_LINK_SECONDS = 6 * 60 * 60;

export interface HistoryImage {
  /** The media row, ready, as an upload confirmed by `completeMediaUpload` leaves it. */
  row: typeof media.$inferInsert & { id: string };
  /** What the Sandbox stored on each post that carries it. */
  handedOver: SandboxMediaRecord;
}

/**
 * Uploads the topic cards the history's posts carry (images.ts) as a person's uploads end up:
 * the object stored under the organization's media key, then judged from its stored bytes by
 * the upload check (`judgeStoredUpload`: sniffed, decoded, measured), and a `ready` media row
 * with what the check read. Objects are stored before the history's transaction (storage is not
 * transactional); a history that then fails leaves six small orphans under the organization's
 * prefix, which an erasure of the organization removes with the rest. Ids are named by the
 * organization, seed and topic, so the same seed makes the same rows.
 */
export async function uploadHistoryImages(
  store: MediaStore,
  options: { organizationId: string; userId: string; seed: string; uploadedAt: Date },
  topics: readonly Topic[],
): Promise<Map<Topic, HistoryImage>> {
  const images = new Map<Topic, HistoryImage>();
  for (const topic of topics) {
    const bytes = topicImagePng(topic);
    const id = uuidFor(`media:${options.organizationId}:${options.seed}:${topic}`);
    const key = originalKey(options.organizationId, id, extensionFor('image/png'));
    await store.put(key, bytes, 'image/png');
    const judgement = await judgeStoredUpload(store, {
      s3Key: key,
      mimeType: 'image/png',
      sizeBytes: bytes.length,
    });
    if (judgement.verdict !== 'accepted')
      throw new Error(`The ${topic} card was not accepted as an upload: ${JSON.stringify(judgement)}`);
    const { content } = judgement;
    const { altText } = TOPIC_IMAGES[topic];
    images.set(topic, {
      row: {
        id,
        organizationId: options.organizationId,
        uploadedBy: options.userId,
        s3Key: key,
        fileName: `${topic}.png`,
        mimeType: content.mimeType,
        sizeBytes: bytes.length,
        width: content.width ?? null,
        height: content.height ?? null,
        altText,
        status: 'ready',
        createdAt: options.uploadedAt,
        updatedAt: options.uploadedAt,
      },
      handedOver: {
        kind: 'image',
        url: await store.getDownloadUrl(key, HANDED_OVER_LINK_SECONDS),
        mimeType: content.mimeType,
        altText,
      },
    });
  }
  return images;
}
