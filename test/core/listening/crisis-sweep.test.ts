import { and, count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../../../functions/adapters/local';
import { seedSandboxHistory } from '../../../functions/core/sandbox-history';
import { HOLDING_STATEMENT } from '../../../functions/core/listening/crisis-response';
import {
  agentAlerts,
  mentions,
  notifications,
  postReviews,
  posts,
  socialAccounts,
} from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { HISTORY_DEFAULTS, type HistoryGroundTruth } from '../../../functions/platforms/sandbox/history';
import { startIdentityRuntime } from '../../support/identity-runtime';
import { listeningSweep } from './listening-sweep';

/**
 * The crisis manager on the real sweep path: a Sandbox history with a planted crisis, whose
 * mentions the organization has not stored yet (they exist only on the Sandbox network), is
 * read by the mentions reads the sweep queues, judged by the hourly crisis check the next sweep
 * queues once the reads are in, and raises one alert and one notification per admin and
 * manager; further sweeps, in the same hour and the next, raise nothing more.
 */

// The history ends 2033-03-20; its planted crisis runs from 2033-03-10T07:00Z for 36 hours.
const HISTORY_END = new Date('2033-03-20T00:00:00.000Z');
const CRISIS_FROM = new Date('2033-03-10T07:00:00.000Z');
// Seven hours into the crisis (the bench finds it within three).
const T0 = new Date(CRISIS_FROM.getTime() + 7 * 3_600_000 + 10 * 60_000);

type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;

describe('crisis manager on the sweep: Sandbox mentions read, one alert, told once', () => {
  let env: Env;
  let organizationId: string;
  let adminId: string;
  let adminEmail: string;
  let managerId: string;
  let viewerId: string;
  let truth: HistoryGroundTruth;

  const sweep = async () => {
    await listeningSweep(env.runtime, organizationId);
    await env.runtime.queue.drained();
  };
  const crisisAlerts = () =>
    withSystem(env.runtime.container.db, (tx) =>
      tx
        .select()
        .from(agentAlerts)
        .where(and(eq(agentAlerts.organizationId, organizationId), eq(agentAlerts.kind, 'crisis'))),
    );
  const crisisNotifications = () =>
    withSystem(env.runtime.container.db, (tx) =>
      tx
        .select({
          userId: notifications.userId,
          severity: notifications.severity,
          email: notifications.emailStatus,
        })
        .from(notifications)
        .where(and(eq(notifications.organizationId, organizationId), eq(notifications.type, 'crisis.alert'))),
    );

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    env.runtime.scheduler.stop();
    const admin = await env.signUp();
    await env.verify(admin.email, admin.client);
    organizationId = admin.organizationId;
    adminId = admin.userId;
    adminEmail = admin.email;
    managerId = (await env.addMember(admin.client, 'manager')).userId;
    viewerId = (await env.addMember(admin.client, 'viewer')).userId;
    const { db, crypto, ids, media } = env.runtime.container;
    const seeded = await seedSandboxHistory(
      { db, crypto, ids, media },
      {
        ...HISTORY_DEFAULTS,
        organizationId,
        userId: adminId,
        brand: 'Northwind',
        slug: `crisis-${Math.random().toString(36).slice(2, 8)}`,
        months: 3,
        accounts: 1,
        postsPerWeek: 1,
        competitors: 0,
        mentionsPerDay: 12,
        seed: '7',
        now: HISTORY_END,
        publicUrl: env.runtime.url,
        raisePlanLimit: true,
      },
    );
    truth = seeded.groundTruth;
    // The seeder also stores the mentions for the benches; here they must come from the network.
    await withSystem(db, (tx) => tx.delete(mentions).where(eq(mentions.organizationId, organizationId)));
  }, 240_000);

  afterAll(async () => {
    await env?.stop();
  });

  it('plants the crisis where the test expects it', () => {
    expect(truth.crisis?.from).toBe(CRISIS_FROM.toISOString());
  });

  it('the first sweep reads the account’s mentions up to now, each once, scored; no crisis check before they are in', async () => {
    await sweep();
    const { db } = env.runtime.container;
    const [stored] = await withSystem(db, (tx) =>
      tx.select({ n: count() }).from(mentions).where(eq(mentions.organizationId, organizationId)),
    );
    // Everything planted up to the clock's now (later ones do not exist yet), over several bounded runs.
    const [account] = await withSystem(db, (tx) =>
      tx.select().from(socialAccounts).where(eq(socialAccounts.organizationId, organizationId)),
    );
    expect(stored!.n).toBeGreaterThan(500);
    expect(account!.mentionsCursor).toMatch(/^2033-03-10T1[0-4]:/);
    expect(account!.mentionsSyncError).toBeNull();
    // Scored by the sentiment core as they were stored (the planted texts are English).
    const scored = await withSystem(db, (tx) =>
      tx
        .select({ n: count() })
        .from(mentions)
        .where(and(eq(mentions.organizationId, organizationId), isNotNull(mentions.sentimentLabel))),
    );
    expect(scored[0]!.n).toBe(stored!.n);
    expect(await crisisAlerts()).toHaveLength(0);
  });

  it('the next sweep judges the hour: one crisis alert, one notification for the admin and one for the manager', async () => {
    env.clock.advance(5 * 60_000);
    await sweep();
    const alerts = await crisisAlerts();
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert).toMatchObject({ agentType: 'crisis_manager', severity: 'error', status: 'open' });
    expect(alert!.startedAt.getTime()).toBeGreaterThanOrEqual(CRISIS_FROM.getTime() - 3 * 3_600_000);
    expect(alert!.startedAt.getTime()).toBeLessThan(T0.getTime());
    expect(alert!.details).toMatchObject({ level: 'crisis' });
    expect((alert!.details.samples as unknown[]).length).toBeGreaterThan(0);
    const told = await crisisNotifications();
    expect(told.map((n) => n.userId).sort()).toEqual([adminId, managerId].sort());
    expect(told.every((n) => n.severity === 'error')).toBe(true);
    expect(told.map((n) => n.userId)).not.toContain(viewerId);
    // The admin verified an address, so the alert was mailed too (crisis.alert mails by default).
    expect(told.find((n) => n.userId === adminId)?.email).not.toBeNull();
    const mailed = (await readOutbox(env.dataDir, adminEmail)).filter((m) =>
      m.subject.startsWith('Possible crisis'),
    );
    expect(mailed).toHaveLength(1);
    expect(mailed[0]!.text).toContain('/agents/alerts?id=');
  });

  it('drafts a holding statement awaiting approval, linked from the alert and its sampled mentions', async () => {
    const [alert] = await crisisAlerts();
    const responsePostId = alert!.details.responsePostId as string;
    expect(typeof responsePostId).toBe('string');
    const db = env.runtime.container.db;
    const [post] = await withSystem(db, (tx) => tx.select().from(posts).where(eq(posts.id, responsePostId)));
    expect(post).toMatchObject({
      organizationId,
      content: HOLDING_STATEMENT,
      approvalStatus: 'in_review',
      aiGenerated: true,
      aiAgentId: 'crisis_manager',
      userId: null,
    });
    const reviews = await withSystem(db, (tx) =>
      tx.select().from(postReviews).where(eq(postReviews.postId, responsePostId)),
    );
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.comment).toContain(`alert ${alert!.id}`);
    const sampleIds = (alert!.details.samples as Array<{ id: string }>).map((m) => m.id);
    const linked = await withSystem(db, (tx) =>
      tx
        .select({ id: mentions.id })
        .from(mentions)
        .where(and(eq(mentions.organizationId, organizationId), eq(mentions.responsePostId, responsePostId))),
    );
    expect(linked.map((m) => m.id).sort()).toEqual([...sampleIds].sort());
    const reviewers = await withSystem(db, (tx) =>
      tx
        .select({ userId: notifications.userId })
        .from(notifications)
        .where(
          and(
            eq(notifications.organizationId, organizationId),
            eq(notifications.type, 'post.review_requested'),
          ),
        ),
    );
    expect(reviewers.map((n) => n.userId).sort()).toEqual([adminId, managerId].sort());
  });

  it('sweeps again in the same hour, two at once, and an hour later: still one alert, nobody told twice', async () => {
    await sweep();
    await Promise.all([
      listeningSweep(env.runtime, organizationId),
      listeningSweep(env.runtime, organizationId),
    ]);
    await env.runtime.queue.drained();
    env.clock.advance(60 * 60_000);
    await sweep();
    await sweep();
    expect(await crisisAlerts()).toHaveLength(1);
    expect(await crisisNotifications()).toHaveLength(2);
    // One drafted answer for the episode, however often it is judged again.
    const drafted = await withSystem(env.runtime.container.db, (tx) =>
      tx
        .select({ n: count() })
        .from(posts)
        .where(and(eq(posts.organizationId, organizationId), eq(posts.aiAgentId, 'crisis_manager'))),
    );
    expect(drafted[0]!.n).toBe(1);
    expect(typeof (await crisisAlerts())[0]!.details.responsePostId).toBe('string');
    const mailed = (await readOutbox(env.dataDir, adminEmail)).filter((m) =>
      m.subject.startsWith('Possible crisis'),
    );
    expect(mailed).toHaveLength(1);
  });

  it('resolves the alert once the crisis has been quiet long enough', async () => {
    // The planted crisis ends at 2033-03-11T19:00Z; six quiet hours clear it.
    env.clock.set(new Date('2033-03-12T12:05:00.000Z'));
    await sweep();
    await sweep();
    const [alert] = await crisisAlerts();
    expect(alert!.status).toBe('resolved');
    expect(alert!.resolvedAt).not.toBeNull();
    expect(await crisisNotifications()).toHaveLength(2);
  });
});
