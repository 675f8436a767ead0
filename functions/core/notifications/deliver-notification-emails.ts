import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Container } from '../ports/container';
import {
  notifications,
  notificationSettings,
  organizationMembers,
  organizations,
  users,
} from '../../db/schema';
import { withSystem } from '../../db/tenant';
import { notificationMail } from './notification-mail';
import { emailEnabled, notificationTypes } from './notification-types';

/** A claim this old belongs to a delivery that died (the job's worst case is far shorter). */
export const EMAIL_CLAIM_TIMEOUT_MS = 15 * 60_000;
/** A pending email this old has most likely lost its job (a crash between commit and enqueue). */
export const EMAIL_LOST_AFTER_MS = 5 * 60_000;
/** Sending attempts before an email is given up as `failed`. */
export const MAX_EMAIL_ATTEMPTS = 5;

export type EmailDeliveryOutcome = 'sent' | 'skipped' | 'retry' | 'failed' | 'not_claimed';

type Deps = Pick<Container, 'db' | 'clock' | 'mailer' | 'logger' | 'env'>;
type NotificationRow = typeof notifications.$inferSelect;

const stillClaimedBy = (row: NotificationRow) =>
  and(
    eq(notifications.id, row.id),
    eq(notifications.emailStatus, 'sending'),
    eq(notifications.emailClaimedAt, row.emailClaimedAt!),
  );

/**
 * Takes one email for this delivery: `pending` -> `sending` (or an abandoned `sending` claim),
 * in one conditional update, so of two deliveries of the same job (SQS redelivers; the sweep
 * re-enqueues) only one gets past this point and the mail is sent once.
 */
async function claim(deps: Deps, id: string, now: Date): Promise<NotificationRow | undefined> {
  const abandonedBefore = new Date(now.getTime() - EMAIL_CLAIM_TIMEOUT_MS);
  const [row] = await withSystem(deps.db, (tx) =>
    tx
      .update(notifications)
      .set({
        emailStatus: 'sending',
        emailClaimedAt: now,
        emailAttempts: sql`${notifications.emailAttempts} + 1`,
      })
      .where(
        and(
          eq(notifications.id, id),
          or(
            eq(notifications.emailStatus, 'pending'),
            and(
              eq(notifications.emailStatus, 'sending'),
              lt(notifications.emailClaimedAt, sql`${abandonedBefore.toISOString()}::timestamptz`),
            ),
          ),
        ),
      )
      .returning(),
  );
  return row;
}

/**
 * Who the mail goes to, or why nobody: the person must still be an active, verified member of
 * the organization and still want this type by email (the choice may have changed since).
 */
async function addressee(deps: Deps, row: NotificationRow) {
  return withSystem(deps.db, async (tx) => {
    const [found] = await tx
      .select({
        email: users.email,
        firstName: users.firstName,
        usable: sql<boolean>`${users.isActive} and ${users.deletedAt} is null and ${users.emailVerified}`,
        organizationName: organizations.name,
        member: sql<boolean>`exists (select 1 from ${organizationMembers} where ${organizationMembers.organizationId} = ${row.organizationId} and ${organizationMembers.userId} = ${row.userId})`,
        preferences: notificationSettings.preferences,
      })
      .from(users)
      .innerJoin(organizations, eq(organizations.id, row.organizationId))
      .leftJoin(
        notificationSettings,
        and(
          eq(notificationSettings.organizationId, row.organizationId),
          eq(notificationSettings.userId, users.id),
        ),
      )
      .where(eq(users.id, row.userId));
    if (!found) return { skip: 'the person no longer exists' } as const;
    if (!found.usable) return { skip: 'the account is inactive, deleted or unverified' } as const;
    if (!found.member) return { skip: 'the person left the organization' } as const;
    if (!emailEnabled(found.preferences, row.type)) return { skip: 'email switched off since' } as const;
    return { to: found.email, firstName: found.firstName, organizationName: found.organizationName };
  });
}

async function finish(deps: Deps, row: NotificationRow, set: Partial<NotificationRow>): Promise<void> {
  await withSystem(deps.db, (tx) => tx.update(notifications).set(set).where(stillClaimedBy(row)));
}

/**
 * Mails one notification at most once per claim. A failed send releases the claim (`pending`)
 * for a later delivery, until MAX_EMAIL_ATTEMPTS, then `failed`. If the process dies after the
 * send and before `sent` is written, the claim is taken over after EMAIL_CLAIM_TIMEOUT_MS and
 * the mail goes again: at-least-once is the best a mailer without idempotency keys allows.
 */
export async function deliverNotificationEmail(deps: Deps, id: string): Promise<EmailDeliveryOutcome> {
  const now = deps.clock.now();
  const row = await claim(deps, id, now);
  if (!row) return 'not_claimed';
  const to = await addressee(deps, row);
  if ('skip' in to) {
    deps.logger.info('Notification email skipped', { notificationId: row.id, reason: to.skip });
    await finish(deps, row, { emailStatus: 'skipped' });
    return 'skipped';
  }
  const label = notificationTypes().find((info) => info.type === row.type)?.label ?? row.type;
  const message = notificationMail({
    to: to.to,
    firstName: to.firstName,
    organizationName: to.organizationName,
    typeLabel: label,
    title: row.title,
    body: row.body,
    link: row.link,
    publicUrl: deps.env.PUBLIC_URL,
  });
  try {
    await deps.mailer.send(message);
  } catch (error) {
    const giveUp = row.emailAttempts >= MAX_EMAIL_ATTEMPTS;
    deps.logger.warn(
      giveUp ? 'Notification email failed for good' : 'Notification email failed; will retry',
      {
        notificationId: row.id,
        attempt: row.emailAttempts,
        error: String(error),
      },
    );
    // `email_claimed_at` stays: the sweep waits EMAIL_LOST_AFTER_MS from this attempt before retrying.
    await finish(deps, row, { emailStatus: giveUp ? 'failed' : 'pending' });
    return giveUp ? 'failed' : 'retry';
  }
  await finish(deps, row, { emailStatus: 'sent', emailedAt: deps.clock.now() });
  return 'sent';
}

/**
 * Emails the sweep hands to the delivery job again: pending ones whose job was lost, or whose
 * last attempt failed, EMAIL_LOST_AFTER_MS ago, and claims abandoned for EMAIL_CLAIM_TIMEOUT_MS.
 */
export async function notificationEmailsToRetry(deps: Pick<Deps, 'db'>, now: Date): Promise<string[]> {
  const lostBefore = new Date(now.getTime() - EMAIL_LOST_AFTER_MS).toISOString();
  const abandonedBefore = new Date(now.getTime() - EMAIL_CLAIM_TIMEOUT_MS).toISOString();
  const rows = await withSystem(deps.db, (tx) =>
    tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          // Spelled like the partial index (notifications_email_outbox_idx) so it is used.
          sql`${notifications.emailStatus} in ('pending', 'sending')`,
          or(
            and(
              eq(notifications.emailStatus, 'pending'),
              lt(
                sql`coalesce(${notifications.emailClaimedAt}, ${notifications.createdAt})`,
                sql`${lostBefore}::timestamptz`,
              ),
            ),
            and(
              eq(notifications.emailStatus, 'sending'),
              lt(notifications.emailClaimedAt, sql`${abandonedBefore}::timestamptz`),
            ),
          ),
        ),
      )
      .orderBy(notifications.createdAt)
      .limit(500),
  );
  return rows.map((row) => row.id);
}
