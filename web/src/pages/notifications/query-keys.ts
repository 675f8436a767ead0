/**
 * Query keys of the notifications area. One root, so a push (a post published or failed, an
 * account needing reconnection) refreshes the list, the bell and the settings with one call:
 * `invalidateQueries({ queryKey: NOTIFICATIONS_KEY })`.
 */
export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const notificationListKey = (query: Record<string, unknown>) =>
  [...NOTIFICATIONS_KEY, 'list', query] as const;
/** The bell's question: only `unreadCount` is read from the answer. */
export const UNREAD_COUNT_KEY = [...NOTIFICATIONS_KEY, 'unread-count'] as const;
export const NOTIFICATION_SETTINGS_KEY = [...NOTIFICATIONS_KEY, 'settings'] as const;
