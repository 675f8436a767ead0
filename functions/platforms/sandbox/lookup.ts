import type { AccountCredentials, FoundPost, PublishedPostLookup, PublishedPostQuery } from '../connector';
import { authenticatedAccount } from './publish';
import { sandboxPostUrl, type SandboxRuntime } from './runtime';
import {
  sandboxFollowUps,
  sandboxPostIdFor,
  sandboxPostsByIds,
  sandboxPostsWithText,
  type SandboxPostRecord,
} from './store';

/**
 * Looks for a post an interrupted publish may have stored: by the idempotency marker (the
 * post's id derives from it), else by its exact text within the window (posts stored before
 * markers existed). The Sandbox is Plume's own database, read after the claim's lease ran
 * out, so an empty answer is authoritative: publishing again cannot double the post.
 */
export async function findSandboxPost(
  runtime: SandboxRuntime,
  credentials: AccountCredentials,
  query: PublishedPostQuery,
): Promise<PublishedPostLookup> {
  const account = await authenticatedAccount(runtime, credentials);
  const db = await runtime.database();
  const base = await runtime.publicUrl();
  const found = async (post: SandboxPostRecord, matchedBy: FoundPost['matchedBy']): Promise<FoundPost> => ({
    platformPostId: post.id,
    url: sandboxPostUrl(base, post.id),
    publishedAt: post.publishedAt,
    followUpIds: (await sandboxFollowUps(db, [post.id])).map((followUp) => followUp.id),
    matchedBy,
  });
  const searched = `@${account.handle}'s Sandbox posts (by Plume's marker, then by text since ${query.since.toISOString()})`;
  const [byMarker] = (
    await sandboxPostsByIds(db, [sandboxPostIdFor(account.handle, query.idempotencyKey)])
  ).filter((post) => post.handle === account.handle);
  if (byMarker) return { matches: [await found(byMarker, 'marker')], authoritative: true, searched };
  const byText = await sandboxPostsWithText(db, account.handle, query.text, query);
  return {
    matches: await Promise.all(byText.map((post) => found(post, 'content'))),
    authoritative: true,
    searched,
  };
}
