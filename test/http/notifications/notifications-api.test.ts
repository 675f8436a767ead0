import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../../../functions/adapters/local';
import { auditLogs, notifications, notificationSettings } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { notificationsContracts } from '../../../functions/shared/contracts/notifications';
import type { TestClient } from '../../support/http-client';
import { startIdentityRuntime } from '../../support/identity-runtime';

// Far from other files' clocks, so no other sweep sees these targets.
const T0 = new Date('2033-06-14T10:00:00.000Z');

type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;
interface Note {
  id: string;
  type: string;
  severity: string;
  title: string;
  body: string | null;
  link: string | null;
  data: Record<string, unknown> | null;
  readAt: string | null;
  createdAt: string;
}
interface NoteList {
  items: Note[];
  page: number;
  pageSize: number;
  total: number;
  unreadCount: number;
}
interface Settings {
  preferences: { type: string; label: string; description: string; inApp: boolean; email: boolean }[];
}

const CATALOGUE = [
  'post.published',
  'post.failed',
  'post.unconfirmed',
  'post.missed',
  'post.waiting',
  'account.needs_reauth',
  'report.ready',
  'post.review_requested',
  'post.approved',
  'post.changes_requested',
  'post.commented',
  'crisis.alert',
  'performance.anomaly',
  'performance.summary',
];

