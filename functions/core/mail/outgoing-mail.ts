import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { queryRows } from '../../db/rows';
import { auditLogs, mailOutbox, users } from '../../db/schema';
import type { AuditActor } from '../audit/record-audit';
import type { Clock, JobQueue, KeyValue, Logger } from '../ports';
import { markTargetsInFlight } from '../publishing/sweep-marker';

export const SEND_MAIL = 'send-mail';
/** Ids per job message when the sweep hands many back at once. */
const IDS_PER_JOB = 50;

/** A mail written to the outbox; what it needs to be rendered is read when it is sent. */
export type MailToSend =
  | { kind: 'verify_email'; userId: string }
  | { kind: 'invitation'; invitationId: string; organizationId: string }
  | { kind: 'account_deleted'; to: string };

export interface MailDispatchDeps {
  queue: JobQueue;
  logger: Logger;
  kv: KeyValue;
  clock: Clock;
}

/** The columns of a new row; timestamps from the app clock, as every claim compares with it. */
const newRow = (now: Date) => ({ status: 'pending' as const, nextAttemptAt: now, createdAt: now });

/**
 * An account already has this kind of mail in flight: asking again brings it forward
 * (a resend after a failure is tried now) instead of queueing a second link that would void
 * the first. A mail being sent right now is left alone; it carries a fresh link.
 */
const bringForward = {
  target: [mailOutbox.userId, mailOutbox.kind],
  targetWhere: sql`status in ('pending', 'sending')`,
  set: { nextAttemptAt: sql`least(${mailOutbox.nextAttemptAt}, excluded.next_attempt_at)` },
  setWhere: sql`${mailOutbox.status} = 'pending'`,
};

/**
 * The mails of one request or job: written with `write*` inside the transaction of the change
 * that causes them, handed to the `send-mail` job with `dispatch` after that transaction has
 * committed (a job sent earlier could run before the rows are visible; one sent for a rolled-back
 * transaction would find nothing). A row whose job is lost is found by the sweep.
 */
export class OutgoingMail {
  private readonly ids: string[] = [];
  private written = false;

  async write(tx: Database, mail: MailToSend, now: Date): Promise<void> {
    this.written = true;
    const values =
      mail.kind === 'verify_email'
        ? { kind: mail.kind, userId: mail.userId }
        : mail.kind === 'invitation'
          ? { kind: mail.kind, invitationId: mail.invitationId, organizationId: mail.organizationId }
          : { kind: mail.kind, toAddress: mail.to };
    const insert = tx.insert(mailOutbox).values({ ...values, ...newRow(now) });
    const rows = await (
      mail.kind === 'verify_email' ? insert.onConflictDoUpdate(bringForward) : insert
    ).returning({
      id: mailOutbox.id,
    });
    this.ids.push(...rows.map((row) => row.id));
  }

  /**
   * Queues a password reset for the account with this address, if there is one, and records the
   * request in the audit log (without an account for an unknown address: who asked, not what
   * for), in one statement that runs the same whether or not an account matches. Both ways the
   * transaction writes and commits (a read-only one skips the WAL flush and answered ~5 ms
   * faster), and `dispatch` sends the same job message, so neither the answer nor its timing
   * says whether the address has an account.
   */
  async writePasswordReset(tx: Database, email: string, actor: AuditActor, now: Date): Promise<void> {
    this.written = true;
    const at = sql`${now.toISOString()}::timestamptz`;
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`with account as (
            select ${users.id} as id from ${users}
             where ${and(eq(users.email, email), isNull(users.deletedAt), eq(users.isActive, true))}
          ), audited as (
            insert into ${auditLogs} (user_id, action, resource_type, resource_id, ip_address, user_agent, request_id)
            select account.id, 'password_reset_requested', 'user', account.id::text,
                   ${actor.ipAddress ?? null}::inet, ${actor.userAgent ?? null}, ${actor.requestId ?? null}
              from (select 1) as request left join account on true
          )
          insert into ${mailOutbox} (kind, user_id, status, next_attempt_at, created_at)
          select 'reset_password', id, 'pending', ${at}, ${at} from account
          on conflict (user_id, kind) where status in ('pending', 'sending')
          do update set next_attempt_at = least(${mailOutbox}.next_attempt_at, excluded.next_attempt_at)
                  where ${mailOutbox}.status = 'pending'
          returning id`,
    );
    this.ids.push(...rows.map((row) => row.id));
  }

  /**
   * Hands the mails written to the `send-mail` job. Never throws: the rows are committed and the
   * request has succeeded whatever happens here. If the queue refuses, the sweep is told to look
   * (sweep-marker.ts) and sends them within minutes.
   */
  async dispatch(deps: MailDispatchDeps): Promise<void> {
    if (!this.written) return;
    await enqueueMail(deps, this.ids, { evenIfEmpty: true });
  }
}

/** Sends `send-mail` job messages for these rows; logs and marks the sweep instead of throwing. */
export async function enqueueMail(
  deps: MailDispatchDeps,
  mailIds: readonly string[],
  options: { evenIfEmpty?: boolean; delaySeconds?: number } = {},
): Promise<void> {
  const ids = [...new Set(mailIds)];
  if (ids.length === 0 && !options.evenIfEmpty) return;
  const bodies = [];
  for (let i = 0; i < ids.length; i += IDS_PER_JOB)
    bodies.push({ type: SEND_MAIL, mailIds: ids.slice(i, i + IDS_PER_JOB) });
  if (bodies.length === 0) bodies.push({ type: SEND_MAIL, mailIds: [] });
  try {
    await deps.queue.sendBatch(
      'jobs',
      bodies,
      options.delaySeconds === undefined ? {} : { delaySeconds: options.delaySeconds },
    );
  } catch (error) {
    deps.logger.warn('Could not enqueue mail; the sweep will send it', {
      mailIds: ids,
      error: String(error),
    });
    await markTargetsInFlight(deps.kv, deps.clock, deps.clock.now()).catch((markError: unknown) =>
      deps.logger.error('Could not mark the sweep for unsent mail', {
        mailIds: ids,
        error: String(markError),
      }),
    );
  }
}
