import { index, jsonb, pgTable, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { checkIn, createdAt, primaryId, timestamptz, updatedAt } from './columns';
import { organizations } from './organizations';
import { users } from './users';

export const NOTIFICATION_SEVERITIES = ['info', 'success', 'warning', 'error'] as const;
export type NotificationSeverity = (typeof NOTIFICATION_SEVERITIES)[number];

/** Delivery channels a user can switch per event type. */
export const NOTIFICATION_CHANNELS = ['in_app', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** `{ "post.failed": { "in_app": true, "email": true }, ... }`; a missing entry means the default. */
export type NotificationPreferences = Record<string, Partial<Record<NotificationChannel, boolean>>>;

/** An in-app notification for one user in one organization. */
export const notifications = pgTable(
  'notifications',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Event type, e.g. `post.published`, `post.failed`, `account.needs_reauth`. */
    type: varchar('type', { length: 100 }).notNull(),
    severity: text('severity', { enum: NOTIFICATION_SEVERITIES }).notNull().default('info'),
    title: text('title').notNull(),
    body: text('body'),
    /** Dashboard path to open, e.g. `/posts/<id>`. */
    link: text('link'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    readAt: timestamptz('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    checkIn('notifications_severity_check', t.severity, NOTIFICATION_SEVERITIES),
    index('notifications_user_organization_created_idx').on(t.userId, t.organizationId, t.createdAt),
    index('notifications_organization_created_idx').on(t.organizationId, t.createdAt),
  ],
);

/** Notification preferences of one user in one organization. */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    preferences: jsonb('preferences').$type<NotificationPreferences>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('notification_settings_organization_user_key').on(t.organizationId, t.userId),
    index('notification_settings_user_id_idx').on(t.userId),
  ],
);
