import { PlatformError } from './connector';
import { missingPermission, type MentionReading, type MentionsReadOptions } from './mentions-reader';

/**
 * Comments read per post (Facebook Page posts, Instagram media): the networks offer no feed of
 * "what was said to me", so the account's recent published posts are read one by one. The
 * cursor is `<ISO instant>|<comment id>` of the newest comment returned; every post's comments
 * after it are gathered, and the oldest `max` returned, so a bound never leaves a hole.
 */
export interface PostComments {
  /** The post's comments; those at or before the cursor are dropped here. */
  comments: MentionReading[];
  /** False when the post had more comments than the reader pages through in one read. */
  complete: boolean;
}

function parseCursor(cursor: string | null): { at: number; id: string } | undefined {
  const bar = cursor?.lastIndexOf('|') ?? -1;
  if (!cursor || bar < 0) return undefined;
  const at = Date.parse(cursor.slice(0, bar));
  return Number.isNaN(at) ? undefined : { at, id: cursor.slice(bar + 1) };
}

const order = (a: { at: number; id: string }, b: { at: number; id: string }) =>
  a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Meta's `2024-01-01T10:00:00+0000` as an instant (the offset without a colon is not ISO 8601). */
export function metaTime(value: string): Date {
  return new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

/**
 * A Graph refusal for want of a permission (code 10, or 200-299) means listening needs a new
 * grant, not that the account is broken: a permanent error naming what to grant. A post that
 * no longer exists (code 100) is skipped by the caller.
 */
export function graphPermissionError(
  error: unknown,
  network: string,
  permissions: readonly string[],
): unknown {
  if (!(error instanceof PlatformError)) return error;
  const code = Number(error.details.platformCode);
  if (code === 10 || (code >= 200 && code <= 299))
    return missingPermission(network, permissions, error.message);
  return error;
}

export async function commentsOnOwnPosts(
  options: MentionsReadOptions,
  readPost: (postId: string, after: number) => Promise<PostComments>,
): Promise<{ mentions: MentionReading[]; cursor: string | null; more: boolean; gap: boolean }> {
  const after = parseCursor(options.cursor) ?? { at: options.since.getTime() - 1, id: '' };
  const fresh: MentionReading[] = [];
  let gap = false;
  for (const postId of options.ownPostIds) {
    let read: PostComments;
    try {
      read = await readPost(postId, after.at);
    } catch (error) {
      // A post deleted on the network since it was published: nothing more will be said on it.
      if (error instanceof PlatformError && error.kind === 'permanent' && error.details.platformCode === '33')
        continue;
      throw error;
    }
    gap ||= !read.complete;
    fresh.push(
      ...read.comments.filter((c) => order({ at: c.mentionedAt.getTime(), id: c.externalId }, after) > 0),
    );
  }
  const key = (m: MentionReading) => ({ at: m.mentionedAt.getTime(), id: m.externalId });
  fresh.sort((a, b) => order(key(a), key(b)));
  const batch = fresh.slice(0, options.max);
  const newest = batch.at(-1);
  return {
    mentions: batch,
    cursor: newest ? `${newest.mentionedAt.toISOString()}|${newest.externalId}` : options.cursor,
    more: fresh.length > options.max,
    gap,
  };
}
