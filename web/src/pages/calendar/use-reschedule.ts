import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema.gen';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { POSTS_KEY, postKey } from '../../publishing/query-keys';
import { moveEntries, type CalendarItem } from './calendar-entries';
import type { Reschedule } from './drop-slot';

type Calendar = components['schemas']['Calendar'];

export interface MoveRequest {
  item: CalendarItem;
  target: Reschedule;
}

/**
 * Reschedules a post from the calendar: the chip moves at once (optimistic), the server
 * has the last word, and a refusal puts the chip back where it was.
 */
export function useReschedule(calendarQueryKey: readonly unknown[], timeZone: string) {
  const { api } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ item, target }: MoveRequest) =>
      unwrap(
        api.POST('/posts/{id}/schedule', {
          params: { path: { id: item.postId } },
          body: { at: target.at },
        }),
      ),
    onMutate: async ({ item, target }: MoveRequest) => {
      await queryClient.cancelQueries({ queryKey: calendarQueryKey });
      const previous = queryClient.getQueryData<Calendar>(calendarQueryKey);
      if (previous) {
        queryClient.setQueryData<Calendar>(calendarQueryKey, {
          ...previous,
          entries: moveEntries(previous.entries, item.postId, item.at, target.at, timeZone),
        });
      }
      return { previous };
    },
    onError: (_error, _move, context) => {
      if (context?.previous) queryClient.setQueryData(calendarQueryKey, context.previous);
    },
    onSuccess: (post) => queryClient.setQueryData(postKey(post.id), post),
    onSettled: () => queryClient.invalidateQueries({ queryKey: POSTS_KEY }),
  });
}
