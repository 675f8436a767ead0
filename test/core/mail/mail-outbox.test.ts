import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Container } from '../../../functions/adapters/container';
import { readOutbox } from '../../../functions/adapters/local';
import { deliverMail, MAX_MAIL_ATTEMPTS, mailRetryDelayMs } from '../../../functions/core/mail/deliver-mail';
import { OutgoingMail, SEND_MAIL } from '../../../functions/core/mail/outgoing-mail';
import type { JobQueue, MailMessage, Mailer } from '../../../functions/core/ports';
import { auditLogs, mailOutbox, users } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { sendMailJob } from '../../../functions/jobs/send-mail';
// The publishing and mail sweep alone: the scheduled run also queues metrics syncs for every
// account of the shared test database, which is not this file's business.
import { runSweep } from '../../../functions/jobs/sweep';
import { TestClient } from '../../support/http-client';
import { captureLogger } from '../../support/logger';
import { startIdentityRuntime, STRONG_PASSWORD } from '../../support/identity-runtime';
import { ownDatabase, type OwnDatabase } from './own-database';

const sweep = () => runSweep();

/** What SES answers while the sender identity is not verified. */
const SES_REFUSAL =
  'Email address is not verified. The following identities failed the check: no-reply@localhost';

/** The real (outbox) mailer behind a switch: refusing, it throws as SES does and sends nothing. */
class SwitchableMailer implements Mailer {
  refusing = false;
  attempts = 0;
  constructor(private readonly real: Mailer) {}
  async send(message: MailMessage): Promise<{ messageId: string }> {
    this.attempts += 1;
    if (this.refusing) throw Object.assign(new Error(SES_REFUSAL), { name: 'MessageRejected' });
    return this.real.send(message);
  }
}

/** The real queue, recording the `send-mail` messages and optionally refusing them. */
class WatchedQueue implements JobQueue {
  refusing = false;
  readonly mailMessages: Array<{ mailIds: string[] }> = [];
  constructor(private readonly real: JobQueue) {}
  send: JobQueue['send'] = (queue, body, options) => this.sendBatch(queue, [body], options);
  sendBatch: JobQueue['sendBatch'] = async (queue, bodies, options) => {
    const mail = bodies.filter((b): b is { type: string; mailIds: string[] } => {
      return (b as { type?: string }).type === SEND_MAIL;
    });
    if (mail.length > 0 && this.refusing) throw new Error('SQS: ServiceUnavailable');
    this.mailMessages.push(...mail.map((m) => ({ mailIds: m.mailIds })));
    return this.real.sendBatch(queue, bodies, options);
  };
}

