import { PlatformError, type PublishedPost } from '../connector';
import { tiktokCall, type TikTokSettings } from './api';
import { failReasonError } from './errors';

export type PublishStatus =
  'PROCESSING_UPLOAD' | 'PROCESSING_DOWNLOAD' | 'SEND_TO_USER_INBOX' | 'PUBLISH_COMPLETE' | 'FAILED';

/** `status/fetch` data. Post ids are int64 and arrive as strings (see json.ts). */
export interface PublishStatusData {
  status?: PublishStatus;
  fail_reason?: string;
  /** Sic: TikTok's field name. Empty for private posts and until moderation ends. */
  publicaly_available_post_id?: (string | number)[];
  uploaded_bytes?: number;
  downloaded_bytes?: number;
}

/**
 * https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status
 * (30 requests a minute per token).
 */
export function fetchPublishStatus(
  settings: TikTokSettings,
  accessToken: string,
  publishId: string,
): Promise<PublishStatusData> {
  return tiktokCall<PublishStatusData>(settings, 'reading the post status', {
    method: 'POST',
    url: `${settings.apiBase}/v2/post/publish/status/fetch/`,
    accessToken,
    json: { publish_id: publishId },
  });
}

export function postIdOf(status: PublishStatusData): string | undefined {
  const id = status.publicaly_available_post_id?.[0];
  return id === undefined || id === null ? undefined : String(id);
}

export function videoUrl(handle: string | undefined, postId: string): string | undefined {
  return handle ? `https://www.tiktok.com/@${handle}/video/${postId}` : undefined;
}

/**
 * Polls until TikTok has published (or refused) the post. Called after the point of no return,
 * so nothing here may make the publisher retry blindly: read errors are retried within the
 * budget, and a post whose fate is still unknown at the end is `unknown_outcome` (the message
 * keeps the publish_id so it can be reconciled with `fetchPublishStatus`).
 */
export async function waitForPublish(
  settings: TikTokSettings,
  accessToken: string,
  publishId: string,
  handle: string | undefined,
): Promise<PublishedPost> {
  let lastProblem = 'still processing';
  for (let attempt = 0; attempt < settings.statusPollAttempts; attempt += 1) {
    if (attempt > 0) await settings.sleep(settings.statusPollIntervalMs);
    let status: PublishStatusData;
    try {
      status = await fetchPublishStatus(settings, accessToken, publishId);
    } catch (error) {
      const kind = error instanceof PlatformError ? error.kind : 'transient';
      lastProblem = `its status could not be read: ${(error as Error).message}`;
      if (kind === 'transient' || kind === 'rate_limited') continue;
      break;
    }
    if (status.status === 'PUBLISH_COMPLETE') {
      const postId = postIdOf(status);
      // Without an id yet (private post, or still in moderation) the publish_id stands in;
      // fetchMetrics resolves it to the video id later.
      return postId
        ? { platformPostId: postId, url: videoUrl(handle, postId) }
        : { platformPostId: publishId };
    }
    if (status.status === 'SEND_TO_USER_INBOX') {
      return {
        platformPostId: publishId,
        warnings: [
          'TikTok put the post in the creator’s inbox; it goes live once they finish it in the TikTok app.',
        ],
      };
    }
    if (status.status === 'FAILED') throw failReasonError(status.fail_reason, publishId);
    lastProblem = 'still processing';
  }
  throw new PlatformError(
    'unknown_outcome',
    `TikTok received the post (publish_id ${publishId}) but ${lastProblem}; it may still go live`,
  );
}
