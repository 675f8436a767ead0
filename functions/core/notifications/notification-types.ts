import type { NotificationPreferences } from '../../db/schema/notifications';

import { NOTIFICATION_TYPES, type NotificationType } from '../../shared/enums';

export { NOTIFICATION_TYPES, type NotificationType };

export interface NotificationTypeInfo {
  type: NotificationType;
  label: string;
  description: string;
}

interface CatalogueEntry extends Omit<NotificationTypeInfo, 'type'> {
  /** Channel defaults for people who never changed this type. */
  defaults: { inApp: boolean; email: boolean };
}

// Email is on by default for the problems someone has to act on, off for good news and for
// `post.waiting` (its cause, `account.needs_reauth`, is already mailed).
const CATALOGUE: Record<NotificationType, CatalogueEntry> = {
  'post.published': {
    defaults: { inApp: true, email: false },
    label: 'Post published',
    description: 'One of your posts went live on a network.',
  },
  'post.failed': {
    defaults: { inApp: true, email: true },
    label: 'Post failed',
    description: 'A network refused one of your posts; it says why and the post can be fixed and retried.',
  },
  'post.unconfirmed': {
    defaults: { inApp: true, email: true },
    label: 'Publication unconfirmed',
    description:
      'A network did not answer whether one of your posts went out; check the network before retrying.',
  },
  'post.missed': {
    defaults: { inApp: true, email: true },
    label: 'Scheduled post missed',
    description: 'One of your scheduled posts could not be sent at its time and was not published.',
  },
  'post.waiting': {
    defaults: { inApp: true, email: false },
    label: 'Post waiting for an account',
    description: 'One of your posts is on hold until its account is reconnected.',
  },
  'account.needs_reauth': {
    defaults: { inApp: true, email: true },
    label: 'Account needs reconnecting',
    description:
      'A connected account lost its access; its scheduled posts wait until someone reconnects it. Sent to admins, managers and whoever connected it.',
  },
  // Email on: receiving the report is the point of a schedule's recipient list.
  'report.ready': {
    defaults: { inApp: true, email: true },
    label: 'Scheduled report ready',
    description: 'A weekly or monthly report you are a recipient of was made; download it from Reports.',
  },
  // Approvals: the reviewer must act on a request, the author on a decision; both are mailed.
  'post.review_requested': {
    defaults: { inApp: true, email: true },
    label: 'Post waiting for your review',
    description:
      'A post (or an agent’s draft) was sent for approval and you may approve it. Sent to the roles that approve.',
  },
  'post.approved': {
    defaults: { inApp: true, email: false },
    label: 'Post approved',
    description: 'A reviewer approved one of your posts; it can now be scheduled.',
  },
  'post.changes_requested': {
    defaults: { inApp: true, email: true },
    label: 'Changes requested',
    description: 'A reviewer asked for changes to one of your posts; their comment says what.',
  },
  'post.commented': {
    defaults: { inApp: true, email: false },
    label: 'Review comment',
    description: 'Someone commented on a post you wrote or reviewed.',
  },
  // The watching agents: a crisis is mailed at once; an anomaly and the weekly summary are read in the app.
  'crisis.alert': {
    defaults: { inApp: true, email: true },
    label: 'Crisis alert',
    description:
      'The crisis manager found far more mentions than usual, and more negative ones, about your brand. Sent to admins and managers.',
  },
  'performance.anomaly': {
    defaults: { inApp: true, email: false },
    label: 'Unusual account figures',
    description:
      'The performance tracker found an account’s followers, impressions or engagement far from their usual range for the day. Sent to admins and managers.',
  },
  'performance.summary': {
    defaults: { inApp: true, email: false },
    label: 'Weekly performance summary',
    description:
      'Each Monday: the accounts’ biggest moves of the week and its anomalies. Sent to admins and managers.',
  },
};

/** The catalogue, for the settings page. */
export function notificationTypes(): NotificationTypeInfo[] {
  return NOTIFICATION_TYPES.map((type) => ({
    type,
    label: CATALOGUE[type].label,
    description: CATALOGUE[type].description,
  }));
}

export function isNotificationType(value: string): value is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

/** Whether a person wants this event in the app: their choice, else the type's default (on). */
export function inAppEnabled(preferences: NotificationPreferences | null | undefined, type: string): boolean {
  return preferences?.[type]?.in_app ?? (isNotificationType(type) ? CATALOGUE[type].defaults.inApp : true);
}

/** Whether a person wants this event by email: their choice, else the type's default. */
export function emailEnabled(preferences: NotificationPreferences | null | undefined, type: string): boolean {
  return preferences?.[type]?.email ?? (isNotificationType(type) ? CATALOGUE[type].defaults.email : false);
}
