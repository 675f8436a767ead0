import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_CATALOG } from '../../../functions/shared/platforms/catalog';
import { startIdentityRuntime } from '../../support/identity-runtime';
import type { TestClient } from '../../support/http-client';
import { analyticsFixtures } from './support';

const T0 = new Date('2033-06-20T09:00:00.000Z');
type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;

interface Row {
  targetId: string;
  text: string;
  platform: string;
  mediaId: string | null;
  url: string | null;
  engagement: number | null;
  engagementRate: number | null;
  impressions: number | null;
  unavailable: Record<string, string>;
  asOf: string | null;
  source: string | null;
  [key: string]: unknown;
}
interface Page {
  items: Row[];
  total: number;
  page: number;
  limit: number;
}

describe('GET /api/analytics/posts', () => {
  let env: Env;
  let admin: TestClient;
  let viewer: TestClient;
  let other: TestClient;
  const RANGE = 'from=2033-06-01&to=2033-06-14&timeZone=America/New_York';
  const page = (client: TestClient, query = '') => client.get<Page>(`/api/analytics/posts?${RANGE}${query}`);
  const texts = (answer: { body: Page }) => answer.body.items.map((row) => row.text);
  const mediaId = crypto.randomUUID();

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    admin = first.client;
    await env.verify(first.email, admin);
    viewer = (await env.addMember(admin, 'viewer')).client;
    const second = await env.signUp();
    other = second.client;
    const { account, published } = analyticsFixtures(env.runtime.container.db);
    const org = first.organizationId;
    const sandbox = await account(org, 'sandbox', 'Bakery');
    const mastodon = await account(org, 'mastodon', 'Bakery on Mastodon');
    // Engagement: likes + comments + shares + saves + clicks; rate over impressions.
    await published(
      org,
      sandbox,
      'sandbox',
      '2033-06-02T14:00:00Z',
      [
        {
          at: '2033-06-02T15:00:00Z',
          figures: { impressions: 100, likes: 1, comments: 0, shares: 0, saves: 0, clicks: 0 },
        },
        {
          at: '2033-06-03T15:00:00Z',
          figures: { impressions: 400, reach: 300, likes: 10, comments: 2, shares: 3, saves: 1, clicks: 4 },
        },
      ],
      { content: 'Sourdough Saturday', mediaIds: [mediaId] },
    ); // 20 / 400 = 5%
    await published(
      org,
      sandbox,
      'sandbox',
      '2033-06-05T14:00:00Z',
      [
        {
          at: '2033-06-06T15:00:00Z',
          figures: {
            impressions: 2000,
            reach: 1500,
            likes: 30,
            comments: 5,
            shares: 5,
            saves: 0,
            clicks: 10,
          },
        },
      ],
      { content: 'Croissant class' },
    ); // 50 / 2000 = 2.5%
    await published(
      org,
      mastodon,
      'mastodon',
      '2033-06-07T14:00:00Z',
      [{ at: '2033-06-08T15:00:00Z', figures: { likes: 40, comments: 20, shares: 10 } }],
      { content: 'Toot about rye' },
    ); // 70, no impressions
    await published(org, sandbox, 'sandbox', '2033-06-10T14:00:00Z', [], { content: 'Not synced yet' });
    // 1 June 02:00 UTC is still 31 May in New York: outside the range.
    await published(
      org,
      sandbox,
      'sandbox',
      '2033-06-01T02:00:00Z',
      [{ at: '2033-06-01T03:00:00Z', figures: { likes: 999 } }],
      { content: 'Late May' },
    );
    await published(org, sandbox, 'sandbox', '2033-06-04T14:00:00Z', [], {
      content: 'Failed',
      status: 'failed',
    });
    const theirs = await account(second.organizationId, 'sandbox');
    await published(
      second.organizationId,
      theirs,
      'sandbox',
      '2033-06-03T14:00:00Z',
      [{ at: '2033-06-04T00:00:00Z', figures: { likes: 5000 } }],
      { content: 'Someone else' },
    );
  }, 60_000);
  afterAll(async () => env?.stop());

  it('lists each published copy with its latest metrics, by engagement, those without it last', async () => {
    const answer = await page(viewer);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ total: 4, page: 1, limit: 50 });
    expect(texts(answer)).toEqual([
      'Toot about rye',
      'Croissant class',
      'Sourdough Saturday',
      'Not synced yet',
    ]);
    const [rye, croissant, sourdough, unsynced] = answer.body.items;
    expect(rye).toMatchObject({
      platform: 'mastodon',
      engagement: 70,
      engagementRate: null,
      impressions: null,
    });
    expect(rye!.unavailable.impressions).toBe(PLATFORM_CATALOG.mastodon.metrics.unavailable.impressions);
    expect(croissant).toMatchObject({ engagement: 50, engagementRate: 2.5, impressions: 2000, reach: 1500 });
    expect(sourdough).toMatchObject({
      engagement: 20,
      engagementRate: 5,
      likes: 10,
      mediaId,
      asOf: '2033-06-03T15:00:00.000Z',
      source: PLATFORM_CATALOG.sandbox.metrics.source,
    });
    expect(sourdough!.url).toMatch(/^https:\/\/sandbox\.example\/p\//);
    expect(unsynced).toMatchObject({ engagement: null, asOf: null, source: null });
    expect(unsynced!.unavailable.likes).toBe('No metrics were synced for this post yet.');
  });

  it('sorts by any figure either way, pages, and filters by network', async () => {
    expect(texts(await page(admin, '&sort=engagementRate'))).toEqual([
      'Sourdough Saturday',
      'Croissant class',
      // Neither has a rate: newest first.
      'Not synced yet',
      'Toot about rye',
    ]);
    expect(texts(await page(admin, '&sort=engagementRate&order=asc'))).toEqual([
      'Croissant class',
      'Sourdough Saturday',
      'Not synced yet',
      'Toot about rye',
    ]);
    expect(texts(await page(admin, '&sort=publishedAt'))).toEqual([
      'Not synced yet',
      'Toot about rye',
      'Croissant class',
      'Sourdough Saturday',
    ]);
    const second = await page(admin, '&sort=publishedAt&limit=3&page=2');
    expect(second.body).toMatchObject({ total: 4, page: 2, limit: 3 });
    expect(texts(second)).toEqual(['Sourdough Saturday']);
    expect(texts(await page(admin, '&platforms=mastodon'))).toEqual(['Toot about rye']);
  });

  it("never lists another organization's posts, and refuses bad queries with 400", async () => {
    expect(texts(await page(other))).toEqual(['Someone else']);
    for (const query of ['&sort=virality', '&order=sideways', '&limit=101', '&page=0', '&platforms=']) {
      const answer = await page(admin, query);
      expect(answer.status, query).toBe(400);
      expect(answer.headers.get('content-type'), query).toContain('application/problem+json');
    }
  });
});
