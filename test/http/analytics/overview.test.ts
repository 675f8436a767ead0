import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { posts } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { PLATFORM_CATALOG } from '../../../functions/shared/platforms/catalog';
import { startIdentityRuntime } from '../../support/identity-runtime';
import type { TestClient } from '../../support/http-client';
import { analyticsFixtures } from './support';

const T0 = new Date('2032-03-10T09:00:00.000Z');
type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;

interface Period {
  from: string;
  to: string;
  start: string;
  end: string;
  posts: number;
  unavailable: Record<string, string>;
  [figure: string]: unknown;
}
interface Overview {
  timeZone: string;
  current: Period;
  previous: Period;
  change: Record<string, number | null>;
  asOf: string | null;
  sources: string[];
  staleAccounts: Array<{ id: string; platform: string; name: string | null; lastSync: string | null }>;
}

const MASTODON_NO_VIEWS = PLATFORM_CATALOG.mastodon.metrics.unavailable.impressions;

describe('GET /api/analytics/overview', () => {
  let env: Env;
  let admin: TestClient;
  let viewer: TestClient;
  let other: TestClient;
  let organizationId: string;
  let sandboxAccount: string;

  let account: ReturnType<typeof analyticsFixtures>['account'];
  let published: ReturnType<typeof analyticsFixtures>['published'];

  const overview = (client: TestClient, query: string) =>
    client.get<Overview>(`/api/analytics/overview?${query}`);
  const WEEK = 'from=2032-03-01&to=2032-03-07&timeZone=Europe/Paris';

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

    ({ account, published } = analyticsFixtures(env.runtime.container.db));
    sandboxAccount = await account(organizationId, 'sandbox');
    const mastodon = await account(organizationId, 'mastodon');
    const full = { impressions: 1000, reach: 800, likes: 12, comments: 3, shares: 4, clicks: 5, saves: 1 };
    // This week (Paris: 1 to 7 March 2032, UTC+1). The older snapshot of the first is superseded.
    await published(organizationId, sandboxAccount, 'sandbox', '2032-03-02T10:00:00Z', [
      { at: '2032-03-02T12:00:00Z', figures: { ...full, impressions: 100, likes: 1 } },
      { at: '2032-03-03T12:00:00Z', figures: full },
    ]);
    await published(organizationId, mastodon, 'mastodon', '2032-03-05T10:00:00Z', [
      { at: '2032-03-06T00:00:00Z', figures: { likes: 6, comments: 2, shares: 2 } },
    ]);
    await published(organizationId, sandboxAccount, 'sandbox', '2032-03-06T09:00:00Z', []);
    // 00:30 on 1 March in Paris, 23:30 UTC the day before: this week.
    await published(organizationId, sandboxAccount, 'sandbox', '2032-02-29T23:30:00Z', [
      {
        at: '2032-03-02T00:00:00Z',
        figures: { impressions: 200, reach: 150, likes: 3, comments: 1, shares: 0, clicks: 1, saves: 0 },
      },
    ]);
    // 23:30 on 29 February in Paris: the week before (23 to 29 February 2032, a leap year).
    await published(organizationId, sandboxAccount, 'sandbox', '2032-02-29T22:30:00Z', [
      {
        at: '2032-03-01T00:00:00Z',
        figures: { impressions: 500, reach: 400, likes: 5, comments: 0, shares: 0, clicks: 0, saves: 0 },
      },
    ]);
    // Deleted since it went out: not counted, as in the posts table.
    const deleted = await published(organizationId, sandboxAccount, 'sandbox', '2032-03-04T10:00:00Z', [
      { at: '2032-03-05T00:00:00Z', figures: { impressions: 70_000, likes: 7_000 } },
    ]);
    await withSystem(env.runtime.container.db, (tx) =>
      tx
        .update(posts)
        .set({ deletedAt: new Date('2032-03-06T00:00:00Z') })
        .where(eq(posts.id, deleted.postId)),
    );
    // Not published: not counted.
    await published(organizationId, sandboxAccount, 'sandbox', '2032-03-03T10:00:00Z', [], {
      status: 'failed',
    });
    // Another organization's post in the same week.
    const theirs = await account(second.organizationId, 'sandbox');
    await published(second.organizationId, theirs, 'sandbox', '2032-03-03T10:00:00Z', [
      { at: '2032-03-04T00:00:00Z', figures: { impressions: 90_000, likes: 9_000 } },
    ]);
  }, 60_000);
  afterAll(async () => env?.stop());

  it('adds the latest metrics of the posts published in the viewer’s days, against the days before', async () => {
    const answer = await overview(viewer, WEEK);
    expect(answer.status).toBe(200);
    const { current, previous, change } = answer.body;
    expect(current).toMatchObject({
      from: '2032-03-01',
      to: '2032-03-07',
      start: '2032-02-29T23:00:00.000Z',
      end: '2032-03-07T23:00:00.000Z',
      posts: 4,
      // 1000 + 200 (Mastodon has none); 12 + 6 + 3; 3 + 2 + 1; 4 + 2 + 0; 5 + 1
      impressions: 1200,
      reach: 950,
      likes: 21,
      comments: 6,
      shares: 6,
      clicks: 6,
      // 25 + 10 + 5; the rate only over posts with impressions: (25 + 5) / 1200 x 100
      engagement: 40,
      engagementRate: 2.5,
      unavailable: {},
    });
    expect(previous).toMatchObject({
      from: '2032-02-23',
      to: '2032-02-29',
      posts: 1,
      impressions: 500,
      likes: 5,
      comments: 0,
      engagement: 5,
      engagementRate: 1,
    });
    expect(change).toMatchObject({
      posts: 300,
      impressions: 140,
      likes: 320,
      comments: null, // from 0
      engagement: 700,
      engagementRate: 150,
    });
    expect(answer.body.asOf).toBe('2032-03-06T00:00:00.000Z');
    expect(answer.body.sources).toEqual(
      [PLATFORM_CATALOG.mastodon.metrics.source, PLATFORM_CATALOG.sandbox.metrics.source].sort(),
    );
    // Neither account ever synced: both are flagged, and only those in scope.
    expect(answer.body.staleAccounts.map((stale) => stale.platform).sort()).toEqual(['mastodon', 'sandbox']);
    expect(answer.body.staleAccounts.every((stale) => stale.lastSync === null)).toBe(true);
    const scoped = (await overview(viewer, `${WEEK}&accountIds=${sandboxAccount}`)).body;
    expect(scoped.staleAccounts.map((stale) => stale.id)).toEqual([sandboxAccount]);
  });

  it('filters by network and account; a figure no post has is null with the network’s reason', async () => {
    const mastodonOnly = (await overview(admin, `${WEEK}&platforms=mastodon`)).body.current;
    expect(mastodonOnly).toMatchObject({
      posts: 1,
      likes: 6,
      impressions: null,
      engagement: 10,
      engagementRate: null,
    });
    expect(mastodonOnly.unavailable).toMatchObject({
      impressions: MASTODON_NO_VIEWS,
      engagementRate: MASTODON_NO_VIEWS,
    });
    const sandboxOnly = (await overview(admin, `${WEEK}&accountIds=${sandboxAccount}`)).body.current;
    expect(sandboxOnly).toMatchObject({ posts: 3, impressions: 1200, likes: 15 });
    const both = (await overview(admin, `${WEEK}&platforms=mastodon,sandbox`)).body.current;
    expect(both.posts).toBe(4);
  });

  it('says why a period without posts has no figures, and never shows another organization’s', async () => {
    const empty = (await overview(admin, 'from=2031-01-01&to=2031-01-07&timeZone=UTC')).body;
    expect(empty.current).toMatchObject({ posts: 0, impressions: null, engagement: null });
    expect(empty.current.unavailable.impressions).toBe('No post was published in this period.');
    expect(empty.asOf).toBeNull();
    const theirs = (await overview(other, WEEK)).body.current;
    expect(theirs).toMatchObject({ posts: 1, impressions: 90_000, likes: 9_000 });
  });

  it('refuses a bad range, zone or filter with 400 problem+json naming the field', async () => {
    for (const [query, field] of [
      ['from=2032-03-07&to=2032-03-01&timeZone=UTC', 'query.to'],
      ['from=2030-01-01&to=2032-01-02&timeZone=UTC', 'query.to'],
      ['from=2032-03-01&to=2032-03-07&timeZone=Mars/Olympus', 'query.timeZone'],
      ['from=2032-03-01&to=2032-03-07&timeZone=UTC&platforms=myspace', 'query.platforms'],
      ['from=2032-03-01&to=2032-03-07&timeZone=UTC&accountIds=not-an-id', 'query.accountIds'],
      ['from=2032-03-01&timeZone=UTC', 'query.to'],
    ] as const) {
      const answer = await admin.get<{ errors: { field: string }[] }>(`/api/analytics/overview?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.headers.get('content-type'), query).toContain('application/problem+json');
      expect(
        answer.body.errors.some((e) => e.field === field || e.field.startsWith(`${field}.`)),
        query,
      ).toBe(true);
    }
    const unknown = await admin.get(`/api/analytics/overview?${WEEK}&limit=5`);
    expect(unknown.status).toBe(400);
  });
});
