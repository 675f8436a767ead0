import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countExportRows } from '../../../functions/core/analytics/export-rows';
import { withTenant } from '../../../functions/db/tenant';
import { handler as analyticsHandler } from '../../../functions/http/areas/analytics';
import { localLambdaContext } from '../../../functions/local/lambda-context';
import { seedPublishedBulk } from '../../support/analytics-bulk';
import { httpEvent } from '../../support/api-gateway';
import { TestClient } from '../../support/http-client';
import { startIdentityRuntime, STRONG_PASSWORD } from '../../support/identity-runtime';
import { analyticsFixtures } from './support';

const T0 = new Date('2034-02-01T09:00:00.000Z');
type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;
interface Report {
  id: string;
  kind: 'report' | 'export';
  name: string;
  status: string;
  dataset: string | null;
  formats: string[];
  files: Array<{ format: string; bytes: number; downloadPath: string }>;
  completedAt: string | null;
  expiresAt: string | null;
}
interface JsonRow {
  day?: string;
  text?: string;
  likes: number | null;
}

const BULK = 300;
const RANGE = { from: '2034-01-01', to: '2034-01-31', timeZone: 'UTC' };

/**
 * Exports made by the background job and kept as reports: asked for by the dashboard
 * (`POST /api/analytics/exports`), or handed over by `GET /api/analytics/export` in AWS when
 * the export has more rows than one request may write.
 */
