import * as z from 'zod';
import { PlatformError, type AccountCredentials, type PostDraft, type PublishedPost } from '../connector';
import { postThreadReplies } from '../thread-replies';
import { readBody, twitterCall, type TwitterRuntime } from './client';
import { uploadTwitterMedia } from './media-upload';
import { readTwitterOptions } from '../../shared/platforms/twitter/options';

const created = z.object({ data: z.object({ id: z.string().min(1) }) });

/**
 * `POST /2/tweets` (https://docs.x.com/x-api/posts/create-post). X has no idempotency key,
 * so a timeout here is `unknown_outcome`; the rate-limit headers of every answer feed `quota()`.
 */
async function createTweet(
  runtime: TwitterRuntime,
  credentials: AccountCredentials,
  body: Record<string, unknown>,
  action: string,
): Promise<string> {
  try {
    const response = await twitterCall(runtime, {
      method: 'POST',
      path: '/2/tweets',
      accessToken: credentials.accessToken,
      body,
      creates: true,
      action,
    });
    runtime.quotas.observe(credentials.accountId, response.headers);
    return readBody(created, response, action, { creates: true }).data.id;
  } catch (error) {
    if (error instanceof PlatformError && error.kind === 'rate_limited') {
      runtime.context.logger.info('X posting limit reached', {
        accountId: credentials.accountId,
        ...error.details,
      });
    }
    throw error;
  }
}

function postUrl(credentials: AccountCredentials, id: string): string {
  return credentials.handle
    ? `https://x.com/${credentials.handle}/status/${id}`
    : `https://x.com/i/web/status/${id}`;
}

export async function publishToTwitter(
  runtime: TwitterRuntime,
  credentials: AccountCredentials,
  draft: PostDraft,
): Promise<PublishedPost> {
  const mediaIds: string[] = [];
  for (const item of draft.media)
    mediaIds.push(await uploadTwitterMedia(runtime, credentials.accessToken, item));

  const { options } = readTwitterOptions(draft.options);
  const settings: Record<string, unknown> = options.replySettings
    ? { reply_settings: options.replySettings }
    : {};
  const body: Record<string, unknown> = { ...settings };
  // Text is optional when media is attached; an empty string would be rejected.
  if (draft.text.trim() !== '') body.text = draft.text;
  if (mediaIds.length > 0) body.media = { media_ids: mediaIds };
  const mainId = await createTweet(runtime, credentials, body, 'publish the post');

  // The main post is live and X has no idempotency key: failing now would invite a duplicate
  // on retry (which X rejects as duplicate content anyway). A failed reply is reported instead.
  const replies = await postThreadReplies({
    first: mainId,
    replies: draft.thread ?? [],
    postReply: (text, _index, previousId) =>
      createTweet(
        runtime,
        credentials,
        { text, reply: { in_reply_to_tweet_id: previousId }, ...settings },
        'publish the thread reply',
      ),
    idOf: (id) => id,
    logger: runtime.context.logger,
    failureLog: 'X thread reply failed after the main post was published',
  });
  return { platformPostId: mainId, url: postUrl(credentials, mainId), ...replies };
}
