import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competitorPosts, competitors, mentions } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { startIdentityRuntime } from '../../support/identity-runtime';
import type { TestClient } from '../../support/http-client';
import { analyticsFixtures } from './support';

type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;
interface Term {
  term: string;
  kind: string;
  total: number;
  previous: number;
  growth: number | null;
  counts: number[];
  bySource: Record<string, number>;
}
interface TrendBody {
  buckets: string[];
  texts: Record<string, number>;
  terms: Term[];
  rising: Term[];
}

describe('GET /api/analytics/trends', () => {
  let env: Env;
  let viewer: TestClient;
  let other: TestClient;
  // Monday 7 June 2032 to Sunday 13 June, and the week before.
  const RANGE = 'from=2032-06-07&to=2032-06-13&timeZone=UTC';
  const trendsOf = async (client: TestClient, query: string) => {
    const answer = await client.get<TrendBody>(`/api/analytics/trends?${query}`);
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
    const post = (at: string, content: string) => published(org, own, 'sandbox', at, [], { content });
    await post('2032-06-08T10:00:00Z', 'Our #Coffee beans are fresh');
    await post('2032-06-08T15:00:00Z', '#coffee #COFFEE coffee lovers');
    await post('2032-06-11T09:00:00Z', 'espresso tonic');
    await post('2032-06-02T09:00:00Z', '#tea kettle');
    await withSystem(db, async (tx) => {
      await tx.insert(mentions).values({
        organizationId: org,
        platform: 'bluesky',
        externalId: 'm1',
        content: '@plume your #coffee rocks',
        mentionedAt: new Date('2032-06-10T12:00:00Z'),
      });
      const [rival] = await tx
        .insert(competitors)
        .values({ organizationId: org, platform: 'mastodon', handle: 'rival@m.example' })
        .returning();
      await tx.insert(competitorPosts).values([
        {
          organizationId: org,
          competitorId: rival!.id,
          externalId: 'c1',
          text: 'Espresso martini #Coffee https://x.example/menu#nottag',
          publishedAt: new Date('2032-06-12T18:00:00Z'),
        },
        {
          organizationId: org,
          competitorId: rival!.id,
          externalId: 'c0',
          text: 'espresso #tea',
          publishedAt: new Date('2032-06-03T18:00:00Z'),
        },
      ]);
    });
  }, 180_000);
  afterAll(async () => env?.stop());

  it('counts hashtags case-insensitively and words without stop words, per day, against the week before', async () => {
    const body = await trendsOf(viewer, `${RANGE}&limit=3`);
    expect(body.buckets).toEqual([
      '2032-06-07',
      '2032-06-08',
      '2032-06-09',
      '2032-06-10',
      '2032-06-11',
      '2032-06-12',
      '2032-06-13',
    ]);
    expect(body.texts).toEqual({ ownPosts: 3, mentions: 1, competitorPosts: 1 });
    // #coffee: two own posts on the 8th (one says it twice: counted once), the mention, the rival's post.
    expect(body.terms).toEqual([
      {
        term: '#coffee',
        kind: 'hashtag',
        total: 4,
        previous: 0,
        growth: null,
        counts: [0, 2, 0, 1, 0, 1, 0],
        bySource: { ownPosts: 2, mentions: 1, competitorPosts: 1 },
      },
      {
        term: 'espresso',
        kind: 'word',
        total: 2,
        previous: 1,
        growth: 100,
        counts: [0, 0, 0, 0, 1, 1, 0],
        bySource: { ownPosts: 1, mentions: 0, competitorPosts: 1 },
      },
      expect.objectContaining({ term: 'beans', total: 1 }),
    ]);
    expect(body.rising.map((t) => t.term)).toEqual(['#coffee', 'espresso']);
    const all = await trendsOf(viewer, `${RANGE}&limit=100`);
    const words = all.terms.map((t) => t.term).sort();
    // No stop words ("our", "are", "your"), no links or their fragments, no @mentions.
    expect(words).toEqual([
      '#coffee',
      'beans',
      'coffee',
      'espresso',
      'fresh',
      'lovers',
      'martini',
      'rocks',
      'tonic',
    ]);
  });

  it('counts by ISO week, filters by network, and shows another organization nothing', async () => {
    const weekly = await trendsOf(viewer, `${RANGE}&bucket=week`);
    expect(weekly.buckets).toEqual(['2032-06-07']);
    expect(weekly.terms[0]).toMatchObject({ term: '#coffee', counts: [4] });
    // Mastodon only: the rival's post; the Sandbox posts and the Bluesky mention are left out.
    const mastodon = await trendsOf(viewer, `${RANGE}&platforms=mastodon`);
    expect(mastodon.texts).toEqual({ ownPosts: 0, mentions: 0, competitorPosts: 1 });
    expect(mastodon.terms.find((t) => t.term === '#coffee')).toMatchObject({
      total: 1,
      counts: [0, 0, 0, 0, 0, 1, 0],
    });
    // In Tokyo the rival's post (18:00 UTC on the 12th) falls on the 13th.
    const tokyo = await trendsOf(
      viewer,
      'from=2032-06-07&to=2032-06-13&timeZone=Asia/Tokyo&platforms=mastodon',
    );
    expect(tokyo.terms.find((t) => t.term === '#coffee')!.counts).toEqual([0, 0, 0, 0, 0, 0, 1]);
    const stranger = await trendsOf(other, RANGE);
    expect(stranger).toMatchObject({
      terms: [],
      rising: [],
      texts: { ownPosts: 0, mentions: 0, competitorPosts: 0 },
    });
  });

  it('refuses bad input', async () => {
    for (const query of [
      `${RANGE}&bucket=month`,
      `${RANGE}&limit=0`,
      `${RANGE}&limit=101`,
      'from=2032-06-13&to=2032-06-07&timeZone=UTC',
      'from=2032-06-07&timeZone=UTC',
    ]) {
      expect((await viewer.get(`/api/analytics/trends?${query}`)).status, query).toBe(400);
    }
  });
});
