import type { RatedPost } from '../content/past-performance';
import { MAX_BEST_POSTS, type MemoryDeps, type MemoryItem } from './memory-types';
import { rememberExactly, type RememberResult } from './remember';

/** Lift rounded as stored: finer changes are noise and would rewrite rows for nothing. */
const roundLift = (lift: number) => Math.round(lift * 10) / 10;

/**
 * The best-post memories the organization's history calls for: its `limit` posts that did best
 * against their own account's usual (one per text: the same post on three networks is one
 * example), each keyed by its published copy.
 */
export function bestPostItems(rated: readonly RatedPost[], limit = MAX_BEST_POSTS): MemoryItem[] {
  const seen = new Set<string>();
  return [...rated]
    .filter((post) => post.outcome.text.trim().length > 0)
    .sort((a, b) => b.lift - a.lift || a.outcome.targetId.localeCompare(b.outcome.targetId))
    .filter((post) => {
      const key = post.outcome.text.trim();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit)
    .map((post) => ({
      sourceKey: `post:${post.outcome.targetId}`,
      text: post.outcome.text.trim(),
      metadata: {
        targetId: post.outcome.targetId,
        postId: post.outcome.postId,
        platform: post.outcome.platform,
        publishedAt: post.outcome.publishedAt.toISOString(),
        lift: roundLift(post.lift),
      },
      // A post at three times its account's usual, or better, is as important as it gets.
      importance: Math.round(Math.min(1, post.lift / 3) * 100) / 100,
    }));
}

/**
 * Rebuilds the best-post memories from the rated history. Called by the content tasks each
 * time they run (they load the history anyway): a post that entered the best is embedded,
 * one that left is forgotten, the rest only have their figures updated, so a run where the
 * best did not change embeds nothing; a new embedding model re-embeds them all once.
 */
export function refreshBestPosts(deps: MemoryDeps, rated: readonly RatedPost[]): Promise<RememberResult> {
  return rememberExactly(deps, 'best_post', bestPostItems(rated));
}
