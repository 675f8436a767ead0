import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Container } from '../../functions/adapters/container';
import { readOutbox } from '../../functions/adapters/local';
import {
  EMAIL_CLAIM_TIMEOUT_MS,
  MAX_EMAIL_ATTEMPTS,
} from '../../functions/core/notifications/deliver-notification-emails';
import { DELIVER_NOTIFICATION_EMAILS } from '../../functions/core/notifications/email-outbox';
import { notifyPostTarget } from '../../functions/core/notifications/post-notifications';
import type { Mailer } from '../../functions/core/ports';
import { notifications, organizationMembers } from '../../functions/db/schema';
import { withSystem } from '../../functions/db/tenant';
import { deliverNotificationEmailsJob } from '../../functions/jobs/deliver-notification-emails';
// The publishing and mail sweep alone: the scheduled run also queues metrics syncs for every
// account of the shared test database, which is not this file's business.
import { runSweep } from '../../functions/jobs/sweep';
import type { TestClient } from '../support/http-client';
import { startIdentityRuntime } from '../support/identity-runtime';

const sweep = () => runSweep();

// Earlier than every other file's clock: this file runs the whole sweep, which must never see
// another file's targets or emails as late (a sweep only acts on what is older than its clock).
const T0 = new Date('1999-05-03T07:00:00.000Z');

type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;