async function eventually<T>(probe: () => Promise<T | undefined | false>, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// This file runs the whole sweep on a database of its own (see own-database.ts).
const T0 = new Date('2031-09-01T08:00:00.000Z');

describe('transactional mail outbox: no request fails because mail could not be sent', () => {
  let database: OwnDatabase;
  let env: Awaited<ReturnType<typeof startIdentityRuntime>>;
  let mailer: SwitchableMailer;
  let queue: WatchedQueue;

  const container = (): Container => env.runtime.container;
  const db = () => container().db;
  const mailsTo = (email: string) => readOutbox(env.dataDir, email);
  const outboxOf = (userId: string) =>
    withSystem(db(), (tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.userId, userId)));
  const rowById = async (id: string) =>
    (await withSystem(db(), (tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.id, id))))[0];
  /** A new per-IP rate-limit window for the mail-sending routes (5 per 5 minutes). */
  const nextWindow = () => env.clock.advance(301_000);

  /** Waits until the mail job has tried (and failed) this user's mail of `kind`. */
  const refusedMailOf = (userId: string, kind: string) =>
    eventually(async () => {
      const row = (await outboxOf(userId)).find((r) => r.kind === kind);
      return row && row.attempts >= 1 && row.status === 'pending' && row;
    }, `a refused ${kind} mail`);

  /** The newest link with this prefix mailed to `email`, once `count` such mails have arrived. */
  async function linkIn(email: string, prefix: string, count = 1): Promise<string> {
    const mails = await eventually(async () => {
      const found = (await mailsTo(email)).filter((m) => m.text.includes(prefix));
      return found.length >= count && found;
    }, `${count} mail(s) with ${prefix} to ${email}`);
    const match = new RegExp(`${prefix.replace(/[?]/g, '\\?')}([A-Za-z0-9_%-]+)`).exec(mails.at(-1)!.text);
    return decodeURIComponent(match![1]!);
  }

  /** Signs someone up and waits until the verification mail has gone and left the outbox. */
  async function signedUpAndMailed() {
    const person = await env.signUp();
    await linkIn(person.email, '/verify-email?token=');
    await eventually(async () => (await outboxOf(person.userId)).length === 0, 'the outbox to empty');
    return person;
  }

  /** The mailer is back; time passes beyond the third retry; the sweep runs as it does every 5 minutes. */
  async function recoverAndSweep(): Promise<void> {
    mailer.refusing = false;
    env.clock.advance(mailRetryDelayMs(3) + 2 * 60_000);
    await sweep();
  }

  beforeAll(async () => {
    database = await ownDatabase();
    env = await startIdentityRuntime(T0, { databaseUrl: database.url });
    mailer = new SwitchableMailer(container().mailer);
    queue = new WatchedQueue(container().queue);
    container().mailer = mailer;
    container().queue = queue;
  }, 120_000);
  // A failed test must not leave the next one with a refusing mailer or queue.
  beforeEach(() => {
    mailer.refusing = false;
    queue.refusing = false;
  });
  afterAll(async () => {
    await env?.stop();
    await database?.drop();
  });

  it('signs up while SES refuses: 201, signed in, and the verification mail goes once it recovers', async () => {
    mailer.refusing = true;
    const { client, email, userId } = await env.signUp(); // throws unless 201
    expect((await client.get<{ emailVerified: boolean }>('/api/users/profile')).body.emailVerified).toBe(
      false,
    );

    const refused = await refusedMailOf(userId, 'verify_email');
    expect(refused.lastError).toContain('MessageRejected');
    expect(refused.nextAttemptAt.getTime()).toBe(env.clock.now().getTime() + mailRetryDelayMs(1));
    expect(await mailsTo(email)).toEqual([]);
    // A retry of the sign-up meets the account that now exists: nothing was half-done.
    const again = await new TestClient(env.runtime.url).post('/api/auth/register', {
      email,
      password: STRONG_PASSWORD,
      firstName: 'Ada',
      lastName: 'Lovelace',
      organizationName: 'Analytical Engines',
      acceptTerms: true,
    });
    expect(again.status).toBe(409);

    await recoverAndSweep();
    const token = await linkIn(email, '/verify-email?token=');
    expect((await client.post('/api/auth/verify-email', { token })).status).toBe(200);
    expect(await mailsTo(email)).toHaveLength(1);
    await eventually(async () => (await outboxOf(userId)).length === 0, 'the sent mail to leave the outbox');
  });

  it('answers forgot-password alike for unknown and known addresses, and sends the refused reset later', async () => {
    const { email, userId } = await signedUpAndMailed();
    nextWindow();
    mailer.refusing = true;
    const anonymous = new TestClient(env.runtime.url);
    const anonymousRequests = async () =>
      (
        await withSystem(db(), (tx) =>
          tx.select().from(auditLogs).where(eq(auditLogs.action, 'password_reset_requested')),
        )
      ).filter((a) => a.userId === null).length;
    const anonymousBefore = await anonymousRequests();
    const before = queue.mailMessages.length;
    const unknown = await anonymous.post('/api/auth/forgot-password', { email: 'nobody-here@example.test' });
    const between = queue.mailMessages.length;
    const known = await anonymous.post('/api/auth/forgot-password', { email });
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(known.body).toEqual(unknown.body);
    expect(known.headers.get('content-type')).toBe(unknown.headers.get('content-type'));
    // The same job message either way: one each, empty for the unknown address.
    expect(queue.mailMessages.slice(before, between)).toEqual([{ mailIds: [] }]);
    const knownMessage = queue.mailMessages[between];
    expect(knownMessage!.mailIds).toHaveLength(1);

    const refused = await refusedMailOf(userId, 'reset_password');
    expect(refused.id).toBe(knownMessage!.mailIds[0]);
    const audited = await withSystem(db(), (tx) =>
      tx.select().from(auditLogs).where(eq(auditLogs.userId, userId)),
    );
    expect(audited.filter((a) => a.action === 'password_reset_requested')).toHaveLength(1);
    // The unknown address wrote too (who asked, not for what): both transactions commit writes.
    expect(await anonymousRequests()).toBe(anonymousBefore + 1);
    // Asking again while it waits brings the same mail forward instead of queueing a second one.
    await anonymous.post('/api/auth/forgot-password', { email });
    const waiting = (await outboxOf(userId)).filter((r) => r.kind === 'reset_password');
    expect(waiting).toHaveLength(1);
    await eventually(async () => {
      const row = await rowById(refused.id);
      return row?.attempts === 2 && row.status === 'pending';
    }, 'the brought-forward second try');

    await recoverAndSweep();
    const token = await linkIn(email, '/reset-password?token=');
    const newPassword = 'reset after the outage, 2031!';
    expect((await anonymous.post('/api/auth/reset-password', { token, password: newPassword })).status).toBe(
      204,
    );
    expect((await anonymous.post('/api/auth/login', { email, password: newPassword })).status).toBe(200);
    expect((await mailsTo(email)).filter((m) => m.text.includes('/reset-password'))).toHaveLength(1);
  });

  it('resend verification while SES refuses: 202, one waiting mail, and a resend after recovery sends it now', async () => {
    const { client, email, userId } = await signedUpAndMailed();
    nextWindow();
    mailer.refusing = true;
    expect((await client.post('/api/auth/resend-verification')).status).toBe(202);
    await refusedMailOf(userId, 'verify_email');
    expect((await client.post('/api/auth/resend-verification')).status).toBe(202);
    const waiting = await outboxOf(userId);
    expect(waiting).toHaveLength(1);
    // The second resend tried it again at once (and was refused again).
    await eventually(async () => {
      const row = await rowById(waiting[0]!.id);
      return row?.attempts === 2 && row.status === 'pending';
    }, 'the second try');

    mailer.refusing = false;
    expect((await client.post('/api/auth/resend-verification')).status).toBe(202);
    const token = await linkIn(email, '/verify-email?token=', 2);
    expect((await client.post('/api/auth/verify-email', { token })).status).toBe(200);
    await eventually(async () => (await outboxOf(userId)).length === 0, 'the sent mail to leave the outbox');
  });

  it('invites while SES refuses: 201, the invitation is listed, and its mail arrives later with a working link', async () => {
    const admin = await env.signUp();
    const token = await linkIn(admin.email, '/verify-email?token=');
    expect((await admin.client.post('/api/auth/verify-email', { token })).status).toBe(200);
    mailer.refusing = true;

    const invitee = `invitee-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const invited = await admin.client.post<{ id: string }>('/api/organizations/members/invite', {
      email: invitee,
      role: 'viewer',
    });
    expect(invited.status).toBe(201);
    const listed = await admin.client.get<{ invitations: Array<{ email: string }> }>(
      '/api/organizations/members',
    );
    expect(listed.body.invitations.map((i) => i.email)).toContain(invitee);
    const row = await eventually(async () => {
      const [found] = await withSystem(db(), (tx) =>
        tx.select().from(mailOutbox).where(eq(mailOutbox.invitationId, invited.body.id)),
      );
      return found && found.attempts >= 1 && found.status === 'pending' && found;
    }, 'the refused invitation mail');
    expect(row).toMatchObject({
      kind: 'invitation',
      status: 'pending',
      organizationId: admin.organizationId,
    });

    await recoverAndSweep();
    const invitation = await linkIn(invitee, '/invitations/');
    const colleague = new TestClient(env.runtime.url);
    const accepted = await colleague.post('/api/invitations/accept', {
      token: invitation,
      password: STRONG_PASSWORD,
      firstName: 'Grace',
      lastName: 'Hopper',
      acceptTerms: true,
    });
    expect(accepted.status).toBe(200);
  });

  it('sends no invitation revoked before its mail went out', async () => {
    const admin = await env.signUp();
    const token = await linkIn(admin.email, '/verify-email?token=');
    expect((await admin.client.post('/api/auth/verify-email', { token })).status).toBe(200);
    mailer.refusing = true;
    const invitee = `revoked-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const invited = await admin.client.post<{ id: string }>('/api/organizations/members/invite', {
      email: invitee,
      role: 'user',
    });
    expect(invited.status).toBe(201);
    const [row] = await eventually(async () => {
      const rows = await withSystem(db(), (tx) =>
        tx.select().from(mailOutbox).where(eq(mailOutbox.invitationId, invited.body.id)),
      );
      return rows[0] && rows[0].attempts >= 1 && rows[0].status === 'pending' && rows;
    }, 'the refused invitation mail');
    expect((await admin.client.delete(`/api/organizations/invitations/${invited.body.id}`)).status).toBe(204);

    await recoverAndSweep();
    await eventually(async () => !(await rowById(row!.id)), 'the revoked invitation mail to be dropped');
    expect(await mailsTo(invitee)).toEqual([]);
  });

  it('deletes an account while SES refuses: 204, and the confirmation reaches the former address later', async () => {
    const { client, email, userId } = await signedUpAndMailed();
    mailer.refusing = true;
    const deleted = await client.delete('/api/users/profile', {
      password: STRONG_PASSWORD,
      confirm: 'DELETE MY ACCOUNT',
    });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(204);
    expect((await client.get('/api/users/profile')).status).toBe(401);
    const [tombstone] = await withSystem(db(), (tx) => tx.select().from(users).where(eq(users.id, userId)));
    expect(tombstone!.email).not.toBe(email);
    const row = await eventually(async () => {
      const [found] = await withSystem(db(), (tx) =>
        tx.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email)),
      );
      return found && found.attempts >= 1 && found.status === 'pending' && found;
    }, 'the refused confirmation');
    expect(row.kind).toBe('account_deleted');

    await recoverAndSweep();
    await eventually(
      async () => (await mailsTo(email)).some((m) => m.subject === 'Your Plume account was deleted'),
      'the confirmation',
    );
    // Sent, so the erased person's address is gone from the outbox too.
    await eventually(async () => !(await rowById(row.id)), 'the sent mail to leave the outbox');
  });

  it('sends a mail once however many times its job is delivered, even concurrently', async () => {
    const { email, userId } = await signedUpAndMailed();
    const mail = new OutgoingMail();
    // Written and committed, but dispatched by nobody: the test delivers the job itself.
    await withSystem(db(), (tx) => mail.write(tx, { kind: 'account_deleted', to: email }, env.clock.now()));
    const [row] = await withSystem(db(), (tx) =>
      tx.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email)),
    );
    const job = { type: SEND_MAIL, mailIds: [row!.id] };
    await Promise.all([
      sendMailJob(job, container()),
      sendMailJob(job, container()),
      sendMailJob(job, container()),
    ]);
    await sendMailJob(job, container());
    expect((await mailsTo(email)).filter((m) => m.subject === 'Your Plume account was deleted')).toHaveLength(
      1,
    );
    expect(await rowById(row!.id)).toBeUndefined();
    expect(await outboxOf(userId)).toEqual([]);
  });

  it('gives up after the last attempt with the reason logged, and a resend then gets through', async () => {
    const { email, userId } = await signedUpAndMailed();
    const logger = captureLogger();
    const quiet = { ...container(), logger, mailer };
    mailer.refusing = true;
    const mail = new OutgoingMail();
    await withSystem(db(), (tx) => mail.write(tx, { kind: 'verify_email', userId }, env.clock.now()));
    const [row] = await outboxOf(userId);

    const outcomes = [];
    for (let attempt = 1; attempt <= MAX_MAIL_ATTEMPTS; attempt += 1) {
      outcomes.push(await deliverMail(quiet, row!.id));
      // Not due yet: a delivery before the backoff has passed sends nothing.
      expect(await deliverMail(quiet, row!.id)).toBe('not_claimed');
      env.clock.advance(mailRetryDelayMs(attempt));
    }
    expect(outcomes).toEqual([...Array<string>(MAX_MAIL_ATTEMPTS - 1).fill('retry'), 'failed']);
    expect(await rowById(row!.id)).toMatchObject({
      status: 'failed',
      attempts: MAX_MAIL_ATTEMPTS,
      lastError: expect.stringContaining('MessageRejected'),
    });
    const givenUp = logger.entries.filter((e) => e.level === 'error');
    expect(givenUp).toHaveLength(1);
    expect(givenUp[0]!.message).toBe('Mail given up');
    expect(givenUp[0]!.extra[0]).toMatchObject({
      kind: 'verify_email',
      reason: expect.stringContaining(SES_REFUSAL),
    });
    // The sweep leaves a failed mail alone...
    await sweep();
    expect((await rowById(row!.id))?.status).toBe('failed');

    // ...and the person, signed in again hours later, asks again once SES works.
    mailer.refusing = false;
    nextWindow();
    const client = new TestClient(env.runtime.url);
    const login = await client.post<{ accessToken: string }>('/api/auth/login', {
      email,
      password: STRONG_PASSWORD,
    });
    expect(login.status).toBe(200);
    client.accessToken = login.body.accessToken;
    expect((await client.post('/api/auth/resend-verification')).status).toBe(202);
    const token = await linkIn(email, '/verify-email?token=', 2);
    expect((await client.post('/api/auth/verify-email', { token })).status).toBe(200);
  });

  it("forgets an erased person's address when their confirmation is given up", async () => {
    const { email } = await signedUpAndMailed();
    mailer.refusing = true;
    const mail = new OutgoingMail();
    await withSystem(db(), (tx) => mail.write(tx, { kind: 'account_deleted', to: email }, env.clock.now()));
    // Its last attempt: the earlier ones are not what this test is about.
    const [row] = await withSystem(db(), (tx) =>
      tx
        .update(mailOutbox)
        .set({ attempts: MAX_MAIL_ATTEMPTS - 1 })
        .where(eq(mailOutbox.toAddress, email))
        .returning(),
    );
    expect(await deliverMail({ ...container(), logger: captureLogger() }, row!.id)).toBe('failed');
    expect(await rowById(row!.id)).toMatchObject({
      kind: 'account_deleted',
      status: 'failed',
      toAddress: null,
      lastError: expect.stringContaining('MessageRejected'),
    });
  });

  it('signs up while the queue refuses the job message, and the sweep sends the mail', async () => {
    queue.refusing = true;
    let signedUp;
    try {
      signedUp = await env.signUp();
    } finally {
      queue.refusing = false;
    }
    const [row] = await outboxOf(signedUp.userId);
    expect(row).toMatchObject({ kind: 'verify_email', status: 'pending', attempts: 0 });
    expect(await mailsTo(signedUp.email)).toEqual([]);

    await recoverAndSweep();
    const token = await linkIn(signedUp.email, '/verify-email?token=');
    expect((await signedUp.client.post('/api/auth/verify-email', { token })).status).toBe(200);
  });

  it('skips a waiting verification once the address is verified', async () => {
    const { email, userId } = await signedUpAndMailed();
    const mail = new OutgoingMail();
    await withSystem(db(), async (tx) => {
      await mail.write(tx, { kind: 'verify_email', userId }, env.clock.now());
      await tx.update(users).set({ emailVerified: true }).where(eq(users.id, userId));
    });
    const [row] = await outboxOf(userId);
    expect(await deliverMail(container(), row!.id)).toBe('skipped');
    expect(await mailsTo(email)).toHaveLength(1);
    expect(await rowById(row!.id)).toBeUndefined();
  });
});
