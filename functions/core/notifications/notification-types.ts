import type { NotificationPreferences } from '../../db/schema/notifications';

/** Every event that writes an in-app notification, in the order the settings page lists them. */
export const NOTIFICATION_TYPES = [
  'post.published',
  'post.failed',
  'post.unconfirmed',
  'post.missed',
  'post.waiting',
  'account.needs_reauth',
] as const;

export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export interface NotificationTypeInfo {
  type: NotificationType;
  label: string;
  description: string;
}

const CATALOGUE: Record<NotificationType, Omit<NotificationTypeInfo, 'type'>> = {
  'post.published': {
    label: 'Post published',
    description: 'One of your posts went live on a network.',
  },
  'post.failed': {
    label: 'Post failed',
    description: 'A network refused one of your posts; it says why and the post can be fixed and retried.',
  },
  'post.unconfirmed': {
    label: 'Publication unconfirmed',
    description:
      'A network did not answer whether one of your posts went out; check the network before retrying.',
  },
  'post.missed': {
    label: 'Scheduled post missed',
    description: 'One of your scheduled posts could not be sent at its time and was not published.',
  },
  'post.waiting': {
    label: 'Post waiting for an account',
    description: 'One of your posts is on hold until its account is reconnected.',
  },
  'account.needs_reauth': {
    label: 'Account needs reconnecting',
    description:
      'A connected account lost its access; its scheduled posts wait until someone reconnects it. Sent to admins, managers and whoever connected it.',
  },
};

/** The catalogue, for the settings page. */
export function notificationTypes(): NotificationTypeInfo[] {
  return NOTIFICATION_TYPES.map((type) => ({ type, ...CATALOGUE[type] }));
}

export function isNotificationType(value: string): value is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

/** Whether a person wants this event in the app: on unless they switched it off. */
export function inAppEnabled(preferences: NotificationPreferences | null | undefined, type: string): boolean {
  return preferences?.[type]?.in_app !== false;
}
