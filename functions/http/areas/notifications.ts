import { createAreaHandler } from '../area-handler';
import { notificationsContracts } from '../../shared/contracts/notifications';
import { deleteNotification } from '../operations/notifications/delete-notification';
import { getNotificationSettings } from '../operations/notifications/get-settings';
import { listNotifications } from '../operations/notifications/list-notifications';
import { markAllNotificationsRead } from '../operations/notifications/mark-all-read';
import { markNotificationRead } from '../operations/notifications/mark-read';
import { updateNotificationSettings } from '../operations/notifications/update-settings';

export const handler = createAreaHandler('notifications', notificationsContracts, {
  listNotifications,
  markNotificationRead,
  deleteNotification,
  markAllNotificationsRead,
  getNotificationSettings,
  updateNotificationSettings,
});
