import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountMetrics, audienceInsights, socialAccounts } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { TestClient } from '../../support/http-client';
import { startIdentityRuntime } from '../../support/identity-runtime';
import { analyticsFixtures } from './support';

type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;
interface Growth {
  start: number | null;
  end: number | null;
  change: number | null;
  growthRate: number | null;
}
interface GrowthAccount {
  id: string;
  stale: boolean;
  current: Growth;
  previous: Growth;
  days: { date: string; followers: number | null }[];
  unavailable: Record<string, string>;
  asOf: string | null;
  source: string | null;
}
interface GrowthBody {
  accounts: GrowthAccount[];
  total: {
    current: Growth & { accounts: number };
    previous: Growth & { accounts: number };
    days: { date: string; followers: number | null; accounts: number }[];
  };
  asOf: string | null;
  sources: string[];
}
interface AudienceAccount {
  id: string;
  stale: boolean;
  followers: number | null;
  demographics: Record<string, Record<string, number>>;
  engagement: number | null;
  engagementRateByFollowers: number | null;
  unavailable: Record<string, string>;
  asOf: string | null;
  source: string | null;
}

/**
 * Hand-computed fixtures. New York, 7..13 March 2033 (clocks go forward on the 13th), and the
 * week before. Account A (Sandbox): 1,000 on the 7th, 1,040 on the 9th, 1,100 at noon on the
 * 13th and 1,120 at 23:00 New York time on the 13th (already the 14th in UTC): the 13th keeps its
 * last reading, 1,120. Growth (1120 - 1000) / 1000 x 100 = 12 %. The week before: 900 -> 950,
 * 50 / 900 x 100 = 5.56 %. Account B (Mastodon): 200 -> 190, -5 %, nothing the week before.
 * Account C (Bluesky): never synced. Total: 1,200 -> 1,310, 110 / 1200 x 100 = 9.17 %.
 */