describe('notification emails (local runtime, outbox mailer)', () => {
  let env: Env;
  let author: TestClient;
  let authorId: string;
  let authorEmail: string;
  let organizationId: string;
  let accountId: string;

  const db = () => env.runtime.container.db;
  const container = (): Container => env.runtime.container;
  const mailsTo = (email: string) => readOutbox(env.dataDir, email);
  const rowOf = async (id: string) =>
    (await withSystem(db(), (tx) => tx.select().from(notifications).where(eq(notifications.id, id))))[0]!;
  const deliver = (ids: string[], using: Container = container()) =>
    deliverNotificationEmailsJob({ type: DELIVER_NOTIFICATION_EMAILS, notificationIds: ids }, using);

  /**
   * A `post.failed` notification written the way the publisher writes it, in a transaction whose
   * pending emails nobody enqueues: the test decides when a delivery job runs (or the sweep finds it).
   */
  async function failedNote(userId: string, title = 'Not published to Sandbox'): Promise<string> {
    const postId = crypto.randomUUID();
    await withSystem(db(), (tx) =>
      notifyPostTarget(tx, {
        organizationId,
        userId,
        type: 'post.failed',
        title,
        body: 'The network said no.',
        postId,
        targetId: crypto.randomUUID(),
      }),
    );
    const [row] = await withSystem(db(), (tx) =>
      tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.link, `/posts/${postId}`))),
    );
    return row!.id;
  }

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    ({ client: author, userId: authorId, organizationId, email: authorEmail } = first);
    await env.verify(authorEmail, author);
    const connected = await author.post<{ account: { id: string } }>('/api/social-accounts/connect', {
      platform: 'sandbox',
      identifier: `mails-${crypto.randomUUID().slice(0, 8)}`,
    });
    expect(connected.status).toBe(201);
    accountId = connected.body.account.id;
  }, 60_000);
  afterAll(async () => env?.stop());

  it('mails a failed post once, after the publisher commits, with its link and the preferences link', async () => {
    const before = (await mailsTo(authorEmail)).length;
    const created = await author.post<{ id: string }>('/api/posts', {
      content: 'Refused by the network #fail-permanent',
      targets: [{ socialAccountId: accountId }],
    });
    expect(created.status).toBe(201);
    expect((await author.post(`/api/posts/${created.body.id}/publish`)).status).toBe(202);
    await env.runtime.queue.drained();

    const mails = (await mailsTo(authorEmail)).slice(before);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.subject).toMatch(/^Not published to .+ \(Analytical Engines\)$/);
    expect(mail!.text).toContain(`${env.runtime.url}/posts/${created.body.id}`);
    expect(mail!.text).toContain(`${env.runtime.url}/notifications`);
    expect(mail!.html).toContain(`href="${env.runtime.url}/posts/${created.body.id}"`);
    const [row] = await withSystem(db(), (tx) =>
      tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, authorId), eq(notifications.link, `/posts/${created.body.id}`))),
    );
    expect(row).toMatchObject({ type: 'post.failed', inApp: true, emailStatus: 'sent', emailAttempts: 1 });
    expect(row!.emailedAt).toEqual(env.clock.now());
    // Delivered again (SQS redelivery): nothing more is sent.
    await deliver([row!.id]);
    expect((await mailsTo(authorEmail)).slice(before)).toHaveLength(1);
  });

  it('sends once when the same job runs twice and concurrently', async () => {
    const id = await failedNote(authorId, 'Twice <b>bold</b> & "quoted"');
    expect((await rowOf(id)).emailStatus).toBe('pending');
    const before = (await mailsTo(authorEmail)).length;
    await Promise.all([deliver([id]), deliver([id]), deliver([id])]);
    await deliver([id]);
    const mails = (await mailsTo(authorEmail)).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.html).toContain('Twice &#60;b&#62;bold&#60;/b&#62; &#38; &#34;quoted&#34;');
    expect(mails[0]!.html).not.toContain('<b>bold');
    expect(await rowOf(id)).toMatchObject({ emailStatus: 'sent', emailAttempts: 1 });
  });

  it('mails nobody who turned email off, before or after the notification was written', async () => {
    const before = (await mailsTo(authorEmail)).length;
    const pendingThenOff = await failedNote(authorId);
    const off = await author.put('/api/notifications/settings', {
      preferences: { 'post.failed': { email: false } },
    });
    expect(off.status).toBe(200);
    const neverPending = await failedNote(authorId);
    expect((await rowOf(neverPending)).emailStatus).toBeNull();
    await deliver([pendingThenOff, neverPending]);
    expect(await mailsTo(authorEmail)).toHaveLength(before);
    expect((await rowOf(pendingThenOff)).emailStatus).toBe('skipped');
    expect((await rowOf(neverPending)).emailStatus).toBeNull();
    await author.put('/api/notifications/settings', { preferences: { 'post.failed': { email: true } } });
  });

  it('skips a member removed before the mail went out', async () => {
    const member = await env.addMember(author, 'user');
    const id = await failedNote(member.userId);
    expect((await rowOf(id)).emailStatus).toBe('pending');
    const [membership] = await withSystem(db(), (tx) =>
      tx
        .select({ id: organizationMembers.id })
        .from(organizationMembers)
        .where(
          and(
            eq(organizationMembers.userId, member.userId),
            eq(organizationMembers.organizationId, organizationId),
          ),
        ),
    );
    expect((await author.delete(`/api/organizations/members/${membership!.id}`)).status).toBe(204);
    await deliver([id]);
    expect((await rowOf(id)).emailStatus).toBe('skipped');
    expect((await mailsTo(member.email)).filter((m) => m.subject.startsWith('Not published'))).toHaveLength(
      0,
    );
  });

  it('leaves a failed send for retry, sends once later, and gives up after the last attempt', async () => {
    let calls = 0;
    const broken: Mailer = {
      send: async () => {
        calls += 1;
        throw new Error('SES is down');
      },
    };
    const withBrokenMailer = { ...container(), mailer: broken };
    const id = await failedNote(authorId);
    const before = (await mailsTo(authorEmail)).length;
    await expect(deliver([id], withBrokenMailer)).rejects.toThrow(id);
    expect(calls).toBe(1);
    expect(await rowOf(id)).toMatchObject({ emailStatus: 'pending', emailAttempts: 1 });
    await deliver([id]);
    await deliver([id]);
    expect((await mailsTo(authorEmail)).slice(before)).toHaveLength(1);
    expect(await rowOf(id)).toMatchObject({ emailStatus: 'sent', emailAttempts: 2 });

    const doomed = await failedNote(authorId);
    for (let attempt = 1; attempt < MAX_EMAIL_ATTEMPTS; attempt += 1)
      await expect(deliver([doomed], withBrokenMailer)).rejects.toThrow();
    // The last attempt marks it failed and stops asking the queue for more.
    await deliver([doomed], withBrokenMailer);
    expect(await rowOf(doomed)).toMatchObject({ emailStatus: 'failed', emailAttempts: MAX_EMAIL_ATTEMPTS });
    await deliver([doomed]);
    expect((await mailsTo(authorEmail)).slice(before)).toHaveLength(1);
  });

  it('the sweep re-enqueues a pending email whose job was lost, and a claim abandoned by a dead sender', async () => {
    const lost = await failedNote(authorId, 'Lost job');
    const abandoned = await failedNote(authorId, 'Dead sender');
    // Rows take the database's time; the sweep reads the manual clock. Align them, as in production.
    await withSystem(db(), (tx) =>
      tx
        .update(notifications)
        .set({ createdAt: env.clock.now() })
        .where(inArray(notifications.id, [lost, abandoned])),
    );
    // A sender claimed this one and died before sending.
    await withSystem(db(), (tx) =>
      tx
        .update(notifications)
        .set({ emailStatus: 'sending', emailClaimedAt: env.clock.now(), emailAttempts: 1 })
        .where(eq(notifications.id, abandoned)),
    );
    const before = (await mailsTo(authorEmail)).length;

    // Too early: the publisher's own job may still be on its way, the claim may still be alive.
    await sweep();
    await env.runtime.queue.drained();
    expect(await mailsTo(authorEmail)).toHaveLength(before);

    env.clock.advance(6 * 60_000);
    await sweep();
    await env.runtime.queue.drained();
    expect((await mailsTo(authorEmail)).slice(before).map((m) => m.subject.split(' (')[0])).toEqual([
      'Lost job',
    ]);
    expect((await rowOf(abandoned)).emailStatus).toBe('sending');

    env.clock.advance(EMAIL_CLAIM_TIMEOUT_MS);
    await sweep();
    await env.runtime.queue.drained();
    expect((await mailsTo(authorEmail)).slice(before).map((m) => m.subject.split(' (')[0])).toEqual([
      'Lost job',
      'Dead sender',
    ]);
    expect(await rowOf(abandoned)).toMatchObject({ emailStatus: 'sent', emailAttempts: 2 });
    expect(await rowOf(lost)).toMatchObject({ emailStatus: 'sent', emailAttempts: 1 });
  });
});
