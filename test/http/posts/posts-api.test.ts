import fc from 'fast-check';
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setPublishingSeams } from '../../../functions/core/publishing/seams';
import { scheduleName } from '../../../functions/core/publishing/schedule-name';
import { posts, scheduledJobs } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { startIdentityRuntime } from '../../support/identity-runtime';
import type { TestClient } from '../../support/http-client';
import { insertAccount } from '../../jobs/support/publishing-fixtures';
import { ScriptedConnector } from '../../jobs/support/scripted-connector';

const T0 = new Date('2032-03-20T09:00:00.000Z');
type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;
interface PostBody {
  id: string;
  status: string;
  content: string;
  timezone: string;
  scheduledAt: string | null;
  targets: {
    id: string;
    socialAccountId: string;
    status: string;
    version: number;
    scheduledAt: string | null;
    content: string | null;
  }[];
}

describe('posts API', () => {
  let env: Env;
  let admin: TestClient;
  let viewer: TestClient;
  let other: TestClient;
  let organizationId: string;
  let accountA: string;
  let accountB: string;
  let otherAccount: string;

  const postCount = async () =>
    (
      await withSystem(env.runtime.container.db, (tx) =>
        tx.select({ n: count() }).from(posts).where(eq(posts.organizationId, organizationId)),
      )
    )[0]!.n;
  const create = (content: string, accounts = [accountA]) =>
    admin.post<PostBody>('/api/posts', {
      content,
      targets: accounts.map((socialAccountId) => ({ socialAccountId })),
    });
  const inHours = (h: number) => new Date(env.clock.now().getTime() + h * 3_600_000).toISOString();

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    admin = first.client;
    organizationId = first.organizationId;
    await env.verify(first.email, admin);
    viewer = (await env.addMember(admin, 'viewer')).client;
    const second = await env.signUp();
    other = second.client;
    accountA = await insertAccount(env.runtime.container.db, organizationId, 'active', 'Alpha');
    accountB = await insertAccount(env.runtime.container.db, organizationId, 'active', 'Beta');
    otherAccount = await insertAccount(env.runtime.container.db, second.organizationId, 'active', 'Other');
  });
  afterEach(() => setPublishingSeams(undefined));
  afterAll(async () => env?.stop());

  const useConnector = () => {
    const connector = new ScriptedConnector();
    setPublishingSeams({
      resolveConnector: () => connector,
      loadCredentials: async () => ({ accountId: 'a', accessToken: 't', scopes: [] }),
    });
    return connector;
  };

  it('creates a draft with per-target variants, reads, updates and lists it', async () => {
    const created = await admin.post<PostBody>('/api/posts', {
      content: 'Launch day',
      targets: [
        { socialAccountId: accountA },
        { socialAccountId: accountB, content: 'Launch day (Beta edition)' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    const byAccount = Object.fromEntries(created.body.targets.map((t) => [t.socialAccountId, t.content]));
    expect(byAccount).toEqual({ [accountA]: null, [accountB]: 'Launch day (Beta edition)' });

    const updated = await admin.put<PostBody>(`/api/posts/${created.body.id}`, {
      content: 'Launch day!',
      targets: [{ socialAccountId: accountB }],
    });
    expect(updated.status).toBe(200);
    expect(updated.body.content).toBe('Launch day!');
    expect(updated.body.targets.map((t) => t.socialAccountId)).toEqual([accountB]);

    const read = await viewer.get<PostBody>(`/api/posts/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(created.body.id);
  });

  it('filters by status, account, platform, text and pages with a total', async () => {
    const unique = `needle-${crypto.randomUUID().slice(0, 6)}`;
    for (let i = 0; i < 3; i += 1) expect((await create(`${unique} ${i}`, [accountB])).status).toBe(201);
    const page1 = await viewer.get<{ posts: PostBody[]; total: number }>(
      `/api/posts?q=${unique}&limit=2&page=1`,
    );
    const page2 = await viewer.get<{ posts: PostBody[]; total: number }>(
      `/api/posts?q=${unique}&limit=2&page=2`,
    );
    expect(page1.body.total).toBe(3);
    expect(page1.body.posts).toHaveLength(2);
    expect(page2.body.posts).toHaveLength(1);
    expect(new Set([...page1.body.posts, ...page2.body.posts].map((p) => p.id)).size).toBe(3);
    expect(
      (await viewer.get<{ total: number }>(`/api/posts?q=${unique}&accountId=${accountA}`)).body.total,
    ).toBe(0);
    expect(
      (await viewer.get<{ total: number }>(`/api/posts?q=${unique}&platform=sandbox&status=draft`)).body
        .total,
    ).toBe(3);
    expect((await viewer.get<{ total: number }>(`/api/posts?q=${unique}&status=published`)).body.total).toBe(
      0,
    );
    // LIKE wildcards are matched literally.
    expect((await viewer.get<{ total: number }>(`/api/posts?q=%25`)).body.total).toBe(0);
    expect((await viewer.get(`/api/posts?limit=1000`)).status).toBe(400);
  });

  it('schedules a wall time in the author zone, validates with the connector and arms one schedule per target', async () => {
    useConnector();
    const post = await create('Morning post', [accountA, accountB]);
    const scheduled = await admin.post<PostBody>(`/api/posts/${post.body.id}/schedule`, {
      localTime: '2032-03-28T09:00',
      timeZone: 'Europe/London',
    });
    expect(scheduled.status).toBe(200);
    // 28 March 2032 is after the UK clocks go forward (BST, UTC+1).
    expect(scheduled.body.targets.map((t) => t.scheduledAt)).toEqual([
      '2032-03-28T08:00:00.000Z',
      '2032-03-28T08:00:00.000Z',
    ]);
    expect(scheduled.body).toMatchObject({
      status: 'scheduled',
      timezone: 'Europe/London',
      scheduledAt: '2032-03-28T08:00:00.000Z',
    });
    expect(scheduled.body.targets.every((t) => t.version === 1)).toBe(true);

    const again = await admin.post<PostBody>(`/api/posts/${post.body.id}/schedule`, {
      at: '2032-03-29T10:00:00Z',
    });
    expect(again.body.targets.every((t) => t.version === 2)).toBe(true);

    const gap = await admin.post(`/api/posts/${post.body.id}/schedule`, {
      localTime: '2032-03-28T01:30',
      timeZone: 'Europe/London',
    });
    expect(gap.status).toBe(400);
    expect(JSON.stringify(gap.body)).toMatch(/does not exist/);
    const past = await admin.post(`/api/posts/${post.body.id}/schedule`, { at: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
  });

  it('refuses to schedule content a network rejects, per target, and writes nothing', async () => {
    useConnector();
    const post = await admin.post<PostBody>('/api/posts', {
      content: 'short',
      targets: [{ socialAccountId: accountA }, { socialAccountId: accountB, content: 'x'.repeat(300) }],
    });
    const refused = await admin.post<{ targets: { targetId: string; issues: { code: string }[] }[] }>(
      `/api/posts/${post.body.id}/schedule`,
      { at: inHours(2) },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.targets).toEqual([
      expect.objectContaining({
        targetId: post.body.targets.find((t) => t.socialAccountId === accountB)!.id,
        issues: [expect.objectContaining({ code: 'text_too_long' })],
      }),
    ]);
    const after = await admin.get<PostBody>(`/api/posts/${post.body.id}`);
    expect(after.body.targets.every((t) => t.status === 'draft' && t.version === 0)).toBe(true);

    const preview = await viewer.get<{
      targets: { characters: number; maxTextLength: number; issues: unknown[]; text: string }[];
    }>(`/api/posts/${post.body.id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body.targets.map((t) => [t.characters, t.maxTextLength, t.issues.length]).sort()).toEqual([
      [300, 280, 1],
      [5, 280, 0],
    ]);
  });

  it('publish now sends through the publish queue and the post turns published', async () => {
    const connector = useConnector();
    const post = await create('Right now');
    const accepted = await admin.post<PostBody>(`/api/posts/${post.body.id}/publish`);
    expect(accepted.status).toBe(202);
    await env.runtime.queue.drained();
    const read = await admin.get<PostBody>(`/api/posts/${post.body.id}`);
    expect(read.body.status).toBe('published');
    expect(connector.calls.map((c) => c.text)).toEqual(['Right now']);
    expect((await admin.put(`/api/posts/${post.body.id}`, { content: 'edit' })).status).toBe(409);
  });

  it('duplicates as a draft and deletes (cancelling schedules)', async () => {
    useConnector();
    const post = await create('Copy me');
    await admin.post(`/api/posts/${post.body.id}/schedule`, { at: inHours(3) });
    const copy = await admin.post<PostBody>(`/api/posts/${post.body.id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ content: 'Copy me', status: 'draft' });
    // This post's own schedule, by name: the scheduler's table is shared with other test files.
    const armed = async () =>
      withSystem(env.runtime.container.db, (tx) =>
        tx
          .select({ name: scheduledJobs.name })
          .from(scheduledJobs)
          .where(eq(scheduledJobs.name, scheduleName(post.body.targets[0]!.id))),
      );
    expect(await armed()).toHaveLength(1);
    expect((await admin.delete(`/api/posts/${post.body.id}`)).status).toBe(204);
    expect(await armed()).toEqual([]);
    expect((await admin.get(`/api/posts/${post.body.id}`)).status).toBe(404);
  });

  it("pushes each person's change to the organization's dashboards, after the commit", async () => {
    useConnector();
    const broadcast = vi.spyOn(env.runtime.container.realtime, 'broadcast');
    try {
      const post = await create('Announced');
      const id = post.body.id;
      await admin.put(`/api/posts/${id}`, { content: 'Announced, edited' });
      await admin.post(`/api/posts/${id}/schedule`, { at: inHours(5) });
      const copy = await admin.post<PostBody>(`/api/posts/${id}/duplicate`);
      await admin.delete(`/api/posts/${id}`);
      // A refused change is not announced.
      expect((await viewer.delete(`/api/posts/${copy.body.id}`)).status).toBe(403);

      const changes = broadcast.mock.calls
        .filter(([, message]) => message.type === 'post.changed')
        .map(([org, message]) => [org, message.data]);
      expect(changes).toEqual([
        [organizationId, { change: 'created', postIds: [id] }],
        [organizationId, { change: 'updated', postIds: [id] }],
        [organizationId, { change: 'scheduled', postIds: [id] }],
        [organizationId, { change: 'created', postIds: [copy.body.id] }],
        [organizationId, { change: 'deleted', postIds: [id] }],
      ]);
    } finally {
      broadcast.mockRestore();
    }
  });

  it('places entries on the viewer calendar across a DST change', async () => {
    useConnector();
    const post = await create('Calendar post');
    // 01:30 UTC on 28 March 2032 is 02:30 in London (BST) but 21:30 the day before in New York.
    await admin.post(`/api/posts/${post.body.id}/schedule`, { at: '2032-03-28T01:30:00Z' });
    const london = await viewer.get<{ entries: { postId: string; day: string; localTime: string }[] }>(
      '/api/posts/calendar?from=2032-03-28&to=2032-03-28&timeZone=Europe/London',
    );
    expect(london.status).toBe(200);
    expect(london.body.entries.filter((e) => e.postId === post.body.id)).toEqual([
      expect.objectContaining({ day: '2032-03-28', localTime: '02:30' }),
    ]);
    const newYork = await viewer.get<{ entries: { postId: string; day: string; localTime: string }[] }>(
      '/api/posts/calendar?from=2032-03-27&to=2032-03-27&timeZone=America/New_York',
    );
    expect(newYork.body.entries.filter((e) => e.postId === post.body.id)).toEqual([
      expect.objectContaining({ day: '2032-03-27', localTime: '21:30' }),
    ]);
    expect((await viewer.get('/api/posts/calendar?from=2032-01-01&to=2032-06-01&timeZone=UTC')).status).toBe(
      400,
    );
    expect(
      (await viewer.get('/api/posts/calendar?from=2032-01-01&to=2032-01-02&timeZone=Mars/Olympus')).status,
    ).toBe(400);
  });

  it('bulk-schedules JSON and CSV all-or-nothing with row-numbered errors', async () => {
    useConnector();
    const before = await postCount();
    const json = await admin.post<{ posts: PostBody[] }>('/api/posts/bulk-schedule', [
      { content: 'Bulk one', socialAccountIds: [accountA], at: inHours(5) },
      {
        content: 'Bulk two',
        socialAccountIds: [accountA, accountB],
        localTime: '2032-04-01T12:00',
        timeZone: 'Asia/Tokyo',
      },
    ]);
    expect(json.status).toBe(201);
    expect(json.body.posts.map((p) => p.status)).toEqual(['scheduled', 'scheduled']);
    expect(json.body.posts[1]!.scheduledAt).toBe('2032-04-01T03:00:00.000Z');
    expect(await postCount()).toBe(before + 2);

    const csv = [
      'content,accounts,at,local_time,time_zone',
      `"Hello, CSV",${accountA},${inHours(6)},,`,
      `${'y'.repeat(300)},${accountA},${inHours(6)},,`,
      `Other tenant,${otherAccount},${inHours(6)},,`,
    ].join('\n');
    const refused = await admin.call<{ errors: { field: string }[] }>(
      'POST',
      '/api/posts/bulk-schedule',
      undefined,
      { 'content-type': 'text/csv' },
    );
    expect(refused.status).toBe(400); // empty body
    const response = await fetch(`${env.runtime.url}/api/posts/bulk-schedule`, {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        authorization: `Bearer ${admin.accessToken}`,
        'sec-fetch-site': 'same-origin',
      },
      body: csv,
    });
    const body = (await response.json()) as { errors: { field: string }[] };
    expect(response.status).toBe(422);
    const fields = body.errors.map((e) => e.field);
    expect(fields.some((f) => f.startsWith('rows.2 (line 3)'))).toBe(true);
    expect(fields.some((f) => f.startsWith('rows.3 (line 4)'))).toBe(true);
    expect(fields.some((f) => f.startsWith('rows.1'))).toBe(false);
    expect(await postCount()).toBe(before + 2);

    const good = await fetch(`${env.runtime.url}/api/posts/bulk-schedule`, {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        authorization: `Bearer ${admin.accessToken}`,
        'sec-fetch-site': 'same-origin',
      },
      body: csv.split('\n').slice(0, 2).join('\n'),
    });
    expect(good.status).toBe(201);
    expect(((await good.json()) as { posts: PostBody[] }).posts[0]!.content).toBe('Hello, CSV');
  });

  it('refuses viewers on writes and hides other tenants (404) without writing', async () => {
    const post = await create('Mine');
    const before = await postCount();
    expect(
      (await viewer.post('/api/posts', { content: 'nope', targets: [{ socialAccountId: accountA }] })).status,
    ).toBe(403);
    expect((await viewer.put(`/api/posts/${post.body.id}`, { content: 'nope' })).status).toBe(403);
    expect((await viewer.delete(`/api/posts/${post.body.id}`)).status).toBe(403);
    expect((await viewer.post(`/api/posts/${post.body.id}/schedule`, { at: inHours(1) })).status).toBe(403);
    expect((await viewer.post(`/api/posts/${post.body.id}/publish`)).status).toBe(403);
    expect((await viewer.post('/api/posts/bulk-schedule', [])).status).toBe(403);
    for (const call of [
      () => other.get(`/api/posts/${post.body.id}`),
      () => other.put(`/api/posts/${post.body.id}`, { content: 'x' }),
      () => other.delete(`/api/posts/${post.body.id}`),
      () => other.post(`/api/posts/${post.body.id}/duplicate`),
      () => other.post(`/api/posts/${post.body.id}/schedule`, { at: inHours(1) }),
      () => other.post(`/api/posts/${post.body.id}/publish`),
      () => other.get(`/api/posts/${post.body.id}/preview`),
    ]) {
      expect((await call()).status).toBe(404);
    }
    // Another tenant's account cannot be targeted.
    const foreign = await admin.post('/api/posts', {
      content: 'x',
      targets: [{ socialAccountId: otherAccount }],
    });
    expect(foreign.status).toBe(400);
    expect((await other.get<{ total: number }>('/api/posts')).body.total).toBe(0);
    expect(await postCount()).toBe(before);
  });

  it('answers any malformed create body with a 4xx problem and writes nothing', async () => {
    const before = await postCount();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ content: fc.anything(), targets: fc.anything() }, { requiredKeys: [] }),
          fc.record({
            content: fc.string(),
            targets: fc.array(fc.record({ socialAccountId: fc.oneof(fc.uuid(), fc.string()) })),
          }),
        ),
        async (body) => {
          const response = await admin.post('/api/posts', body);
          expect(response.status === 201 || (response.status >= 400 && response.status < 500)).toBe(true);
          return response.status !== 201;
        },
      ),
      { numRuns: 40 },
    );
    expect(await postCount()).toBe(before);
  });
});
