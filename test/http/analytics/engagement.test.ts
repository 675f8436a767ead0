import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityRuntime } from '../../support/identity-runtime';
import type { TestClient } from '../../support/http-client';
import { analyticsFixtures } from './support';

type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;
interface Cell {
  weekday: number;
  hour: number;
  posts: number;
  measured: number;
  engagement: number | null;
  averageEngagement: number | null;
  engagementRate: number | null;
}

describe('GET /api/analytics/engagement', () => {
  let env: Env;
  let viewer: TestClient;
  let other: TestClient;
  // New York changes to summer time on Sunday 13 March 2033.
  const RANGE = 'from=2033-03-07&to=2033-03-20&timeZone=America/New_York';
  const cellsOf = async (client: TestClient, query = RANGE) => {
    const answer = await client.get<{ cells: Cell[] }>(`/api/analytics/engagement?${query}`);
    expect(answer.status).toBe(200);
    return answer.body.cells;
  };
  const at = (cells: Cell[], weekday: number, hour: number) =>
    cells.find((c) => c.weekday === weekday && c.hour === hour)!;

  beforeAll(async () => {
    env = await startIdentityRuntime(new Date('2033-04-01T09:00:00.000Z'));
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    await env.verify(first.email, first.client);
    viewer = (await env.addMember(first.client, 'viewer')).client;
    other = (await env.signUp()).client;
    const { account, published } = analyticsFixtures(env.runtime.container.db);
    const org = first.organizationId;
    const sandbox = await account(org, 'sandbox');
    const mastodon = await account(org, 'mastodon');
    // Monday 09:00 in New York, before (14:00 UTC) and after (13:00 UTC) the clocks change.
    await published(org, sandbox, 'sandbox', '2033-03-07T14:00:00Z', [
      {
        at: '2033-03-08T00:00:00Z',
        figures: { impressions: 1000, likes: 40, comments: 5, shares: 5, saves: 0, clicks: 0 },
      },
    ]);
    await published(org, sandbox, 'sandbox', '2033-03-14T13:00:00Z', [
      {
        at: '2033-03-15T00:00:00Z',
        figures: { impressions: 500, likes: 20, comments: 3, shares: 2, saves: 0, clicks: 5 },
      },
    ]);
    // 09:30 the same Monday, on a network without impressions.
    await published(org, mastodon, 'mastodon', '2033-03-14T13:30:00Z', [
      { at: '2033-03-15T00:00:00Z', figures: { likes: 10, comments: 2, shares: 8 } },
    ]);
    // Wednesday 15:30 in New York, not synced yet.
    await published(org, sandbox, 'sandbox', '2033-03-09T20:30:00Z', []);
  }, 60_000);
  afterAll(async () => env?.stop());

  it('places each post at the weekday and hour it went out in the viewer’s zone, across a DST change', async () => {
    const cells = await cellsOf(viewer);
    expect(cells).toHaveLength(168);
    expect(cells[0]).toMatchObject({ weekday: 1, hour: 0, posts: 0, engagement: null });
    // 50 + 30 + 20 over 3 posts; the rate only over the two with impressions: 80 / 1500 x 100.
    expect(at(cells, 1, 9)).toEqual({
      weekday: 1,
      hour: 9,
      posts: 3,
      measured: 3,
      engagement: 100,
      averageEngagement: 33.33,
      engagementRate: 5.33,
    });
    expect(at(cells, 3, 15)).toMatchObject({ posts: 1, measured: 0, engagement: null, engagementRate: null });
    expect(cells.reduce((sum, cell) => sum + cell.posts, 0)).toBe(4);
  });

  it('reads the same posts in another zone, filters by network, and shows no one else’s', async () => {
    const utc = await cellsOf(viewer, 'from=2033-03-07&to=2033-03-20&timeZone=UTC');
    expect(at(utc, 1, 14).posts).toBe(1);
    expect(at(utc, 1, 13).posts).toBe(2);
    const mastodonOnly = await cellsOf(viewer, `${RANGE}&platforms=mastodon`);
    expect(at(mastodonOnly, 1, 9)).toMatchObject({ posts: 1, engagement: 20, engagementRate: null });
    expect((await cellsOf(other)).every((cell) => cell.posts === 0)).toBe(true);
    const bad = await viewer.get('/api/analytics/engagement?from=2033-03-20&to=2033-03-07&timeZone=UTC');
    expect(bad.status).toBe(400);
  });
});
