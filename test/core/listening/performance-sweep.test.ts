import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSandboxHistory } from '../../../functions/core/sandbox-history';
import { agentAlerts, notifications } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { HISTORY_DEFAULTS, type HistoryGroundTruth } from '../../../functions/platforms/sandbox/history';
import { startIdentityRuntime } from '../../support/identity-runtime';
import { listeningSweep } from './listening-sweep';

/**
 * The performance tracker on the real sweep path: a Sandbox history whose second account loses
 * more than half its followers on a planted day. The first sweep past 07:00 UTC the day after
 * raises that anomaly (an alert keyed by account, metric and day) and tells the admin and the
 * manager; more sweeps that day, two at once, tell nobody again. On the Monday after, the week's
 * summary is sent once.
 */

const HISTORY_END = new Date('2033-03-20T00:00:00.000Z');
const DAY = 86_400_000;
type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;

describe('performance tracker on the sweep: the planted follower drop told once, the weekly summary once', () => {
  let env: Env;
  let organizationId: string;
  let adminId: string;
  let managerId: string;
  let truth: HistoryGroundTruth;

  const sweep = async () => {
    await listeningSweep(env.runtime, organizationId);
    await env.runtime.queue.drained();
  };
  const alerts = (kind: string) =>
    withSystem(env.runtime.container.db, (tx) =>
      tx
        .select()
        .from(agentAlerts)
        .where(and(eq(agentAlerts.organizationId, organizationId), eq(agentAlerts.kind, kind))),
    );
  const told = (type: string) =>
    withSystem(env.runtime.container.db, (tx) =>
      tx
        .select({
          userId: notifications.userId,
          severity: notifications.severity,
          title: notifications.title,
          data: notifications.data,
        })
        .from(notifications)
        .where(and(eq(notifications.organizationId, organizationId), eq(notifications.type, type))),
    );

  beforeAll(async () => {
    env = await startIdentityRuntime(new Date('2033-01-01T08:00:00.000Z'));
    env.runtime.scheduler.stop();
    const admin = await env.signUp();
    await env.verify(admin.email, admin.client);
    organizationId = admin.organizationId;
    adminId = admin.userId;
    managerId = (await env.addMember(admin.client, 'manager')).userId;
    await env.addMember(admin.client, 'user');
    const { db, crypto, ids, media } = env.runtime.container;
    truth = (
      await seedSandboxHistory(
        { db, crypto, ids, media },
        {
          ...HISTORY_DEFAULTS,
          organizationId,
          userId: adminId,
          brand: 'Northwind',
          slug: `perf-${Math.random().toString(36).slice(2, 8)}`,
          months: 4,
          accounts: 2,
          postsPerWeek: 2,
          competitors: 0,
          mentionsPerDay: 0,
          seed: '11',
          now: HISTORY_END,
          publicUrl: env.runtime.url,
          raisePlanLimit: true,
        },
      )
    ).groundTruth;
  }, 240_000);

  afterAll(async () => {
    await env?.stop();
  });

  it('the day after the planted drop: one anomaly on the dropped account’s followers, told to the admin and the manager', async () => {
    const drop = truth.drop!;
    const dropDay = new Date(drop.at);
    env.clock.set(new Date(dropDay.getTime() + DAY + 8 * 3_600_000));
    await sweep();
    const raised = await alerts('anomaly');
    const followers = raised.filter((a) => (a.details as { metric?: string }).metric === 'followers');
    expect(followers).toHaveLength(1);
    expect(followers[0]).toMatchObject({
      agentType: 'performance_tracker',
      socialAccountId: drop.socialAccountId,
      dedupeKey: `anomaly:${drop.socialAccountId}:followers:${drop.at.slice(0, 10)}`,
    });
    expect(['warning', 'error']).toContain(followers[0]!.severity);
    expect(followers[0]!.title).toMatch(/followers unusually low/);
    const notes = await told('performance.anomaly');
    const aboutFollowers = notes.filter((n) => n.title === followers[0]!.title);
    expect(aboutFollowers.map((n) => n.userId).sort()).toEqual([adminId, managerId].sort());
  });

  it('sweeping again that day, and two at once, tells nobody again', async () => {
    const before = (await told('performance.anomaly')).length;
    const alertsBefore = (await alerts('anomaly')).length;
    env.clock.advance(2 * 3_600_000);
    await sweep();
    await Promise.all([
      listeningSweep(env.runtime, organizationId),
      listeningSweep(env.runtime, organizationId),
    ]);
    await env.runtime.queue.drained();
    expect((await told('performance.anomaly')).length).toBe(before);
    expect((await alerts('anomaly')).length).toBe(alertsBefore);
  });

  it('on the Monday after, the week’s summary is sent once', async () => {
    // The drop's day after may itself have been a Monday, with a summary of its own week.
    const summariesBefore = (await alerts('summary')).length;
    const sentBefore = (await told('performance.summary')).length;
    const now = env.clock.now();
    const untilMonday = ((1 - now.getUTCDay() + 7) % 7 || 7) * DAY;
    const monday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + untilMonday;
    env.clock.set(new Date(monday + 9 * 3_600_000));
    await sweep();
    await sweep();
    const sunday = new Date(monday - DAY).toISOString().slice(0, 10);
    const summaries = (await alerts('summary')).filter((a) => a.dedupeKey === `summary:${sunday}`);
    expect(summaries).toHaveLength(1);
    expect((await alerts('summary')).length).toBe(summariesBefore + 1);
    expect(summaries[0]!.status).toBe('resolved');
    const sent = (await told('performance.summary')).filter((n) => n.data?.alertId === summaries[0]!.id);
    expect((await told('performance.summary')).length).toBe(sentBefore + 2);
    expect(sent.map((n) => n.userId).sort()).toEqual([adminId, managerId].sort());
    expect(sent.every((n) => n.severity === 'info')).toBe(true);
  });
});
