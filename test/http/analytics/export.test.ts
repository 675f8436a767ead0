import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as analyticsHandler } from '../../../functions/http/areas/analytics';
import { localLambdaContext } from '../../../functions/local/lambda-context';
import { seedPublishedBulk } from '../../support/analytics-bulk';
import { httpEvent } from '../../support/api-gateway';
import type { TestClient } from '../../support/http-client';
import { startIdentityRuntime } from '../../support/identity-runtime';
import { analyticsFixtures } from './support';

const T0 = new Date('2033-07-01T09:00:00.000Z');
type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;
type CsvRow = Record<string, string>;
interface JsonRow {
  day?: string;
  targetId: string;
  text?: string;
  accountName: string | null;
  likes: number | null;
  comments: number | null;
  impressions: number | null;
  engagement: number | null;
  engagementRate: number | null;
  asOf: string | null;
  unavailable: Record<string, string>;
}

const BULK = 1200;
const RANGE = 'from=2033-06-01&to=2033-06-14&timeZone=America/New_York';

describe('GET /api/analytics/export', () => {
  let env: Env;
  let user: TestClient;
  let viewer: TestClient;
  let other: TestClient;
  const exportOf = (client: TestClient, query: string) =>
    client.get<string>(`/api/analytics/export?${query}`);
  const csvRows = (text: string): CsvRow[] => parse(text, { columns: true, skip_empty_lines: true });

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    await env.verify(first.email, first.client);
    user = (await env.addMember(first.client, 'user')).client;
    viewer = (await env.addMember(first.client, 'viewer')).client;
    other = (await env.signUp()).client;
    const db = env.runtime.container.db;
    const { account, published } = analyticsFixtures(db);
    const org = first.organizationId;
    const sandbox = await account(org, 'sandbox', 'Bakery');
    // Texts a spreadsheet would run as formulas, and one CSV must quote.
    for (const [hour, content] of [
      [1, '=HYPERLINK("http://evil.example","click")'],
      [2, '+1 for sourdough'],
      [3, '-5 degrees, still baking'],
      [4, '@everyone fresh bread'],
      [5, 'Plain, with "quotes"\nand a second line'],
    ] as const) {
      await published(
        org,
        sandbox,
        'sandbox',
        `2033-06-01T1${hour}:00:00Z`,
        [{ at: `2033-06-01T1${hour}:30:00Z`, figures: { impressions: 100, likes: hour, comments: 1 } }],
        { content },
      );
    }
    // Published, never synced: every figure null with the reason.
    await published(org, sandbox, 'sandbox', '2033-06-13T12:00:00Z', [], { content: 'Not synced yet' });
    const bulk = await account(org, 'mastodon', '@bakery');
    await seedPublishedBulk(db, {
      organizationId: org,
      accountId: bulk,
      posts: BULK,
      start: new Date('2033-06-02T00:00:00Z'),
      spacingMinutes: 10,
      snapshotsPerPost: 2,
    });
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
  });

  it('streams every published copy as CSV, chunked, with the latest figures and empty cells for nulls', async () => {
    const raw = await fetch(`${env.runtime.url}/api/analytics/export?${RANGE}`, {
      headers: { authorization: `Bearer ${user.accessToken}` },
    });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('transfer-encoding')).toBe('chunked');
    expect(raw.headers.get('content-length')).toBeNull();
    expect(raw.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(raw.headers.get('content-disposition')).toBe(
      'attachment; filename="plume-posts-2033-06-01-2033-06-14.csv"',
    );
    const rows = csvRows(await raw.text());
    expect(rows).toHaveLength(BULK + 5 + 1);
    // Oldest first: the five hand-made posts of June 1st, then the bulk ones.
    expect(rows[5]!.text).toBe('Bulk post 1');
    const seventh = rows.find((row) => row.text === 'Bulk post 7')!;
    // Latest snapshot (day 1): likes 7 + 1, impressions 70, shares 0; comments and reach null.
    expect(seventh).toMatchObject({
      platform: 'mastodon',
      publishedAt: '2033-06-02T01:00:00.000Z',
      likes: '8',
      impressions: '70',
      shares: '0',
      comments: '',
      reach: '',
      saves: '',
      engagement: '8',
      engagementRate: '11.43',
      asOf: '2033-06-03T02:00:00.000Z',
      source: 'bulk statuses.get',
    });
    expect(seventh.unavailable).toBe(
      'reach: Bulk network gives no reach.; comments: Bulk network gives no comment count.',
    );
    const unsynced = rows.find((row) => row.text === 'Not synced yet')!;
    expect(unsynced.likes).toBe('');
    expect(unsynced.impressions).toBe('');
    expect(unsynced.asOf).toBe('');
    expect(unsynced.unavailable).toContain('likes: No metrics were synced for this post yet.');
  });

  it('escapes cells a spreadsheet would run as formulas, and quotes commas, quotes and line breaks', async () => {
    const answer = await exportOf(user, RANGE);
    const rows = csvRows(answer.body);
    expect(rows.slice(0, 5).map((row) => row.text)).toEqual([
      `'=HYPERLINK("http://evil.example","click")`,
      "'+1 for sourdough",
      "'-5 degrees, still baking",
      "'@everyone fresh bread",
      'Plain, with "quotes"\nand a second line',
    ]);
    expect(rows.find((row) => row.platform === 'mastodon')!.accountName).toBe("'@bakery");
    // Figures stay numbers: nothing numeric is prefixed.
    expect(rows[0]!.likes).toBe('1');
  });

  it('answers the same rows as one JSON array, nulls as null with their reasons', async () => {
    const answer = await exportOf(user, `${RANGE}&format=json`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const rows = answer.body as unknown as JsonRow[];
    expect(rows).toHaveLength(BULK + 6);
    const seventh = rows.find((row) => row.text === 'Bulk post 7')!;
    expect(seventh).toMatchObject({ likes: 8, comments: null, impressions: 70, engagement: 8 });
    expect(seventh.engagementRate).toBe(11.43);
    expect(seventh.unavailable.comments).toBe('Bulk network gives no comment count.');
    expect(rows[0]!.text).toBe('=HYPERLINK("http://evil.example","click")'); // JSON is data, not a sheet
    const unsynced = rows.find((row) => row.text === 'Not synced yet')!;
    expect(unsynced).toMatchObject({ likes: null, impressions: null, asOf: null });
  });

  it('exports the figures day by day, each as the day ended in the viewer zone', async () => {
    const rows = csvRows((await exportOf(user, `${RANGE}&dataset=daily`)).body);
    // Two synced days for each bulk post, one for each hand-made one in range.
    expect(rows).toHaveLength(BULK * 2 + 5);
    expect(Object.keys(rows[0]!)).not.toContain('text');
    const seventhId = rows.find((row) => row.publishedAt === '2033-06-02T01:00:00.000Z')!.targetId;
    const days = rows.filter((row) => row.targetId === seventhId);
    // Snapshots at 02:00 UTC are the evening before in New York.
    expect(days.map((row) => [row.day, row.likes])).toEqual([
      ['2033-06-01', '7'],
      ['2033-06-02', '8'],
    ]);
    expect(days[0]!.comments).toBe('');
  });

  it('another organization exports only its own rows (none)', async () => {
    const answer = await exportOf(other, RANGE);
    expect(answer.status).toBe(200);
    expect(answer.body.trim().split('\n')).toHaveLength(1); // the header alone
    const json = await exportOf(other, `${RANGE}&format=json`);
    expect(json.body).toEqual([]);
  });

  it('refuses a viewer', async () => {
    const answer = await exportOf(viewer, RANGE);
    expect(answer.status).toBe(403);
  });

  it('refuses bad input with 400 before anything is sent', async () => {
    for (const query of [
      `${RANGE}&format=xml`,
      `${RANGE}&dataset=everything`,
      'from=2033-06-14&to=2033-06-01&timeZone=UTC',
      'from=2030-01-01&to=2033-06-01&timeZone=UTC',
      `${RANGE}&timeZone=Mars/Olympus`,
      `${RANGE}&accountIds=not-a-uuid`,
      `${RANGE}&columns=all`,
    ]) {
      const answer = await exportOf(user, query);
      expect(answer.status, query).toBe(400);
      expect(answer.headers.get('content-type'), query).toContain('application/problem+json');
    }
  });

  // Last: it moves the clock past the access tokens' life.
  it('in AWS (no response stream) writes the export to private storage and answers 303 with an expiring link', async () => {
    const event = httpEvent('GET /api/analytics/export', {
      query: { from: '2033-06-01', to: '2033-06-14', timeZone: 'America/New_York', format: 'json' },
      headers: { authorization: `Bearer ${user.accessToken}` },
    });
    const result = await analyticsHandler(event, localLambdaContext('http-analytics'));
    expect(result.statusCode).toBe(303);
    expect(result.body).toBeUndefined();
    const location = String(result.headers?.location);
    const stored = await fetch(location);
    expect(stored.status).toBe(200);
    expect(((await stored.json()) as JsonRow[]).length).toBe(BULK + 6);
    // The link works for 15 minutes.
    env.clock.advance(16 * 60 * 1000);
    expect((await fetch(location)).status).toBe(403);
  });
});
