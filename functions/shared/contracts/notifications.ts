import * as z from 'zod';
import { NOTIFICATION_TYPES } from '../enums';
import { NOTIFICATION_SEVERITIES } from '../enums';
import { timestamp, uuidParam } from './common';
import type { AreaContracts } from './contract';

export const notificationItem = z
  .object({
    id: z.uuid(),
    type: z.string().describe('Event type, e.g. `post.failed`, `account.needs_reauth`'),
    severity: z.enum(NOTIFICATION_SEVERITIES),
    title: z.string(),
    body: z.string().nullable(),
    link: z.string().nullable().describe('Dashboard path to open, e.g. `/posts/<id>`'),
    data: z.record(z.string(), z.unknown()).nullable(),
    readAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'Notification' });

const preference = z
  .object({
    type: z.string(),
    label: z.string().describe('What the event is, in words'),
    description: z.string(),
    inApp: z.boolean().describe('Listed in the app'),
    email: z.boolean().describe('Sent by email to the account address (once it is verified)'),
  })
  .meta({ id: 'NotificationPreference' });

const settingsAnswer = z.object({ preferences: z.array(preference) }).meta({ id: 'NotificationSettings' });

/** `true`/`false` in a query string. */
const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Contracts of the notifications routes: each person's own notifications in the current organization. */
export const notificationsContracts = {
  listNotifications: {
    query: z
      .object({
        unread: booleanQuery.optional().describe('Only unread (true) or only read (false)'),
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      })
      .strict(),
    response: z
      .object({
        items: z.array(notificationItem).describe('Newest first'),
        page: z.number().int(),
        pageSize: z.number().int(),
        total: z.number().int(),
        unreadCount: z.number().int().describe('Unread in this organization, whatever the filter'),
      })
      .meta({ id: 'NotificationList' }),
  },
  markNotificationRead: { params: uuidParam, response: notificationItem },
  deleteNotification: { params: uuidParam, successStatus: 204 },
  markAllNotificationsRead: {
    response: z.object({ updated: z.number().int().describe('How many were unread') }),
  },
  getNotificationSettings: { response: settingsAnswer },
  updateNotificationSettings: {
    body: z
      .object({
        preferences: z
          .partialRecord(
            z.enum(NOTIFICATION_TYPES),
            z
              .object({ inApp: z.boolean().optional(), email: z.boolean().optional() })
              .strict()
              .refine((change) => change.inApp !== undefined || change.email !== undefined, {
                message: 'Give inApp, email or both',
              }),
          )
          .describe('By event type; types and channels left out keep their setting'),
      })
      .strict()
      .meta({ id: 'UpdateNotificationSettingsRequest' }),
    response: settingsAnswer,
  },
} satisfies AreaContracts<'notifications'>;