describe('GET /api/analytics/growth and /api/analytics/audience', () => {
  let env: Env;
  let admin: TestClient;
  let viewer: TestClient;
  let other: TestClient;
  let org: string;
  const ids = { a: '', b: '', c: '' };
  const RANGE = 'from=2033-03-07&to=2033-03-13&timeZone=America/New_York';

  beforeAll(async () => {
    env = await startIdentityRuntime(new Date('2033-04-01T09:00:00.000Z'));
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    await env.verify(first.email, first.client);
    admin = first.client;
    org = first.organizationId;
    viewer = (await env.addMember(first.client, 'viewer')).client;
    other = (await env.signUp()).client;
    const db = env.runtime.container.db;
    const { account, published } = analyticsFixtures(db);
    ids.a = await account(org, 'sandbox', 'A');
    ids.b = await account(org, 'mastodon', 'B');
    ids.c = await account(org, 'bluesky', 'C');
    await withSystem(db, async (tx) => {
      await tx
        .update(socialAccounts)
        .set({ lastSync: new Date('2033-04-01T08:00:00Z') })
        .where(eq(socialAccounts.id, ids.a));
      await tx
        .update(socialAccounts)
        .set({ lastSync: new Date('2033-03-25T06:00:00Z') })
        .where(eq(socialAccounts.id, ids.b));
      const reading = (accountId: string, at: string, followers: number, source: string) => ({
        organizationId: org,
        socialAccountId: accountId,
        dateBucket: at.slice(0, 10),
        followersCount: followers,
        recordedAt: new Date(at),
        source,
      });
      const sandbox = 'Plume Sandbox (simulated network)';
      const mastodon = 'Mastodon API, GET /api/v1/accounts/verify_credentials';
      await tx
        .insert(accountMetrics)
        .values([
          reading(ids.a, '2033-03-01T15:00:00Z', 900, sandbox),
          reading(ids.a, '2033-03-05T15:00:00Z', 950, sandbox),
          reading(ids.a, '2033-03-07T15:00:00Z', 1000, sandbox),
          reading(ids.a, '2033-03-09T15:00:00Z', 1040, sandbox),
          reading(ids.a, '2033-03-13T16:00:00Z', 1100, sandbox),
          reading(ids.a, '2033-03-14T03:00:00Z', 1120, sandbox),
          reading(ids.a, '2033-03-20T15:00:00Z', 5000, sandbox),
          reading(ids.b, '2033-03-08T12:00:00Z', 200, mastodon),
          reading(ids.b, '2033-03-12T12:00:00Z', 190, mastodon),
        ]);
      const audience = (date: string, age: Record<string, number>) => ({
        organizationId: org,
        socialAccountId: ids.a,
        analysisDate: date,
        demographics: { age },
        unavailable: { locale: 'The Sandbox audience model has no languages.' },
        source: 'Plume Sandbox (simulated audience)',
        createdAt: new Date(`${date}T06:00:00Z`),
      });
      await tx
        .insert(audienceInsights)
        .values([
          audience('2033-03-08', { '18-24': 0.5, '25-34': 0.5 }),
          audience('2033-03-10', { '18-24': 0.4, '25-34': 0.6 }),
          audience('2033-03-20', { '18-24': 1 }),
        ]);
    });
    // Engagement 40 + 5 + 5 = 50 over the week; 50 / 1120 x 100 = 4.46 %.
    await published(org, ids.a, 'sandbox', '2033-03-08T15:00:00Z', [
      {
        at: '2033-03-09T00:00:00Z',
        figures: { impressions: 1000, likes: 40, comments: 5, shares: 5, saves: 0, clicks: 0 },
      },
    ]);
  }, 60_000);
  afterAll(async () => env?.stop());

  it('answers growth per account, hand-computed, with days in the viewer zone and no filling in', async () => {
    const answer = await viewer.get<GrowthBody>(`/api/analytics/growth?${RANGE}`);
    expect(answer.status).toBe(200);
    const a = answer.body.accounts.find((x) => x.id === ids.a)!;
    expect(a.current).toEqual({ start: 1000, end: 1120, change: 120, growthRate: 12 });
    expect(a.previous).toEqual({ start: 900, end: 950, change: 50, growthRate: 5.56 });
    expect(a.days).toEqual([
      { date: '2033-03-07', followers: 1000 },
      { date: '2033-03-08', followers: null },
      { date: '2033-03-09', followers: 1040 },
      { date: '2033-03-10', followers: null },
      { date: '2033-03-11', followers: null },
      { date: '2033-03-12', followers: null },
      { date: '2033-03-13', followers: 1120 },
    ]);
    expect(a).toMatchObject({
      stale: false,
      asOf: '2033-03-14T03:00:00.000Z',
      source: 'Plume Sandbox (simulated network)',
    });
    const b = answer.body.accounts.find((x) => x.id === ids.b)!;
    expect(b.current).toEqual({ start: 200, end: 190, change: -10, growthRate: -5 });
    expect(b.previous).toEqual({ start: null, end: null, change: null, growthRate: null });
    expect(b.stale).toBe(true);
    const c = answer.body.accounts.find((x) => x.id === ids.c)!;
    expect(c.current.end).toBeNull();
    expect(c.unavailable.followers).toMatch(/No follower count was synced/);
    expect(c).toMatchObject({ stale: true, asOf: null, source: null });
    expect(answer.body.total.current).toEqual({
      start: 1200,
      end: 1310,
      change: 110,
      growthRate: 9.17,
      accounts: 2,
    });
    expect(answer.body.total.previous).toEqual({
      start: 900,
      end: 950,
      change: 50,
      growthRate: 5.56,
      accounts: 1,
    });
    expect(answer.body.total.days.map((d) => [d.followers, d.accounts])).toEqual([
      [1000, 1],
      [200, 1],
      [1040, 1],
      [null, 0],
      [null, 0],
      [190, 1],
      [1120, 1],
    ]);
    expect(answer.body.sources).toEqual([
      'Mastodon API, GET /api/v1/accounts/verify_credentials',
      'Plume Sandbox (simulated network)',
    ]);
  });

  it('narrows to accounts and networks', async () => {
    const answer = await viewer.get<GrowthBody>(`/api/analytics/growth?${RANGE}&platforms=mastodon`);
    expect(answer.body.accounts.map((x) => x.id)).toEqual([ids.b]);
    const only = await viewer.get<GrowthBody>(`/api/analytics/growth?${RANGE}&accountIds=${ids.a}`);
    expect(only.body.total.current.end).toBe(1120);
  });

  it('answers the audience: latest demographics in range, followers, engagement rate by followers, reasons', async () => {
    const answer = await viewer.get<{ accounts: AudienceAccount[]; sources: string[] }>(
      `/api/analytics/audience?${RANGE}`,
    );
    expect(answer.status).toBe(200);
    const a = answer.body.accounts.find((x) => x.id === ids.a)!;
    expect(a).toMatchObject({
      followers: 1120,
      demographics: { age: { '18-24': 0.4, '25-34': 0.6 } },
      engagement: 50,
      engagementRateByFollowers: 4.46,
      asOf: '2033-03-10T06:00:00.000Z',
      source: 'Plume Sandbox (simulated audience)',
    });
    expect(a.unavailable.locale).toBe('The Sandbox audience model has no languages.');
    expect(a.unavailable.age).toBeUndefined();
    const b = answer.body.accounts.find((x) => x.id === ids.b)!;
    expect(b.engagementRateByFollowers).toBeNull();
    expect(b.unavailable.engagementRateByFollowers).toMatch(/No post of this account/);
    expect(b.unavailable.age).toBe('Mastodon publishes nothing about who follows an account (by design).');
    const c = answer.body.accounts.find((x) => x.id === ids.c)!;
    expect(c.followers).toBeNull();
    expect(c.unavailable.followers).toMatch(/No follower count was synced/);
  });

  it('shows another organization nothing of ours, even asked by id', async () => {
    const growth = await other.get<GrowthBody>(`/api/analytics/growth?${RANGE}&accountIds=${ids.a}`);
    expect(growth.status).toBe(200);
    expect(growth.body.accounts).toEqual([]);
    expect(growth.body.total.current.end).toBeNull();
    const audience = await other.get<{ accounts: unknown[] }>(`/api/analytics/audience?${RANGE}`);
    expect(audience.body.accounts).toEqual([]);
  });

  it('refuses callers without a session', async () => {
    const anonymous = new TestClient(admin.baseUrl);
    expect((await anonymous.get(`/api/analytics/growth?${RANGE}`)).status).toBe(401);
    expect((await anonymous.get(`/api/analytics/audience?${RANGE}`)).status).toBe(401);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    for (const path of ['growth', 'audience']) {
      const backwards = await viewer.get<{ errors?: { field: string }[] }>(
        `/api/analytics/${path}?from=2033-03-13&to=2033-03-07&timeZone=UTC`,
      );
      expect(backwards.status).toBe(400);
      expect(backwards.body.errors?.[0]?.field).toBe('query.to');
      expect(
        (await viewer.get(`/api/analytics/${path}?from=2033-03-07&to=2033-03-13&timeZone=Mars/Olympus`))
          .status,
      ).toBe(400);
      expect(
        (await viewer.get(`/api/analytics/${path}?from=2031-01-01&to=2033-03-13&timeZone=UTC`)).status,
      ).toBe(400);
      expect(
        (
          await viewer.get(
            `/api/analytics/${path}?from=2033-03-07&to=2033-03-13&timeZone=UTC&accountIds=nope`,
          )
        ).status,
      ).toBe(400);
    }
  });
});
