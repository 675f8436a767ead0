import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPARKLINE_POINTS } from '../../../functions/shared/contracts/analytics-series';
import { startIdentityRuntime } from '../../support/identity-runtime';
import type { TestClient } from '../../support/http-client';
import { analyticsFixtures } from './support';

/**
 * The chart series: the overview's figures day by day (each post's latest snapshot counted on
 * the viewer's day it went out) and the posts table's sparkline (engagement at each snapshot).
 * Every expected number below is worked out by hand from the fixtures.
 */
const T0 = new Date('2032-03-10T09:00:00.000Z');
type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;

interface Day {
  date: string;
  posts: number;
  engagement: number | null;
  impressions: number | null;
}
interface Overview {
  current: { days: Day[] };
  previous: { days: Day[] };
}
interface Row {
  text: string;
  sparkline: Array<{ at: string; engagement: number | null }>;
}

// Paris, 1 to 4 March 2032 (UTC+1); the period before is 26 to 29 February (a leap year).
const RANGE = 'from=2032-03-01&to=2032-03-04&timeZone=Europe/Paris';
const NONE = { posts: 0, engagement: null, impressions: null };

describe('analytics chart series', () => {
  let env: Env;
  let viewer: TestClient;
  let other: TestClient;

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    await env.verify(first.email, first.client);
    viewer = (await env.addMember(first.client, 'viewer')).client;
    other = (await env.signUp()).client;
    const organizationId = first.organizationId;
    const { account, published } = analyticsFixtures(env.runtime.container.db);
    const sandbox = await account(organizationId, 'sandbox');
    const mastodon = await account(organizationId, 'mastodon');
    const zero = { comments: 0, shares: 0, clicks: 0, saves: 0 };

    // 00:30 on 2 March in Paris (23:30 UTC on the 1st): three snapshots, running totals.
    await published(
      organizationId,
      sandbox,
      'sandbox',
      '2032-03-01T23:30:00Z',
      [
        { at: '2032-03-02T06:00:00Z', figures: { ...zero, impressions: 100, likes: 2 } },
        {
          at: '2032-03-02T12:00:00Z',
          figures: { impressions: 400, likes: 10, comments: 2, shares: 1, clicks: 0, saves: 1 },
        },
        {
          at: '2032-03-03T12:00:00Z',
          figures: { impressions: 900, likes: 20, comments: 4, shares: 3, clicks: 2, saves: 1 },
        },
      ],
      { content: 'Early bird' },
    );
    // Also 2 March; Mastodon gives no impressions (null, not 0).
    await published(
      organizationId,
      mastodon,
      'mastodon',
      '2032-03-02T10:00:00Z',
      [{ at: '2032-03-02T20:00:00Z', figures: { likes: 6, comments: 2, shares: 2 } }],
      { content: 'Toot' },
    );
    // 3 March, synced 30 times: likes 1, 2, ... 30, impressions 10 per like.
    await published(
      organizationId,
      sandbox,
      'sandbox',
      '2032-03-03T08:00:00Z',
      Array.from({ length: 30 }, (_, index) => ({
        at: new Date(Date.parse('2032-03-03T09:00:00Z') + index * 3_600_000).toISOString(),
        figures: { ...zero, likes: index + 1, impressions: (index + 1) * 10 },
      })),
      { content: 'Hourly' },
    );
    // 4 March, never synced: a post that day, but no figures.
    await published(organizationId, sandbox, 'sandbox', '2032-03-04T08:00:00Z', [], {
      content: 'Not yet',
    });
    // 23:30 on 29 February in Paris: the period before.
    await published(organizationId, mastodon, 'mastodon', '2032-02-29T22:30:00Z', [
      { at: '2032-03-01T10:00:00Z', figures: { likes: 1, comments: 0, shares: 0 } },
    ]);
  }, 60_000);
  afterAll(async () => env?.stop());

  it('gives the overview every day of both periods, nulls where no post has the figure', async () => {
    const answer = await viewer.get<Overview>(`/api/analytics/overview?${RANGE}`);
    expect(answer.status).toBe(200);
    expect(answer.body.current.days).toEqual([
      { date: '2032-03-01', ...NONE },
      // Early bird's latest (20+4+3+2+1 = 30, 900 impressions) + Toot's (6+2+2 = 10, none).
      { date: '2032-03-02', posts: 2, engagement: 40, impressions: 900 },
      // Hourly's latest: 30 likes, 300 impressions.
      { date: '2032-03-03', posts: 1, engagement: 30, impressions: 300 },
      // A post, never synced: counted, its figures unknown.
      { date: '2032-03-04', posts: 1, engagement: null, impressions: null },
    ]);
    expect(answer.body.previous.days).toEqual([
      { date: '2032-02-26', ...NONE },
      { date: '2032-02-27', ...NONE },
      { date: '2032-02-28', ...NONE },
      { date: '2032-02-29', posts: 1, engagement: 1, impressions: null },
    ]);
  });

  it('gives each posts-table row its engagement at each snapshot, oldest first, the newest 24 at most', async () => {
    const answer = await viewer.get<{ items: Row[] }>(`/api/analytics/posts?${RANGE}&sort=publishedAt`);
    expect(answer.status).toBe(200);
    const line = (text: string) =>
      answer.body.items.find((row) => row.text === text)!.sparkline.map((point) => point.engagement);
    expect(line('Early bird')).toEqual([2, 14, 30]);
    expect(answer.body.items.find((row) => row.text === 'Early bird')!.sparkline.map((p) => p.at)).toEqual([
      '2032-03-02T06:00:00.000Z',
      '2032-03-02T12:00:00.000Z',
      '2032-03-03T12:00:00.000Z',
    ]);
    expect(line('Toot')).toEqual([10]);
    expect(line('Not yet')).toEqual([]);
    // 30 snapshots: the newest 24 (likes 7 to 30), oldest first.
    expect(SPARKLINE_POINTS).toBe(24);
    expect(line('Hourly')).toEqual(Array.from({ length: 24 }, (_, index) => index + 7));
  });

  it('shows another organization nothing of these series', async () => {
    const overview = await other.get<Overview>(`/api/analytics/overview?${RANGE}`);
    expect(overview.status).toBe(200);
    expect(overview.body.current.days.every((day) => day.posts === 0 && day.engagement === null)).toBe(true);
    const posts = await other.get<{ items: Row[] }>(`/api/analytics/posts?${RANGE}`);
    expect(posts.body.items).toEqual([]);
  });
});
