import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { checkIn, createdAt, primaryId, timestamptz } from './columns';
import { invitations } from './memberships';
import { organizations } from './organizations';
import { users } from './users';

/**
 * The transactional mails (notifications have their own outbox in `notifications`).
 * `verify_email` and `reset_password` name the account (`user_id`), `invitation` the
 * invitation (and its organization), `account_deleted` the erased person's former address.
 */
export const MAIL_KINDS = ['verify_email', 'reset_password', 'invitation', 'account_deleted'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/**
 * `pending`: to send at `next_attempt_at`; `sending`: claimed by a delivery (a claim older than
 * the claim timeout belongs to one that died); `failed`: given up, `last_error` says why.
 * A sent or no-longer-needed mail is deleted: the table is a queue, not a log.
 */
export const MAIL_STATUSES = ['pending', 'sending', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * One mail to send, written in the transaction of the change that causes it and sent by the
 * `send-mail` background job after the commit. It holds no link and no token: the single-use
 * link is minted when the mail is sent (functions/core/mail/compose-mail.ts), so a copy of this
 * table (a backup, a read replica, a leaked dump) can reset no password and join no team.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: primaryId(),
    kind: text('kind', { enum: MAIL_KINDS }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    invitationId: uuid('invitation_id').references(() => invitations.id, { onDelete: 'cascade' }),
    /** Set for invitations, so a tenant request may write the row under row-level security. */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    /** `account_deleted` only: the user row is already erased. Cleared when the mail is given up. */
    toAddress: varchar('to_address', { length: 255 }),
    status: text('status', { enum: MAIL_STATUSES }).notNull().default('pending'),
    /** Delivery attempts so far (each claim counts one). */
    attempts: integer('attempts').notNull().default(0),
    /** Not sent before this instant: the backoff after a failed attempt. */
    nextAttemptAt: timestamptz('next_attempt_at').notNull().defaultNow(),
    /** When the latest attempt claimed the row. */
    claimedAt: timestamptz('claimed_at'),
    /** The mailer's refusal of the latest failed attempt (no address, no link). */
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [
    checkIn('mail_outbox_kind_check', t.kind, MAIL_KINDS),
    checkIn('mail_outbox_status_check', t.status, MAIL_STATUSES),
    check(
      'mail_outbox_subject_check',
      sql`(${t.kind} in ('verify_email', 'reset_password') and ${t.userId} is not null)
        or (${t.kind} = 'invitation' and ${t.invitationId} is not null and ${t.organizationId} is not null)
        or (${t.kind} = 'account_deleted' and (${t.toAddress} is not null or ${t.status} = 'failed'))`,
    ),
    // One link mail of a kind in flight per account: asking again brings it forward instead of
    // queueing a second mail whose fresh link would void the first one's.
    uniqueIndex('mail_outbox_user_kind_in_flight_key')
      .on(t.userId, t.kind)
      .where(sql`${t.status} in ('pending', 'sending')`),
    // The sweep's look-up; failed rows (kept for inspection) stay out of it.
    index('mail_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
    index('mail_outbox_invitation_id_idx').on(t.invitationId),
    index('mail_outbox_organization_id_idx').on(t.organizationId),
  ],
);
