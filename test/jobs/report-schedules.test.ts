import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../../functions/adapters/local';
import { runDueReportSchedules } from '../../functions/core/analytics/reports/report-schedule-tick';
import { notifications, reports, reportSchedules } from '../../functions/db/schema';
import { withSystem } from '../../functions/db/tenant';
import type { TestClient } from '../support/http-client';
import { startIdentityRuntime } from '../support/identity-runtime';
import { analyticsFixtures } from '../http/analytics/support';

// A Friday; the next Monday 06:00 in Paris (CEST) is 2033-07-04T04:00Z.
const T0 = new Date('2033-07-01T09:00:00.000Z');
type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;
interface Schedule {
  id: string;
  nextRunAt: string;
  recipientUserIds: string[];
  formats: string[];
}

describe('report schedules: created by members, run by the scheduled work, announced to recipients', () => {
  let env: Env;
  let admin: { client: TestClient; userId: string; email: string; organizationId: string };
  let user: { client: TestClient; userId: string; email: string };
  let viewer: TestClient;
  let stranger: { client: TestClient; userId: string };
  let scheduleId: string;

  const tick = (respectMarker = true) =>
    runDueReportSchedules({ ...env.runtime.container, queue: env.runtime.queue }, { respectMarker });

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    env.runtime.scheduler.stop();
    admin = await env.signUp();
    await env.verify(admin.email, admin.client);
    user = await env.addMember(admin.client, 'user');
    viewer = (await env.addMember(admin.client, 'viewer')).client;
    stranger = await env.signUp();
    const { account, published } = analyticsFixtures(env.runtime.container.db);
    const sandbox = await account(admin.organizationId, 'sandbox', 'Bakery');
    // In the week the first run reports on (Mon 2033-06-27 to Sun 2033-07-03, Paris).
    await published(admin.organizationId, sandbox, 'sandbox', '2033-06-28T10:00:00Z', [
      { at: '2033-06-29T10:00:00Z', figures: { impressions: 700, likes: 70 } },
    ]);
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
  });

  it('a user schedules a weekly report for members; its first run is 06:00 next Monday in its zone', async () => {
    const answer = await user.client.post<Schedule>('/api/analytics/report-schedules', {
      name: 'Weekly bakery',
      frequency: 'weekly',
      timeZone: 'Europe/Paris',
      recipientUserIds: [admin.userId, user.userId],
    });
    expect(answer.status).toBe(201);
    expect(answer.body.nextRunAt).toBe('2033-07-04T04:00:00.000Z');
    expect(answer.body.formats).toEqual(['pdf', 'csv']);
    scheduleId = answer.body.id;
    const list = await viewer.get<{ items: Schedule[] }>('/api/analytics/report-schedules');
    expect(list.body.items.map((item) => item.id)).toEqual([scheduleId]);
  });

  it('refuses a recipient who is not a member, a viewer, and bad input; nothing is stored', async () => {
    const body = { name: 'x', frequency: 'monthly', timeZone: 'UTC', recipientUserIds: [admin.userId] };
    const foreign = await user.client.post('/api/analytics/report-schedules', {
      ...body,
      recipientUserIds: [admin.userId, stranger.userId],
    });
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(foreign.body)).toContain(stranger.userId);
    expect((await viewer.post('/api/analytics/report-schedules', body)).status).toBe(403);
    for (const bad of [
      { ...body, frequency: 'daily' },
      { ...body, recipientUserIds: [] },
      { ...body, timeZone: 'Nowhere/Else' },
      { ...body, formats: ['gif'] },
    ]) {
      expect(
        (await user.client.post('/api/analytics/report-schedules', bad)).status,
        JSON.stringify(bad),
      ).toBe(400);
    }
    const list = await viewer.get<{ items: Schedule[] }>('/api/analytics/report-schedules');
    expect(list.body.items).toHaveLength(1);
    // Another organization sees none and cannot delete it.
    expect(
      (await stranger.client.get<{ items: Schedule[] }>('/api/analytics/report-schedules')).body.items,
    ).toEqual([]);
    expect((await stranger.client.delete(`/api/analytics/report-schedules/${scheduleId}`)).status).toBe(404);
  });

  it('a user deletes a schedule; a viewer may not', async () => {
    const extra = await user.client.post<Schedule>('/api/analytics/report-schedules', {
      name: 'Monthly',
      frequency: 'monthly',
      timeZone: 'UTC',
      recipientUserIds: [user.userId],
    });
    expect((await viewer.delete(`/api/analytics/report-schedules/${extra.body.id}`)).status).toBe(403);
    expect((await user.client.delete(`/api/analytics/report-schedules/${extra.body.id}`)).status).toBe(204);
    expect((await user.client.delete(`/api/analytics/report-schedules/${extra.body.id}`)).status).toBe(404);
  });

  it('leaves the database alone until the first run is due (the marker), then makes the week just ended', async () => {
    expect(await tick()).toMatchObject({ skipped: true, created: 0 });
    env.clock.set(new Date('2033-07-04T04:30:00Z'));
    const run = await tick();
    expect(run).toMatchObject({ skipped: false, created: 1 });
    expect(run.nextDueAt.toISOString()).toBe('2033-07-11T04:00:00.000Z');
    // Due again only next Monday: the next scheduled work reads nothing.
    expect(await tick()).toMatchObject({ skipped: true, created: 0 });
    await env.runtime.queue.drained();

    const db = env.runtime.container.db;
    const [report] = await withSystem(db, (tx) =>
      tx.select().from(reports).where(eq(reports.scheduleId, scheduleId)),
    );
    expect(report).toMatchObject({ status: 'completed', name: 'Weekly bakery (2033-06-27 to 2033-07-03)' });
    expect(report!.parameters).toMatchObject({
      from: '2033-06-27',
      to: '2033-07-03',
      timeZone: 'Europe/Paris',
    });
    expect(report!.files.map((file) => file.format)).toEqual(['pdf', 'csv']);
    const [schedule] = await withSystem(db, (tx) =>
      tx.select().from(reportSchedules).where(eq(reportSchedules.id, scheduleId)),
    );
    expect(schedule!.nextRunAt.toISOString()).toBe('2033-07-11T04:00:00.000Z');

    const told = await withSystem(db, (tx) =>
      tx
        .select({ userId: notifications.userId, title: notifications.title, data: notifications.data })
        .from(notifications)
        .where(
          and(eq(notifications.type, 'report.ready'), eq(notifications.organizationId, admin.organizationId)),
        ),
    );
    expect(told.map((row) => row.userId).sort()).toEqual([admin.userId, user.userId].sort());
    expect(told[0]!.data).toEqual({ reportId: report!.id });
    // Email is on by default for report.ready.
    const mail = await readOutbox(env.dataDir, admin.email);
    expect(mail.some((message) => message.subject.startsWith('Report ready: Weekly bakery'))).toBe(true);
  });
});
