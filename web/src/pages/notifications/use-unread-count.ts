import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { UNREAD_COUNT_KEY } from './query-keys';

/**
 * How many of one's notifications are unread in this organization. The smallest page is
 * asked for: `unreadCount` comes with every list answer, whatever the page holds. Pushes
 * invalidate NOTIFICATIONS_KEY, so the count follows the publisher without polling.
 */
export function useUnreadCount() {
  const { api } = useServices();
  return useQuery({
    queryKey: UNREAD_COUNT_KEY,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/notifications', { params: { query: { pageSize: 1 } }, signal })),
    select: (list) => list.unreadCount,
  });
}
