import { parse } from 'csv-parse/sync';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { media } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import type { TestClient } from '../../support/http-client';
import { startIdentityRuntime } from '../../support/identity-runtime';
import { analyticsFixtures } from './support';

const T0 = new Date('2033-07-01T09:00:00.000Z');
type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;
interface Report {
  id: string;
  status: string;
  name: string;
  from: string;
  formats: string[];
  files: Array<{ format: string; bytes: number; downloadPath: string }>;
  errorMessage: string | null;
}

/** A 1x1 PNG: the top post's first attachment, drawn as its thumbnail. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('analytics reports: generate, list, download', () => {
  let env: Env;
  let user: TestClient;
  let viewer: TestClient;
  let other: TestClient;
  let reportId: string;

  const body = {
    name: 'First fortnight of June',
    from: '2033-06-01',
    to: '2033-06-14',
    timeZone: 'America/New_York',
  };

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    await env.verify(first.email, first.client);
    user = (await env.addMember(first.client, 'user')).client;
    viewer = (await env.addMember(first.client, 'viewer')).client;
    other = (await env.signUp()).client;
    const { db, media: store } = env.runtime.container;
    const { account, published } = analyticsFixtures(db);
    const org = first.organizationId;
    const sandbox = await account(org, 'sandbox', 'Bakery');
    const mastodon = await account(org, 'mastodon', 'Bakery on Mastodon');
    const key = `${org}/${crypto.randomUUID()}/crumb.png`;
    await store.put(key, PNG, 'image/png');
    const [image] = await withSystem(db, (tx) =>
      tx
        .insert(media)
        .values({ organizationId: org, s3Key: key, mimeType: 'image/png', sizeBytes: PNG.length })
        .returning({ id: media.id }),
    );
    // Current period (June 1-14, New York): 1,500 impressions; engagement 60 + 12 = 72.
    await published(
      org,
      sandbox,
      'sandbox',
      '2033-06-03T14:00:00Z',
      [{ at: '2033-06-04T14:00:00Z', figures: { impressions: 1000, likes: 50, comments: 5, shares: 5 } }],
      { content: 'Sourdough Saturday', mediaIds: [image!.id] },
    );
    await published(org, mastodon, 'mastodon', '2033-06-10T14:00:00Z', [
      { at: '2033-06-11T14:00:00Z', figures: { impressions: 500, likes: 10, shares: 2 } },
    ]);
    // Previous period (May 18-31): 1,000 impressions, engagement 40.
    await published(org, sandbox, 'sandbox', '2033-05-20T14:00:00Z', [
      { at: '2033-05-21T14:00:00Z', figures: { impressions: 1000, likes: 40 } },
    ]);
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
  });

  it('records the report as pending, renders it in the background, and lists it completed with its files', async () => {
    const answer = await user.post<Report>('/api/analytics/reports/generate', body);
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({
      status: 'pending',
      name: body.name,
      formats: ['pdf', 'csv'],
      files: [],
    });
    reportId = answer.body.id;
    await env.runtime.queue.drained();
    const list = await viewer.get<{ items: Report[]; total: number }>('/api/analytics/reports');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const [report] = list.body.items;
    expect(report).toMatchObject({ id: reportId, status: 'completed', errorMessage: null });
    expect(report!.files.map((file) => file.format)).toEqual(['pdf', 'csv']);
    expect(report!.files[0]!.downloadPath).toBe(`/api/analytics/reports/${reportId}/files/pdf`);
  });

  it('hands out the PDF through an expiring link, and the PDF carries the KPIs against the period before', async () => {
    const answer = await viewer.get(`/api/analytics/reports/${reportId}/files/pdf`);
    expect(answer.status).toBe(302);
    const file = await fetch(answer.headers.get('location')!);
    expect(file.status).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(await file.arrayBuffer()) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toContain('First fortnight of June');
    expect(text).toContain(
      '2033-06-01 to 2033-06-14 (America/New_York), compared with 2033-05-18 to 2033-05-31',
    );
    // Impressions 1,500 against 1,000: +50%. Engagement 72 against 40: +80%.
    expect(text).toContain('1,500');
    expect(text).toContain('Previous 1,000 (+50%)');
    expect(text).toContain('Previous 40 (+80%)');
    expect(text).toContain('Sourdough Saturday');
    expect(text).toContain('Mastodon');
  });

  it('hands out the CSV with the same figures', async () => {
    const answer = await user.get(`/api/analytics/reports/${reportId}/files/csv`);
    const text = await (await fetch(answer.headers.get('location')!)).text();
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r.section === 'kpi' && r.metric === 'impressions')).toMatchObject({
      value: '1500',
      previous: '1000',
      change: '50',
    });
    expect(
      rows.find((r) => r.section === 'network' && r.item === 'mastodon' && r.metric === 'engagement')!.value,
    ).toBe('12');
  });

  it('keeps reports to their organization and generating to users and up', async () => {
    expect((await other.get<{ total: number }>('/api/analytics/reports')).body.total).toBe(0);
    expect((await other.get(`/api/analytics/reports/${reportId}/files/pdf`)).status).toBe(404);
    expect((await viewer.post('/api/analytics/reports/generate', body)).status).toBe(403);
    expect((await user.get(`/api/analytics/reports/${crypto.randomUUID()}/files/pdf`)).status).toBe(404);
    expect((await user.get(`/api/analytics/reports/${reportId}/files/xlsx`)).status).toBe(400);
  });

  it('refuses bad input and records nothing', async () => {
    for (const bad of [
      { ...body, from: '2033-06-14', to: '2033-06-01' },
      { ...body, name: '' },
      { ...body, formats: [] },
      { ...body, formats: ['docx'] },
      { ...body, timeZone: 'Mars/Olympus' },
      { ...body, accountIds: ['nope'] },
      { ...body, colour: 'blue' },
    ]) {
      const answer = await user.post('/api/analytics/reports/generate', bad);
      expect(answer.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await user.get<{ total: number }>('/api/analytics/reports')).body.total).toBe(1);
  });

  // Last: it moves the clock past the access tokens' life.
  it('links expire after 5 minutes', async () => {
    const answer = await user.get(`/api/analytics/reports/${reportId}/files/pdf`);
    const location = answer.headers.get('location')!;
    env.clock.advance(5 * 60 * 1000 + 1000);
    expect((await fetch(location)).status).toBe(403);
  });
});
