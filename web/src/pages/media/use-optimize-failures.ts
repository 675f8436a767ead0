import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MEDIA_KEY } from '../../publishing/query-keys';
import { useRealtimeMessage } from '../../realtime/use-realtime';

/**
 * The optimize job answers a file it cannot render with `media.optimize_failed` (the file goes
 * back to `ready`, unchanged). That push is not among the shared live invalidations, so the
 * library listens itself: refresh the list and keep the reason to show on the file.
 */
export function useOptimizeFailures(): Record<string, string> {
  const queryClient = useQueryClient();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  useRealtimeMessage('media.optimize_failed', (data) => {
    const { id, reason } = (data ?? {}) as { id?: unknown; reason?: unknown };
    if (typeof id === 'string') {
      setReasons((known) => ({
        ...known,
        [id]: typeof reason === 'string' ? reason : 'The image could not be rendered.',
      }));
    }
    void queryClient.invalidateQueries({ queryKey: MEDIA_KEY });
  });
  useRealtimeMessage('media.optimized', (data) => {
    const { id } = (data ?? {}) as { id?: unknown };
    if (typeof id !== 'string') return;
    setReasons((known) => {
      if (!(id in known)) return known;
      const { [id]: _cleared, ...rest } = known;
      return rest;
    });
  });
  return reasons;
}
