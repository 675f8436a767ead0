import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { checkIn, createdAt, primaryId, timestamptz, updatedAt } from './columns';
import { organizations } from './organizations';
import { users } from './users';
import {
  NOTIFICATION_SEVERITIES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EMAIL_STATUSES,
  type NotificationSeverity,
  type NotificationChannel,
  type NotificationEmailStatus,
} from '../../shared/enums';

export {
  NOTIFICATION_SEVERITIES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EMAIL_STATUSES,
  type NotificationSeverity,
  type NotificationChannel,
  type NotificationEmailStatus,
};

/** `{ "post.failed": { "in_app": true, "email": true }, ... }`; a missing entry means the default. */
export type NotificationPreferences = Record<string, Partial<Record<NotificationChannel, boolean>>>;

/**
 * A notification for one user in one organization: shown in the app (`in_app`), emailed
 * (`email_status`, the row doubles as the email outbox), or both.
 */
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
    /** False when the person only wants this type by email: the row exists for the mail, the list hides it. */
    inApp: boolean('in_app').notNull().default(true),
    emailStatus: text('email_status', { enum: NOTIFICATION_EMAIL_STATUSES }),
    /** Delivery attempts so far (each claim counts one). */
    emailAttempts: integer('email_attempts').notNull().default(0),
    /** When the latest delivery attempt claimed the email (kept after it, to space retries). */
    emailClaimedAt: timestamptz('email_claimed_at'),
    emailedAt: timestamptz('emailed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    checkIn('notifications_severity_check', t.severity, NOTIFICATION_SEVERITIES),
    checkIn('notifications_email_status_check', t.emailStatus, NOTIFICATION_EMAIL_STATUSES),
    // The sweep looks for emails still to send; sent ones (nearly all rows) stay out of the index.
    index('notifications_email_outbox_idx')
      .on(t.createdAt)
      .where(sql`${t.emailStatus} in ('pending', 'sending')`),
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
