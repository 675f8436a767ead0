import type { Logger } from '../core/ports';
import { PlatformError } from './connector';

/** One thread's replies, to post one under the other once the first post is live. */
export interface ThreadReplies<Post> {
  /** The live first post; the first reply goes under it. */
  first: Post;
  replies: readonly string[];
  /** Posts one reply under `parent`; `index` counts the replies from 0. */
  postReply(text: string, index: number, parent: Post): Promise<Post>;
  /** The id the network gave a post, as `PublishedPost.followUpIds` lists it. */
  idOf(post: Post): string;
  logger: Logger;
  /** The log line of a failed reply ("X thread reply failed after the main post was published"). */
  failureLog: string;
  /** The warning for the user; "Reply 2 of the thread was not posted (nor the 1 after it): ..." unless told. */
  warning?: (failure: ThreadReplyFailure) => string;
}

export interface ThreadReplyFailure {
  /** Which reply failed, from 0. */
  index: number;
  /** It and the replies after it, none of which was posted. */
  remaining: number;
  error: PlatformError;
}

export interface PostedReplies {
  followUpIds: string[];
  /** Present when a reply failed: the first failure stops the thread. */
  warnings?: string[];
}

function notPosted({ index, remaining, error }: ThreadReplyFailure): string {
  return `Reply ${index + 1} of the thread was not posted${remaining > 1 ? ` (nor the ${remaining - 1} after it)` : ''}: ${error.message}`;
}

/**
 * Posts a thread's replies in order, each under the one before. The first post is live, so a
 * failed reply must not fail the publish (a retry would post the first one again): the first
 * failure stops the thread, is logged and becomes a warning the user sees. Errors other than
 * a network's `PlatformError` are bugs and are thrown.
 */
export async function postThreadReplies<Post>(thread: ThreadReplies<Post>): Promise<PostedReplies> {
  const followUpIds: string[] = [];
  let parent = thread.first;
  for (const [index, text] of thread.replies.entries()) {
    try {
      parent = await thread.postReply(text, index, parent);
      followUpIds.push(thread.idOf(parent));
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      thread.logger.warn(thread.failureLog, {
        platformPostId: thread.idOf(thread.first),
        replyIndex: index,
        kind: error.kind,
        message: error.message,
      });
      const failure = { index, remaining: thread.replies.length - index, error };
      return { followUpIds, warnings: [(thread.warning ?? notPosted)(failure)] };
    }
  }
  return { followUpIds };
}
