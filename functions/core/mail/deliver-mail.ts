import { and, eq, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { mailOutbox } from '../../db/schema';
import { withSystem } from '../../db/tenant';
import type { Mailer } from '../ports';
import { markTargetsInFlight } from '../publishing/sweep-marker';
import { composeMail } from './compose-mail';
import { enqueueMail, type MailDispatchDeps } from './outgoing-mail';

/** A claim this old belongs to a delivery that died (sending one mail takes seconds). */
export const MAIL_CLAIM_TIMEOUT_MS = 15 * 60_000;
/** A due mail still pending this long after its time has lost its job message. */
export const MAIL_LOST_AFTER_MS = 60_000;
/** Attempts before a mail is given up (about four hours with the backoff below). */
export const MAX_MAIL_ATTEMPTS = 10;
/** Given-up rows are kept this long for inspection, then deleted by the sweep. */
export const FAILED_MAIL_RETENTION_MS = 30 * 24 * 60 * 60_000;
/** SQS holds a message back at most 15 minutes; a longer wait is the sweep's to end. */
const MAX_QUEUE_DELAY_SECONDS = 900;

/** Wait after failed attempt `attempt` (1-based): 1, 2, 4 ... minutes, at most an hour. */
export function mailRetryDelayMs(attempt: number): number {
  return Math.min(60_000 * 2 ** (attempt - 1), 60 * 60_000);
}

export type MailDeliveryOutcome = 'sent' | 'skipped' | 'retry' | 'failed' | 'not_claimed';

export interface MailDeliveryDeps extends MailDispatchDeps {
  db: Database;
  mailer: Mailer;
  env: { PUBLIC_URL: string };
}

type OutboxRow = typeof mailOutbox.$inferSelect;

/** What the mailer said, without a stack; bounded, since it is stored and logged. */
function refusal(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 500);
}

/**
 * Takes one due mail for this delivery in one conditional update (`pending` and due, or a
 * `sending` claim abandoned for MAIL_CLAIM_TIMEOUT_MS), so of two deliveries of the same job
 * (SQS redelivers; the sweep re-enqueues) only one gets past it.
 */
async function claim(tx: Database, id: string, now: Date): Promise<OutboxRow | undefined> {
  const abandonedBefore = new Date(now.getTime() - MAIL_CLAIM_TIMEOUT_MS);
  const [row] = await tx
    .update(mailOutbox)
    .set({ status: 'sending', claimedAt: now, attempts: sql`${mailOutbox.attempts} + 1` })
    .where(
      and(
        eq(mailOutbox.id, id),
        or(
          and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)),
          and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.claimedAt, abandonedBefore)),
        ),
      ),
    )
    .returning();
  return row;
}

const stillClaimed = (row: OutboxRow) =>
  and(eq(mailOutbox.id, row.id), eq(mailOutbox.status, 'sending'), eq(mailOutbox.claimedAt, row.claimedAt!));

async function forget(deps: MailDeliveryDeps, row: OutboxRow): Promise<void> {
  await withSystem(deps.db, (tx) => tx.delete(mailOutbox).where(stillClaimed(row)));
}

