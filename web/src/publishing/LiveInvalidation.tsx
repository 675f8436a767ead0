import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useServices } from '../app/services';
import { NOTIFICATIONS_KEY } from '../pages/notifications/query-keys';
import { MEDIA_KEY, POSTS_KEY, SOCIAL_ACCOUNTS_KEY } from './query-keys';

/**
 * Which cached answers each server push makes stale. The pages never poll: a push refetches
 * what is on screen (TanStack Query refetches active queries only; the rest on next view).
 */
export const LIVE_INVALIDATIONS: Record<string, readonly QueryKey[]> = {
  // The publisher moved a target (published, failed, retrying, missed...); the move and the
  // author's notification are written in one transaction, so the bell is stale too.
  'post-target.updated': [POSTS_KEY, NOTIFICATIONS_KEY],
  // A person created, edited, scheduled or deleted a post, maybe in another tab or browser.
  'post.changed': [POSTS_KEY],
  // An account's health changed (needs_reauth): its posts now say why they wait.
  'social-account.updated': [SOCIAL_ACCOUNTS_KEY, POSTS_KEY, NOTIFICATIONS_KEY],
  'social-account.synced': [SOCIAL_ACCOUNTS_KEY],
  'media.ready': [MEDIA_KEY],
  'media.optimized': [MEDIA_KEY],
  'media.deleted': [MEDIA_KEY, POSTS_KEY],
  'media.optimize_failed': [MEDIA_KEY],
};

/**
 * Mounted once in the signed-in frame: keeps every publishing page live without reloads. One
 * subscription per message type of the table above, so adding a row is all a new push needs.
 */
export function LiveInvalidation() {
  const { realtime } = useServices();
  const queryClient = useQueryClient();
  useEffect(() => {
    const unsubscribes = Object.entries(LIVE_INVALIDATIONS).map(([type, keys]) =>
      realtime.onMessage(type, () => {
        for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
      }),
    );
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }, [realtime, queryClient]);
  return null;
}
