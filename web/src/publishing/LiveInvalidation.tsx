import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { NOTIFICATIONS_KEY } from '../pages/notifications/query-keys';
import { useRealtimeMessage } from '../realtime/use-realtime';
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

function useInvalidateOn(type: string, keys: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  useRealtimeMessage(type, () => {
    for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  });
}

/** Mounted once in the signed-in frame: keeps every publishing page live without reloads. */
export function LiveInvalidation() {
  useInvalidateOn('post-target.updated', LIVE_INVALIDATIONS['post-target.updated']!);
  useInvalidateOn('post.changed', LIVE_INVALIDATIONS['post.changed']!);
  useInvalidateOn('social-account.updated', LIVE_INVALIDATIONS['social-account.updated']!);
  useInvalidateOn('social-account.synced', LIVE_INVALIDATIONS['social-account.synced']!);
  useInvalidateOn('media.ready', LIVE_INVALIDATIONS['media.ready']!);
  useInvalidateOn('media.optimized', LIVE_INVALIDATIONS['media.optimized']!);
  useInvalidateOn('media.deleted', LIVE_INVALIDATIONS['media.deleted']!);
  useInvalidateOn('media.optimize_failed', LIVE_INVALIDATIONS['media.optimize_failed']!);
  return null;
}