describe('notifications API (real publisher, Sandbox network)', () => {
  let env: Env;
  let author: TestClient;
  let authorId: string;
  let organizationId: string;
  let colleague: TestClient;
  let viewer: TestClient;
  let viewerId: string;
  let stranger: TestClient;
  let accountId: string;
  let authorEmail: string;

  const db = () => env.runtime.container.db;
  const list = (client: TestClient, query = '') => client.get<NoteList>(`/api/notifications${query}`);
  const rowsOf = (userId: string, type?: string) =>
    withSystem(db(), (tx) =>
      tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), type ? eq(notifications.type, type) : undefined)),
    );

  /** Publishes now through the API and waits for the publish queue to finish the job. */
  async function publish(content: string): Promise<string> {
    const created = await author.post<{ id: string }>('/api/posts', {
      content,
      targets: [{ socialAccountId: accountId }],
    });
    expect(created.status).toBe(201);
    const accepted = await author.post(`/api/posts/${created.body.id}/publish`);
    expect(accepted.status).toBe(202);
    await env.runtime.queue.drained();
    return created.body.id;
  }

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    ({ client: author, userId: authorId, organizationId, email: authorEmail } = first);
    await env.verify(first.email, author);
    colleague = (await env.addMember(author, 'user')).client;
    ({ client: viewer, userId: viewerId } = await env.addMember(author, 'viewer'));
    stranger = (await env.signUp()).client;
    const connected = await author.post<{ account: { id: string } }>('/api/social-accounts/connect', {
      platform: 'sandbox',
      identifier: `notes-${crypto.randomUUID().slice(0, 8)}`,
    });
    expect(connected.status).toBe(201);
    accountId = connected.body.account.id;
  }, 60_000);
  afterAll(async () => env?.stop());

  let publishedPostId: string;
  let failedPostId: string;

  it('tells the author about a published and a failed post, newest first', async () => {
    publishedPostId = await publish('Hello from the notifications suite');
    failedPostId = await publish('This one is refused #fail-permanent');

    const answer = await list(author);
    expect(answer.status).toBe(200);
    // The answers hold to the documented contract the dashboard's typed client is generated from.
    expect(() => notificationsContracts.listNotifications!.response!.parse(answer.body)).not.toThrow();
    expect(answer.body).toMatchObject({ page: 1, pageSize: 20, total: 2, unreadCount: 2 });
    const [failed, published] = answer.body.items;
    expect(failed).toMatchObject({
      type: 'post.failed',
      severity: 'error',
      link: `/posts/${failedPostId}`,
      readAt: null,
      data: expect.objectContaining({ postId: failedPostId, platform: 'sandbox' }),
    });
    expect(published).toMatchObject({
      type: 'post.published',
      severity: 'success',
      link: `/posts/${publishedPostId}`,
      readAt: null,
    });
    expect(Date.parse(failed!.createdAt)).toBeGreaterThanOrEqual(Date.parse(published!.createdAt));
    // Only the author hears about their posts.
    expect((await list(colleague)).body).toMatchObject({ items: [], total: 0, unreadCount: 0 });
  });

  it('pages, filters read/unread, marks one read idempotently, marks all, deletes', async () => {
    for (let i = 0; i < 3; i += 1) await publish(`Batch post ${i}`);
    const pages = await Promise.all([1, 2, 3].map((page) => list(author, `?pageSize=2&page=${page}`)));
    expect(pages.map((p) => p.body.items.length)).toEqual([2, 2, 1]);
    expect(pages.every((p) => p.body.total === 5 && p.body.unreadCount === 5)).toBe(true);
    const ids = pages.flatMap((p) => p.body.items.map((n) => n.id));
    expect(new Set(ids).size).toBe(5);
    const times = pages.flatMap((p) => p.body.items.map((n) => Date.parse(n.createdAt)));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const target = ids[2]!;
    const first = await author.put<Note>(`/api/notifications/${target}/read`);
    expect(first.status).toBe(200);
    expect(() => notificationsContracts.markNotificationRead!.response!.parse(first.body)).not.toThrow();
    expect(first.body.id).toBe(target);
    expect(first.body.readAt).toBe(env.clock.now().toISOString());
    env.clock.advance(5_000);
    const again = await author.put<Note>(`/api/notifications/${target}/read`);
    expect(again.status).toBe(200);
    expect(again.body.readAt).toBe(first.body.readAt);

    const unread = await list(author, '?unread=true');
    expect(unread.body).toMatchObject({ total: 4, unreadCount: 4 });
    expect(unread.body.items.map((n) => n.id)).not.toContain(target);
    const read = await list(author, '?unread=false');
    expect(read.body).toMatchObject({ total: 1, unreadCount: 4 });
    expect(read.body.items[0]!.id).toBe(target);
    expect((await list(author, '?unread=maybe')).status).toBe(400);
    expect((await list(author, '?pageSize=101')).status).toBe(400);

    const all = await author.post<{ updated: number }>('/api/notifications/mark-all-read');
    expect(all.body).toEqual({ updated: 4 });
    expect((await author.post<{ updated: number }>('/api/notifications/mark-all-read')).body).toEqual({
      updated: 0,
    });
    const allRead = await list(author);
    expect(allRead.body.unreadCount).toBe(0);
    expect(allRead.body.items.find((n) => n.id === target)!.readAt).toBe(first.body.readAt);
    expect(allRead.body.items.filter((n) => n.id !== target).map((n) => n.readAt)).toEqual(
      Array(4).fill(env.clock.now().toISOString()),
    );

    const removed = await author.delete(`/api/notifications/${ids[4]}`);
    expect(removed.status).toBe(204);
    expect((await author.delete(`/api/notifications/${ids[4]}`)).status).toBe(404);
    expect((await rowsOf(authorId)).map((n) => n.id)).not.toContain(ids[4]);
    expect((await list(author)).body.total).toBe(4);
  });

  it('lets nobody else see, read or delete a person’s notifications (404), and refuses malformed ids', async () => {
    await withSystem(db(), (tx) =>
      tx.update(notifications).set({ readAt: null }).where(eq(notifications.userId, authorId)),
    );
    const mine = (await list(author)).body.items[0]!;
    for (const other of [colleague, stranger]) {
      expect((await list(other)).body.items.map((n) => n.id)).not.toContain(mine.id);
      expect((await other.put(`/api/notifications/${mine.id}/read`)).status).toBe(404);
      expect((await other.delete(`/api/notifications/${mine.id}`)).status).toBe(404);
      expect((await other.post<{ updated: number }>('/api/notifications/mark-all-read')).body.updated).toBe(
        0,
      );
    }
    expect((await author.put(`/api/notifications/${crypto.randomUUID()}/read`)).status).toBe(404);
    const untouched = (await rowsOf(authorId)).find((n) => n.id === mine.id);
    expect(untouched?.readAt).toBeNull();
    expect((await list(author)).body.unreadCount).toBe(4);

    const malformed = await author.put<{ code: string; errors: { field: string }[] }>(
      '/api/notifications/not-a-uuid/read',
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e) => e.field)).toEqual(['params.id']);
    expect((await author.delete('/api/notifications/123')).status).toBe(400);
  });

  it('lets a viewer manage their own notifications and settings', async () => {
    const [row] = await withSystem(db(), (tx) =>
      tx
        .insert(notifications)
        .values({ organizationId, userId: viewerId, type: 'account.needs_reauth', title: 'Reconnect' })
        .returning(),
    );
    const own = await list(viewer);
    expect(own.body).toMatchObject({ total: 1, unreadCount: 1 });
    expect(own.body.items[0]!.id).toBe(row!.id);
    expect((await author.put(`/api/notifications/${row!.id}/read`)).status).toBe(404);
    expect((await viewer.put<Note>(`/api/notifications/${row!.id}/read`)).body.readAt).not.toBeNull();
    expect((await viewer.post('/api/notifications/mark-all-read')).body).toEqual({ updated: 0 });
    const switched = await viewer.put<Settings>('/api/notifications/settings', {
      preferences: { 'account.needs_reauth': { inApp: false } },
    });
    expect(switched.status).toBe(200);
    expect(switched.body.preferences.find((p) => p.type === 'account.needs_reauth')!.inApp).toBe(false);
    expect((await viewer.delete(`/api/notifications/${row!.id}`)).status).toBe(204);
    expect((await list(viewer)).body.total).toBe(0);
  });

  it('settings: all on by default; switching post.published off stops those rows, and keeps email choices', async () => {
    const defaults = await author.get<Settings>('/api/notifications/settings');
    expect(defaults.status).toBe(200);
    expect(() =>
      notificationsContracts.getNotificationSettings!.response!.parse(defaults.body),
    ).not.toThrow();
    expect(defaults.body.preferences.map((p) => p.type)).toEqual(CATALOGUE);
    expect(
      defaults.body.preferences.every((p) => p.inApp && p.label.length > 0 && p.description.length > 0),
    ).toBe(true);
    // Email defaults: on for the problems to act on, off for good news and waiting posts.
    expect(defaults.body.preferences.filter((p) => p.email).map((p) => p.type)).toEqual([
      'post.failed',
      'post.unconfirmed',
      'post.missed',
      'account.needs_reauth',
      'report.ready',
      'post.review_requested',
      'post.changes_requested',
      'crisis.alert',
    ]);

    // An email choice stored earlier (by the email settings) must survive the in-app switch.
    await withSystem(db(), (tx) =>
      tx
        .insert(notificationSettings)
        .values({ organizationId, userId: authorId, preferences: { 'post.published': { email: true } } }),
    );
    const auditBefore = await auditOf(authorId);
    const off = await author.put<Settings>('/api/notifications/settings', {
      preferences: { 'post.published': { inApp: false } },
    });
    expect(off.status).toBe(200);
    expect(off.body.preferences.map((p) => [p.type, p.inApp])).toEqual(
      CATALOGUE.map((type) => [type, type !== 'post.published']),
    );
    expect(off.body.preferences.find((p) => p.type === 'post.published')!.email).toBe(true);
    expect(await storedPreferences(authorId)).toEqual({ 'post.published': { email: true, in_app: false } });
    const audit = (await auditOf(authorId)).slice(auditBefore.length);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'update',
      resourceType: 'notification_settings',
      oldValues: { preferences: { 'post.published': { inApp: true } } },
      newValues: { preferences: { 'post.published': { inApp: false } } },
    });
    // Saying the same again changes nothing and records nothing.
    expect(
      (
        await author.put('/api/notifications/settings', {
          preferences: { 'post.published': { inApp: false } },
        })
      ).status,
    ).toBe(200);
    expect(await auditOf(authorId)).toHaveLength(auditBefore.length + 1);
    expect((await author.get<Settings>('/api/notifications/settings')).body).toEqual(off.body);

    const inAppRows = async (type: string) => (await rowsOf(authorId, type)).filter((r) => r.inApp);
    const publishedBefore = (await inAppRows('post.published')).length;
    const failedBefore = (await inAppRows('post.failed')).length;
    const listedBefore = (await list(author)).body.total;
    const mailsBefore = (await readOutbox(env.dataDir, authorEmail)).length;
    await publish('Published quietly');
    await publish('Refused loudly #fail-permanent');
    expect(await inAppRows('post.published')).toHaveLength(publishedBefore);
    expect(await inAppRows('post.failed')).toHaveLength(failedBefore + 1);
    // Email stayed on for post.published: the success is mailed, yet the in-app list only grew by the failure.
    const emailOnly = (await rowsOf(authorId, 'post.published')).filter((r) => !r.inApp);
    expect(emailOnly.map((r) => r.emailStatus)).toEqual(['sent']);
    expect((await list(author)).body.total).toBe(listedBefore + 1);
    const mails = (await readOutbox(env.dataDir, authorEmail)).slice(mailsBefore);
    expect(mails.map((m) => m.subject.split(' ')[0])).toEqual(['Published', 'Not']);
    expect(mails.every((m) => m.subject.endsWith('(Analytical Engines)'))).toBe(true);
    expect((await author.delete(`/api/notifications/${emailOnly[0]!.id}`)).status).toBe(404);

    // Back on: the next publication is announced again.
    await author.put('/api/notifications/settings', { preferences: { 'post.published': { inApp: true } } });
    await publish('Published loudly');
    expect(await inAppRows('post.published')).toHaveLength(publishedBefore + 1);
    expect(await storedPreferences(authorId)).toEqual({ 'post.published': { email: true, in_app: true } });
  });

  it('settings: email switches alone, keeps the in-app choice, and is audited', async () => {
    const auditBefore = (await auditOf(authorId)).length;
    const off = await author.put<Settings>('/api/notifications/settings', {
      preferences: { 'post.failed': { email: false }, 'post.missed': { inApp: false, email: false } },
    });
    expect(off.status).toBe(200);
    const pick = (body: Settings, type: string) => {
      const found = body.preferences.find((p) => p.type === type)!;
      return [found.inApp, found.email];
    };
    expect(pick(off.body, 'post.failed')).toEqual([true, false]);
    expect(pick(off.body, 'post.missed')).toEqual([false, false]);
    expect(pick(off.body, 'post.unconfirmed')).toEqual([true, true]);
    expect(await storedPreferences(authorId)).toMatchObject({
      'post.failed': { email: false },
      'post.missed': { in_app: false, email: false },
    });
    expect((await storedPreferences(authorId))!['post.failed']).not.toHaveProperty('in_app');
    const audit = (await auditOf(authorId)).slice(auditBefore);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      oldValues: {
        preferences: { 'post.failed': { email: true }, 'post.missed': { inApp: true, email: true } },
      },
      newValues: {
        preferences: { 'post.failed': { email: false }, 'post.missed': { inApp: false, email: false } },
      },
    });

    // With email off, a failure is listed in the app and not mailed.
    const mailsBefore = (await readOutbox(env.dataDir, authorEmail)).length;
    const failedBefore = (await rowsOf(authorId, 'post.failed')).length;
    await publish('Refused quietly by email #fail-permanent');
    const failed = await rowsOf(authorId, 'post.failed');
    expect(failed).toHaveLength(failedBefore + 1);
    expect(failed.filter((r) => r.emailStatus === 'pending' || r.emailStatus === 'sending')).toEqual([]);
    expect(await readOutbox(env.dataDir, authorEmail)).toHaveLength(mailsBefore);

    const back = await author.put<Settings>('/api/notifications/settings', {
      preferences: { 'post.failed': { email: true }, 'post.missed': { inApp: true, email: true } },
    });
    expect(pick(back.body, 'post.failed')).toEqual([true, true]);
    expect(pick(back.body, 'post.missed')).toEqual([true, true]);
  });

  it('settings: an unknown type is refused with its field named, and nothing is written', async () => {
    const before = await storedPreferences(authorId);
    const auditBefore = (await auditOf(authorId)).length;
    const refused = await author.put<{ code: string; errors: { field: string }[] }>(
      '/api/notifications/settings',
      { preferences: { 'post.failed': { inApp: false }, 'post.exploded': { inApp: false } } },
    );
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.code).toBe('validation_failed');
    expect(refused.body.errors.map((e) => e.field)).toEqual(['body.preferences.post.exploded']);
    expect(await storedPreferences(authorId)).toEqual(before);
    expect(await auditOf(authorId)).toHaveLength(auditBefore);
    const settings = await author.get<Settings>('/api/notifications/settings');
    expect(settings.body.preferences.find((p) => p.type === 'post.failed')!.inApp).toBe(true);

    const wrongShape = await author.put<{ errors: { field: string }[] }>('/api/notifications/settings', {
      preferences: { 'post.failed': { inApp: 'no' } },
    });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.errors.map((e) => e.field)).toEqual(['body.preferences.post.failed.inApp']);

    // A type with no switch at all, a wrong email value, or an unknown channel: refused, nothing written.
    for (const preferences of [
      { 'post.failed': {} },
      { 'post.failed': { email: 'yes' } },
      { 'post.failed': { email: false, sms: true } },
      { 'post.failed': { email: false }, 'post.missed': {} },
    ]) {
      const refusedShape = await author.put<{ code: string; errors: { field: string }[] }>(
        '/api/notifications/settings',
        { preferences },
      );
      expect(refusedShape.status, JSON.stringify(preferences)).toBe(400);
      expect(refusedShape.body.code).toBe('validation_failed');
      expect(refusedShape.body.errors.length).toBeGreaterThan(0);
    }
    expect(await storedPreferences(authorId)).toEqual(before);
    expect(await auditOf(authorId)).toHaveLength(auditBefore);
  });

  async function storedPreferences(userId: string) {
    const [row] = await withSystem(db(), (tx) =>
      tx
        .select({ preferences: notificationSettings.preferences })
        .from(notificationSettings)
        .where(
          and(
            eq(notificationSettings.userId, userId),
            eq(notificationSettings.organizationId, organizationId),
          ),
        ),
    );
    return row?.preferences;
  }

  async function auditOf(userId: string) {
    return withSystem(db(), (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.userId, userId), eq(auditLogs.resourceType, 'notification_settings')))
        .orderBy(auditLogs.createdAt),
    );
  }
});
