import {
  PlatformError,
  type AccountCredentials,
  type MediaItem,
  type PostDraft,
  type PublishedPost,
} from '../connector';
import {
  ContainerPublisher,
  type ContainerApi,
  type ContainerPublishDeps,
} from '../meta-graph/container-publisher';
import { describeError } from '../meta-graph/created-object';
import type { GraphParams } from '../meta-graph/graph-request';
import { THREADS_MAX_CAROUSEL_ITEMS } from '../../shared/platforms/threads/limits';

/** `error_message` values after which a fresh container may well work. */
const TRANSIENT_FAILURES = new Set(['FAILED_DOWNLOADING_VIDEO', 'UNKNOWN']);

const THREADS_CONTAINERS: ContainerApi = {
  platform: 'threads',
  createEdge: 'threads',
  publishEdge: 'threads_publish',
  // https://developers.facebook.com/documentation/threads/troubleshooting (status, error_message)
  statusFields: { state: 'status', detail: 'error_message' },
  failureKind: (detail) => (detail && TRANSIENT_FAILURES.has(detail) ? 'transient' : 'permanent'),
  failureMessage: (detail) => `Threads could not process the media${detail ? ` (${detail})` : ''}`,
};

export type ThreadsPublishDeps = ContainerPublishDeps;

function mediaParams(media: MediaItem): GraphParams {
  const params: GraphParams =
    media.kind === 'video'
      ? { media_type: 'VIDEO', video_url: media.url }
      : { media_type: 'IMAGE', image_url: media.url };
  if (media.altText) params.alt_text = media.altText;
  return params;
}

/** The root post: text, one image or video, or a carousel (children first, then the parent). */
async function publishRoot(publisher: ContainerPublisher, draft: PostDraft): Promise<string> {
  const text = draft.text || undefined;
  if (draft.media.length > THREADS_MAX_CAROUSEL_ITEMS) {
    throw new PlatformError(
      'permanent',
      `A Threads carousel holds up to ${THREADS_MAX_CAROUSEL_ITEMS} items.`,
    );
  }
  if (draft.media.length === 0)
    return publisher.publish(await publisher.create({ media_type: 'TEXT', text }));
  if (draft.media.length === 1)
    return publisher.publish(await publisher.create({ ...mediaParams(draft.media[0]!), text }));
  const items = draft.media.map((media) => ({ ...mediaParams(media), is_carousel_item: true }));
  return publisher.publish(await publisher.createCarousel(items, { text }));
}

/** https://developers.facebook.com/documentation/threads/reply-management: a text reply. */
async function publishReply(publisher: ContainerPublisher, text: string, replyToId: string): Promise<string> {
  return publisher.publish(await publisher.create({ media_type: 'TEXT', text, reply_to_id: replyToId }));
}

/**
 * Root post, then each thread reply under the previous one, then the first comment under the
 * root. Once the root is live nothing may fail the publish (a retry would post it again):
 * the first failed follow-up stops the rest and is reported in `warnings`.
 */
export async function publishToThreads(
  deps: ThreadsPublishDeps,
  credentials: AccountCredentials,
  draft: PostDraft,
): Promise<PublishedPost> {
  const publisher = new ContainerPublisher(deps, THREADS_CONTAINERS, credentials);
  const rootId = await publishRoot(publisher, draft);
  const followUps: { text: string; replyTo: 'previous' | 'root'; label: string }[] = [
    ...(draft.thread ?? [])
      .filter((reply) => reply.trim())
      .map((text, index) => ({ text, replyTo: 'previous' as const, label: `reply ${index + 2}` })),
    ...(draft.firstComment?.trim()
      ? [{ text: draft.firstComment, replyTo: 'root' as const, label: 'first comment' }]
      : []),
  ];
  const followUpIds: string[] = [];
  const warnings: string[] = [];
  let previous = rootId;
  for (const [index, followUp] of followUps.entries()) {
    try {
      previous = await publishReply(
        publisher,
        followUp.text,
        followUp.replyTo === 'root' ? rootId : previous,
      );
      followUpIds.push(previous);
    } catch (error) {
      const skipped = followUps.slice(index).map((item) => item.label);
      deps.context.logger.warn('threads: follow-up failed after the post was published', {
        rootId,
        error: describeError(error),
      });
      warnings.push(`Not posted: ${skipped.join(', ')} (${describeError(error)})`);
      break;
    }
  }
  const result: PublishedPost = {
    platformPostId: rootId,
    url: await publisher.permalink(rootId, { id: rootId }),
  };
  if (followUps.length > 0) result.followUpIds = followUpIds;
  if (warnings.length > 0) result.warnings = warnings;
  return result;
}
