import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountMetrics,
  competitorPosts,
  competitors,
  competitorSnapshots,
} from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { startIdentityRuntime } from '../../support/identity-runtime';
import type { TestClient } from '../../support/http-client';
import { analyticsFixtures } from './support';

type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;
interface Figures {
  posts: number;
  postsPerWeek: number;
  engagement: number | null;
  engagementRateByFollowers: number | null;
  shareOfPosts: number | null;
  shareOfEngagement: number | null;
}
interface Party {
  kind: string;
  handle: string | null;
  followers: number | null;
  current: Figures;
  previous: Figures;
  change: Record<string, number | null>;
  topPosts: { text: string; engagement: number | null }[];
  unavailable: Record<string, string>;
}

describe('GET /api/analytics/competitors', () => {
  let env: Env;
  let viewer: TestClient;
  let other: TestClient;
  // A week of UTC days and the week before it.
  const RANGE = 'from=2032-06-07&to=2032-06-13&timeZone=UTC';
  const partiesOf = async (client: TestClient, query = RANGE) => {
    const answer = await client.get<{ parties: Party[]; asOf: string | null; sources: string[] }>(
      `/api/analytics/competitors?${query}`,
    );
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    env = await startIdentityRuntime(new Date('2032-06-20T09:00:00.000Z'));
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    await env.verify(first.email, first.client);
    viewer = (await env.addMember(first.client, 'viewer')).client;
    other = (await env.signUp()).client;
    const db = env.runtime.container.db;
    const { account, published } = analyticsFixtures(db);
    const org = first.organizationId;
    const own = await account(org, 'sandbox');
    const snapshot = (likes: number, comments: number, shares: number) => [
      {
        at: '2032-06-15T00:00:00Z',
        figures: { impressions: 5000, likes, comments, shares, saves: 7, clicks: 9 },
      },
    ];
    await published(org, own, 'sandbox', '2032-06-08T10:00:00Z', snapshot(40, 5, 5), {
      content: 'Best #coffee',
    });
    await published(org, own, 'sandbox', '2032-06-10T10:00:00Z', snapshot(10, 0, 10), {
      content: 'Tea time',
    });
    await published(org, own, 'sandbox', '2032-06-02T10:00:00Z', snapshot(8, 0, 0));
    await withSystem(db, async (tx) => {
      await tx.insert(accountMetrics).values([
        { organizationId: org, socialAccountId: own, dateBucket: '2032-06-01', followersCount: 800 },
        { organizationId: org, socialAccountId: own, dateBucket: '2032-06-10', followersCount: 1000 },
        { organizationId: org, socialAccountId: own, dateBucket: '2032-06-19', followersCount: 1200 },
      ]);
      const [rival, insta] = await tx
        .insert(competitors)
        .values([
          {
            organizationId: org,
            platform: 'mastodon',
            handle: 'rival@m.example',
            name: 'Rival',
            lastCheckedAt: new Date('2032-06-14T06:00:00Z'),
          },
          {
            organizationId: org,
            platform: 'instagram',
            handle: 'rival.ig',
            name: 'Rival IG',
            lastCheckedAt: new Date('2032-06-13T12:00:00Z'),
          },
        ])
        .returning();
      await tx.insert(competitorSnapshots).values([
        {
          organizationId: org,
          competitorId: rival!.id,
          followersCount: 1500,
          capturedAt: new Date('2032-06-05T06:00:00Z'),
        },
        {
          organizationId: org,
          competitorId: rival!.id,
          followersCount: 2000,
          capturedAt: new Date('2032-06-14T06:00:00Z'),
          data: { source: 'Mastodon REST API' },
        },
        {
          organizationId: org,
          competitorId: insta!.id,
          followersCount: 500,
          capturedAt: new Date('2032-06-13T12:00:00Z'),
          data: {
            source: 'Instagram Graph API (Business Discovery)',
            unavailable: { shares: 'No shares on Instagram', impressions: 'Never public' },
          },
        },
      ]);
      const post = (
        competitorId: string,
        id: string,
        day: string,
        likes: number,
        comments: number,
        shares: number | null,
      ) => ({
        organizationId: org,
        competitorId,
        externalId: id,
        text: `Post ${id}`,
        publishedAt: new Date(`${day}T12:00:00Z`),
        likesCount: likes,
        commentsCount: comments,
        sharesCount: shares,
        capturedAt: new Date('2032-06-14T06:00:00Z'),
      });
      await tx
        .insert(competitorPosts)
        .values([
          post(rival!.id, 'c1', '2032-06-09', 100, 10, 10),
          post(rival!.id, 'c2', '2032-06-11', 30, 5, 5),
          post(rival!.id, 'c3', '2032-06-12', 0, 0, 0),
          post(rival!.id, 'c0', '2032-06-03', 20, 5, 5),
          post(rival!.id, 'late', '2032-06-14', 999, 0, 0),
          post(insta!.id, 'd1', '2032-06-10', 20, 5, null),
        ]);
    });
  }, 180_000);
  afterAll(async () => env?.stop());

  it('benchmarks the organization against each competitor: cadence, engagement rate by followers, share of voice, change', async () => {
    const { parties, asOf, sources } = await partiesOf(viewer);
    expect(parties.map((p) => [p.kind, p.handle])).toEqual([
      ['organization', null],
      ['competitor', 'rival.ig'],
      ['competitor', 'rival@m.example'],
    ]);
    const [org, insta, rival] = parties as [Party, Party, Party];
    // Own: (40+5+5)/1000 and (10+0+10)/1000 -> 5 % and 2 %, mean 3.5 %; saves and clicks are the owner's only.
    expect(org.followers).toBe(1000);
    expect(org.current).toEqual({
      posts: 2,
      postsPerWeek: 2,
      engagement: 70,
      engagementRateByFollowers: 3.5,
      shareOfPosts: 33.33,
      shareOfEngagement: 27.45,
    });
    // 8 / 800 followers on 1 June.
    expect(org.previous).toEqual({
      posts: 1,
      postsPerWeek: 1,
      engagement: 8,
      engagementRateByFollowers: 1,
      shareOfPosts: 50,
      shareOfEngagement: 21.05,
    });
    expect(org.change).toEqual({
      posts: 100,
      engagement: 775,
      engagementRateByFollowers: 250,
      shareOfPosts: -16.67,
      shareOfEngagement: 6.4,
    });
    expect(org.topPosts.map((p) => [p.text, p.engagement])).toEqual([
      ['Best #coffee', 50],
      ['Tea time', 20],
    ]);
    // Rival: 120/2000, 40/2000, 0/2000 -> 6, 2, 0 %: mean 2.67 %; before, 30 / 1500 (the snapshot nearest 7 June).
    expect(rival.followers).toBe(2000);
    expect(rival.current).toEqual({
      posts: 3,
      postsPerWeek: 3,
      engagement: 160,
      engagementRateByFollowers: 2.67,
      shareOfPosts: 50,
      shareOfEngagement: 62.75,
    });
    expect(rival.previous).toMatchObject({
      posts: 1,
      engagement: 30,
      engagementRateByFollowers: 2,
      shareOfEngagement: 78.95,
    });
    expect(rival.change).toMatchObject({ posts: 200, engagement: 433.33, engagementRateByFollowers: 33.5 });
    expect(rival.topPosts.map((p) => p.engagement)).toEqual([120, 40, 0]);
    // Instagram gives no shares: engagement is likes + comments; nothing the week before.
    expect(insta.current).toEqual({
      posts: 1,
      postsPerWeek: 1,
      engagement: 25,
      engagementRateByFollowers: 5,
      shareOfPosts: 16.67,
      shareOfEngagement: 9.8,
    });
    expect(insta.previous).toMatchObject({
      posts: 0,
      engagement: null,
      shareOfPosts: 0,
      shareOfEngagement: null,
    });
    expect(insta.unavailable).toMatchObject({ impressions: 'Never public' });
    expect(insta.unavailable.engagement).toBeUndefined();
    expect(asOf).toBe('2032-06-15T00:00:00.000Z');
    expect(sources).toContain('Instagram Graph API (Business Discovery)');
  });

  it('filters competitors by network, shows another organization only itself, and refuses a bad range', async () => {
    const mastodonOnly = (await partiesOf(viewer, `${RANGE}&platforms=mastodon`)).parties;
    expect(mastodonOnly.map((p) => p.handle)).toEqual([null, 'rival@m.example']);
    expect(mastodonOnly[0]!.current.posts).toBe(0);
    expect(mastodonOnly[0]!.unavailable.engagement).toBe('No post was published in this period.');
    expect(mastodonOnly[1]!.current.shareOfPosts).toBe(100);
    const stranger = (await partiesOf(other)).parties;
    expect(stranger).toHaveLength(1);
    expect(stranger[0]).toMatchObject({ kind: 'organization', followers: null, current: { posts: 0 } });
    expect(
      (await viewer.get('/api/analytics/competitors?from=2032-06-13&to=2032-06-07&timeZone=UTC')).status,
    ).toBe(400);
    expect(
      (await viewer.get('/api/analytics/competitors?from=2032-06-07&to=2032-06-13&timeZone=Mars/Base'))
        .status,
    ).toBe(400);
  });
});