describe('analytics exports in the background', () => {
  let env: Env;
  let organizationId: string;
  let user: TestClient;
  let userEmail: string;
  let viewer: TestClient;
  let other: TestClient;

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    await env.verify(first.email, first.client);
    organizationId = first.organizationId;
    const member = await env.addMember(first.client, 'user');
    user = member.client;
    userEmail = member.email;
    viewer = (await env.addMember(first.client, 'viewer')).client;
    other = (await env.signUp()).client;
    const { account } = analyticsFixtures(env.runtime.container.db);
    await seedPublishedBulk(env.runtime.container.db, {
      organizationId,
      accountId: await account(organizationId, 'mastodon', '@bakery'),
      posts: BULK,
      start: new Date('2034-01-02T00:00:00Z'),
      spacingMinutes: 60,
      snapshotsPerPost: 2,
    });
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
  });

  const listed = async (client: TestClient) =>
    (await client.get<{ items: Report[] }>('/api/analytics/reports')).body.items;

  it('counts an export\'s rows only up to the bound it is asked about', async () => {
    const count = (dataset: 'posts' | 'daily', atMost: number) =>
      withTenant(env.runtime.container.db, organizationId, (tx) =>
        countExportRows(tx, organizationId, { ...RANGE, dataset }, atMost),
      );
    expect(await count('posts', 10_000)).toBe(BULK);
    expect(await count('posts', 100)).toBe(101);
    expect(await count('daily', 10_000)).toBe(BULK * 2);
    expect(await count('daily', 0)).toBe(1);
  });

  let exportId: string;
  it('records the export as pending, writes it in the background, and tells whoever asked', async () => {
    const answer = await user.post<Report>('/api/analytics/exports', { ...RANGE, format: 'json', dataset: 'daily' });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({
      kind: 'export',
      status: 'pending',
      dataset: 'daily',
      formats: ['json'],
      files: [],
      expiresAt: null,
      name: 'Export of daily figures, 2034-01-01 to 2034-01-31',
    });
    exportId = answer.body.id;
    await env.runtime.queue.drained();
    const [made] = (await listed(viewer)).filter((report) => report.id === exportId);
    expect(made).toMatchObject({ status: 'completed', kind: 'export' });
    expect(made!.files.map((file) => file.format)).toEqual(['json']);
    // Kept seven days from when it was made.
    expect(Date.parse(made!.expiresAt!) - Date.parse(made!.completedAt!)).toBe(7 * 86_400_000);
    const link = await viewer.get(made!.files[0]!.downloadPath);
    expect(link.status).toBe(302);
    const rows = (await (await fetch(link.headers.get('location')!)).json()) as JsonRow[];
    expect(rows).toHaveLength(BULK * 2);
    expect(made!.files[0]!.bytes).toBeGreaterThan(0);
    // The same rows the streamed export gives, in the same order.
    const streamed = await user.get<JsonRow[]>(
      `/api/analytics/export?from=${RANGE.from}&to=${RANGE.to}&timeZone=UTC&format=json&dataset=daily`,
    );
    expect(rows).toEqual(streamed.body);
    const notes = await user.get<{ items: Array<{ type: string; title: string; body: string }> }>(
      '/api/notifications',
    );
    expect(notes.body.items).toContainEqual(
      expect.objectContaining({
        type: 'report.ready',
        title: 'Export ready: Export of daily figures, 2034-01-01 to 2034-01-31',
      }),
    );
    // Nobody else was told.
    const viewerNotes = await viewer.get<{ items: Array<{ type: string }> }>('/api/notifications');
    expect(viewerNotes.body.items.filter((note) => note.type === 'report.ready')).toEqual([]);
  });

  it('keeps exports to their organization and making them to users and up', async () => {
    expect((await listed(other)).map((report) => report.id)).not.toContain(exportId);
    expect((await other.get(`/api/analytics/reports/${exportId}/files/json`)).status).toBe(404);
    const refused = await viewer.post('/api/analytics/exports', { ...RANGE, format: 'csv', dataset: 'posts' });
    expect(refused.status).toBe(403);
  });

  it('refuses bad input with 400 and records nothing', async () => {
    const before = (await listed(user)).length;
    for (const body of [
      { ...RANGE, format: 'xml' },
      { ...RANGE, dataset: 'everything' },
      { ...RANGE, from: '2034-02-01', to: '2034-01-01' },
      { ...RANGE, from: '2030-01-01', to: '2034-01-01' },
      { ...RANGE, timeZone: 'Mars/Olympus' },
      { ...RANGE, accountIds: ['not-a-uuid'] },
      { ...RANGE, columns: 'all' },
      { from: RANGE.from },
    ]) {
      const answer = await user.post('/api/analytics/exports', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await listed(user)).length).toBe(before);
  });

  it('in AWS, hands an export larger than one request may write to the background job (202)', async () => {
    const settings = env.runtime.container.env as { ANALYTICS_INLINE_EXPORT_ROWS: number };
    const inline = settings.ANALYTICS_INLINE_EXPORT_ROWS;
    settings.ANALYTICS_INLINE_EXPORT_ROWS = BULK - 1;
    try {
      const event = httpEvent('GET /api/analytics/export', {
        query: { ...RANGE, format: 'csv' },
        headers: { authorization: `Bearer ${user.accessToken}` },
      });
      const result = await analyticsHandler(event, localLambdaContext('http-analytics'));
      expect(result.statusCode).toBe(202);
      expect(result.headers?.location).toBe('/api/analytics/reports');
      const pending = JSON.parse(String(result.body)) as Report;
      expect(pending).toMatchObject({ kind: 'export', status: 'pending', dataset: 'posts', formats: ['csv'] });
      await env.runtime.queue.drained();
      const [made] = (await listed(user)).filter((report) => report.id === pending.id);
      const link = await user.get(made!.files[0]!.downloadPath);
      const text = await (await fetch(link.headers.get('location')!)).text();
      expect(text.trim().split('\n')).toHaveLength(BULK + 1);
      // At the bound it still answers at once, with a link (303).
      settings.ANALYTICS_INLINE_EXPORT_ROWS = BULK;
      const small = await analyticsHandler(event, localLambdaContext('http-analytics'));
      expect(small.statusCode).toBe(303);
    } finally {
      settings.ANALYTICS_INLINE_EXPORT_ROWS = inline;
    }
  });

  // Last: it moves the clock.
  it("answers 404 for an export's file once the bucket has deleted it (7 days)", async () => {
    env.clock.advance(7 * 86_400_000 + 60_000);
    // Sign in again: the access token did not outlive the week.
    const fresh = new TestClient(env.runtime.url);
    const signedIn = await fresh.post<{ accessToken: string }>('/api/auth/login', {
      email: userEmail,
      password: STRONG_PASSWORD,
    });
    fresh.accessToken = signedIn.body.accessToken;
    const [made] = (await listed(fresh)).filter((report) => report.id === exportId);
    expect(made!.files).toHaveLength(1);
    const gone = await fresh.get<{ detail: string }>(`/api/analytics/reports/${exportId}/files/json`);
    expect(gone.status).toBe(404);
    expect(gone.body.detail).toContain('deleted 7 days after it was made');
  });
});
