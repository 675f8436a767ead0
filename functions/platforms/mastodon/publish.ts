import { createHash } from 'node:crypto';
import * as z from 'zod';
import {
  PlatformError,
  type AccountCredentials,
  type MediaItem,
  type PostDraft,
  type PublishedPost,
} from '../connector';
import { postThreadReplies } from '../thread-replies';
import { accountInstance, mastodonCall, readBody, type MastodonRuntime } from './client';
import { fetchMediaFile, uploadFileName } from './media-source';
import { readMastodonOptions, statusParameters } from '../../shared/platforms/mastodon/options';

const mediaAttachment = z.object({ id: z.string().min(1), url: z.string().nullable().optional() });
const status = z.object({ id: z.string().min(1), url: z.string().nullable().optional() });

/** Delay before each media-processing poll: quick at first, then every 5 s. */
const POLL_DELAYS_MS = [1000, 2000, 3000, 5000];

/**
 * Uploads one attachment with `POST /api/v2/media` and waits until the server has processed
 * it: 200 means ready, 202 means `GET /api/v1/media/:id` answers 206 until it is
 * (https://docs.joinmastodon.org/methods/media/#v2). Posting before that fails with 422.
 */
async function uploadMedia(
  runtime: MastodonRuntime,
  instance: string,
  accessToken: string,
  item: MediaItem,
): Promise<string> {
  const file = await fetchMediaFile(runtime.context, item);
  const form = new FormData();
  form.append('file', file, uploadFileName(item));
  if (item.altText) form.append('description', item.altText);
  const action = `upload attachment ${item.id}`;
  const uploaded = await mastodonCall(runtime, {
    method: 'POST',
    instance,
    path: '/api/v2/media',
    accessToken,
    body: form,
    action,
  });
  const attachment = readBody(mediaAttachment, uploaded, action);
  if (uploaded.status === 200 && attachment.url) return attachment.id;

  let waited = 0;
  for (let attempt = 0; ; attempt += 1) {
    const delay = POLL_DELAYS_MS[Math.min(attempt, POLL_DELAYS_MS.length - 1)] ?? 5000;
    if (waited + delay > runtime.mediaProcessingTimeoutMs) {
      throw new PlatformError(
        'transient',
        `Mastodon is still processing attachment ${item.id}; try again later`,
      );
    }
    await runtime.sleep(delay);
    waited += delay;
    const polled = await mastodonCall(runtime, {
      method: 'GET',
      instance,
      path: `/api/v1/media/${encodeURIComponent(attachment.id)}`,
      accessToken,
      action: `check attachment ${item.id}`,
    });
    if (polled.status === 206) continue;
    const current = readBody(mediaAttachment, polled, `check attachment ${item.id}`);
    if (current.url) return current.id;
  }
}

/**
 * A stable key per (account, position, content): Mastodon keeps it for an hour and answers a
 * repeated request with the status it already created, so a retried publish cannot post
 * twice (https://docs.joinmastodon.org/methods/statuses/#create).
 */
function idempotencyKey(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

async function postStatus(
  runtime: MastodonRuntime,
  instance: string,
  credentials: AccountCredentials,
  input: {
    text: string;
    mediaIds: string[];
    inReplyToId?: string;
    key: string;
    parameters: Record<string, unknown>;
  },
): Promise<z.infer<typeof status>> {
  const body: Record<string, unknown> = { status: input.text, ...input.parameters };
  if (input.mediaIds.length > 0) body.media_ids = input.mediaIds;
  if (input.inReplyToId) body.in_reply_to_id = input.inReplyToId;
  const action = input.inReplyToId ? 'publish the thread reply' : 'publish the post';
  const response = await mastodonCall(runtime, {
    method: 'POST',
    instance,
    path: '/api/v1/statuses',
    accessToken: credentials.accessToken,
    headers: { 'idempotency-key': input.key },
    body,
    creates: true,
    action,
  });
  return readBody(status, response, action, { creates: true });
}

export async function publishToMastodon(
  runtime: MastodonRuntime,
  credentials: AccountCredentials,
  draft: PostDraft,
): Promise<PublishedPost> {
  const instance = accountInstance(runtime, credentials);
  // Invalid options were reported by validate(); only the valid ones are sent.
  const parameters = statusParameters(readMastodonOptions(draft.options).options);
  const mediaIds: string[] = [];
  for (const item of draft.media) {
    mediaIds.push(await uploadMedia(runtime, instance, credentials.accessToken, item));
  }
  const mediaKeys = draft.media.map((item) => item.id);
  const main = await postStatus(runtime, instance, credentials, {
    text: draft.text,
    mediaIds,
    key: idempotencyKey([credentials.accountId, 0, draft.text, mediaKeys, parameters]),
    parameters,
  });

  // The main post is live: failing the whole target now would invite a duplicate. A failed
  // reply is reported instead (PublishedPost.warnings) for the user to see.
  const replies = await postThreadReplies({
    first: main.id,
    replies: draft.thread ?? [],
    postReply: async (reply, index, previousId) =>
      (
        await postStatus(runtime, instance, credentials, {
          text: reply,
          mediaIds: [],
          inReplyToId: previousId,
          key: idempotencyKey([credentials.accountId, index + 1, reply, previousId, parameters]),
          parameters,
        })
      ).id,
    idOf: (id) => id,
    logger: runtime.context.logger,
    failureLog: 'Mastodon thread reply failed after the main post was published',
  });
  return { platformPostId: main.id, url: main.url ?? undefined, ...replies };
}
