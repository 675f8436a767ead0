import type { NormalisedPost } from './normalise';

/**
 * When an account's history can back a claim about its slots: at least 15 measured posts, and
 * at least two slots with three posts or more (with one slot only, nothing compares slots; the
 * ranking would be the network prior's). Below that the agent says so instead of advising.
 */
export const SUPPORT = { minPosts: 15, minSlots: 2, minPostsPerSlot: 3 } as const;

export function unsupportedReason(posts: readonly NormalisedPost[]): string | null {
  if (posts.length < SUPPORT.minPosts)
    return `Only ${posts.length} measured post${posts.length === 1 ? '' : 's'} at least a few days old; at least ${SUPPORT.minPosts} are needed to compare hours.`;
  const counts = new Map<number, number>();
  for (const p of posts) counts.set(p.slot, (counts.get(p.slot) ?? 0) + 1);
  const repeated = [...counts.values()].filter((c) => c >= SUPPORT.minPostsPerSlot).length;
  if (repeated < SUPPORT.minSlots)
    return `Posts fall in ${repeated === 0 ? 'no' : 'only one'} weekday-and-hour slot with ${SUPPORT.minPostsPerSlot} posts or more; at least ${SUPPORT.minSlots} such slots are needed to compare hours.`;
  return null;
}