/** A failed attempt: wait and try again, or give up after MAX_MAIL_ATTEMPTS. */
async function failed(deps: MailDeliveryDeps, row: OutboxRow, error: unknown): Promise<MailDeliveryOutcome> {
  const reason = refusal(error);
  const context = { mailId: row.id, kind: row.kind, attempt: row.attempts, reason };
  if (row.attempts >= MAX_MAIL_ATTEMPTS) {
    // Kept for inspection without the address (an erased person's, for account_deleted).
    await withSystem(deps.db, (tx) =>
      tx
        .update(mailOutbox)
        .set({ status: 'failed', lastError: reason, toAddress: null })
        .where(stillClaimed(row)),
    );
    deps.logger.error('Mail given up', context);
    return 'failed';
  }
  const delayMs = mailRetryDelayMs(row.attempts);
  const retryAt = new Date(deps.clock.now().getTime() + delayMs);
  await withSystem(deps.db, (tx) =>
    tx
      .update(mailOutbox)
      .set({ status: 'pending', nextAttemptAt: retryAt, lastError: reason })
      .where(stillClaimed(row)),
  );
  deps.logger.warn('Mail refused; will retry', { ...context, retryAt: retryAt.toISOString() });
  // The sweep keeps looking until then (in AWS it skips the database unless told)...
  await markTargetsInFlight(deps.kv, deps.clock, retryAt);
  // ...and a short wait is a delayed message (one second late, so it never finds the mail not due).
  const delaySeconds = Math.ceil(delayMs / 1000) + 1;
  if (delaySeconds <= MAX_QUEUE_DELAY_SECONDS) await enqueueMail(deps, [row.id], { delaySeconds });
  return 'retry';
}

/**
 * Sends one outbox mail at most once per claim. The row is deleted once sent (or once there is
 * nothing to send any more). A refused send is retried with backoff (mailRetryDelayMs) until
 * MAX_MAIL_ATTEMPTS, then kept as `failed` with the reason and logged as an error. If the process
 * dies between the send and the delete, the claim is taken over after MAIL_CLAIM_TIMEOUT_MS and the
 * mail goes again: at least once is the best a mailer without idempotency keys allows.
 */
export async function deliverMail(deps: MailDeliveryDeps, id: string): Promise<MailDeliveryOutcome> {
  const now = deps.clock.now();
  const claimed = await withSystem(deps.db, async (tx) => {
    const row = await claim(tx, id, now);
    return row && { row, composed: await composeMail(tx, row, { publicUrl: deps.env.PUBLIC_URL, now }) };
  });
  if (!claimed) return 'not_claimed';
  const { row, composed } = claimed;
  if ('skip' in composed) {
    deps.logger.info('Mail not needed any more', { mailId: row.id, kind: row.kind, reason: composed.skip });
    await forget(deps, row);
    return 'skipped';
  }
  // Should this process die while sending, the sweep must still look for the claim (sweep-marker.ts).
  await markTargetsInFlight(deps.kv, deps.clock, now);
  try {
    await deps.mailer.send(composed.message);
  } catch (error) {
    return failed(deps, row, error);
  }
  await forget(deps, row);
  return 'sent';
}

/**
 * For the sweep: drops given-up rows past FAILED_MAIL_RETENTION_MS, and returns the mails to hand
 * to the job again: due for MAIL_LOST_AFTER_MS with no delivery (the job message was lost, or the
 * wait was longer than a queue delay), or claimed MAIL_CLAIM_TIMEOUT_MS ago by a delivery that died.
 */
export async function mailToResend(deps: Pick<MailDeliveryDeps, 'db'>, now: Date): Promise<string[]> {
  const lostBefore = new Date(now.getTime() - MAIL_LOST_AFTER_MS);
  const abandonedBefore = new Date(now.getTime() - MAIL_CLAIM_TIMEOUT_MS);
  const expiredBefore = new Date(now.getTime() - FAILED_MAIL_RETENTION_MS);
  return withSystem(deps.db, async (tx) => {
    await tx
      .delete(mailOutbox)
      .where(and(eq(mailOutbox.status, 'failed'), lt(mailOutbox.createdAt, expiredBefore)));
    const rows = await tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        and(
          // Spelled like the partial index (mail_outbox_due_idx) so it is used.
          sql`${mailOutbox.status} in ('pending', 'sending')`,
          or(
            and(eq(mailOutbox.status, 'pending'), lt(mailOutbox.nextAttemptAt, lostBefore)),
            and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.claimedAt, abandonedBefore)),
          ),
        ),
      )
      .orderBy(mailOutbox.nextAttemptAt)
      .limit(500);
    return rows.map((row) => row.id);
  });
}
