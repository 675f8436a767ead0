import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { NOTIFICATIONS_KEY } from './query-keys';

/**
 * The writes on one's own notifications. Each refetches the whole area afterwards (list and
 * bell), win or lose: the server's answer is the truth, and a failed write may have raced
 * another tab. Callbacks sit on the mutation, not on `mutate`, so a "mark read" started by
 * following a link still refreshes the bell after the page has gone.
 */
export function useNotificationActions() {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });

  const markRead = useMutation({
    mutationFn: (id: string) => unwrap(api.PUT('/notifications/{id}/read', { params: { path: { id } } })),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/notifications/{id}', { params: { path: { id } } })),
    onSettled: refresh,
  });
  const markAllRead = useMutation({
    mutationFn: () => unwrap(api.POST('/notifications/mark-all-read')),
    onSettled: refresh,
  });
  return { markRead, remove, markAllRead };
}
