import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useServices } from '../app/services';
import { useSessionState } from './use-session';

/**
 * What follows from who is signed in: cached data belongs to one user in one organization,
 * so it is dropped when either changes; the live-updates socket runs only with a session and
 * reconnects for a new organization (its ticket names the organization).
 */
export function SessionEffects() {
  const { realtime } = useServices();
  const queryClient = useQueryClient();
  const state = useSessionState();
  const identity = state.status === 'signed-in' ? `${state.user.id}:${state.user.organization.id}` : null;
  const previous = useRef<string | null>(null);

  useEffect(() => {
    // Runs after the render that unmounted the pages of the old identity, if any.
    if (previous.current !== null && previous.current !== identity) {
      if (identity === null) {
        // Signed out: nothing of that user stays in memory.
        queryClient.clear();
      } else {
        // Another organization (or user): drop the old data, refetch what is on screen.
        // Public answers (health, an invitation being accepted right now) stay as they are.
        void queryClient.resetQueries({ predicate: (query) => query.meta?.public !== true });
      }
    }
    previous.current = identity;
  }, [identity, queryClient]);

  useEffect(() => {
    if (identity === null) return;
    realtime.start();
    return () => realtime.stop();
  }, [identity, realtime]);

  return null;
}
