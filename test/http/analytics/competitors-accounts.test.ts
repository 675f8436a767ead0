import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competitorPosts, competitors, competitorSnapshots } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { ensureSandboxAccount, insertSandboxPosts } from '../../../functions/platforms/sandbox/store';
import type { TestClient } from '../../support/http-client';
import { startMastodonPublicStandIn } from '../../platforms/support/mastodon-public-stand-in';
import { startAccountsRuntime, type AccountsEnv } from '../social-accounts/support';

interface Competitor {
  id: string;
  platform: string;
  handle: string;
  name: string | null;
  platformAccountId: string | null;
  serviceUrl: string | null;
  lastCheckedAt: string | null;
  lastCheckError: string | null;
  latest: {
    followers: number | null;
    postsCount: number | null;
    postsPerWeek: number | null;
    engagementRateByFollowers: number | null;
  } | null;
}
interface Problem {
  detail: string;
  errors?: { field: string; message: string }[];
}

const NOW = new Date('2031-03-31T12:00:00.000Z');

describe('tracked competitor accounts: add, list, remove', () => {
  let env: AccountsEnv;
  let mastodon: Awaited<ReturnType<typeof startMastodonPublicStandIn>>;
  let user: TestClient;
  let viewer: TestClient;
  let stranger: TestClient;
  let added: Competitor;

  const add = (client: TestClient, body: Record<string, unknown>) =>
    client.post<Competitor & Problem>('/api/analytics/competitors/accounts', body);
  const list = async (client: TestClient) => {
    const answer = await client.get<{ items: Competitor[] }>('/api/analytics/competitors/accounts');
    expect(answer.status).toBe(200);
    return answer.body.items;
  };

  beforeAll(async () => {
    mastodon = await startMastodonPublicStandIn();
    mastodon.accounts.set('rival', {
      id: '77',
      username: 'rival',
      display_name: 'Rival Roasters',
      followers_count: 400,
      statuses_count: 12,
      statuses: [
        {
          id: '501',
          created_at: '2031-03-30T09:00:00.000Z',
          content: '<p>Spring blend</p>',
          replies_count: 2,
          reblogs_count: 3,
          favourites_count: 15,
        },
      ],
    });
    env = await startAccountsRuntime({}, NOW);
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    await env.verify(first.email, first.client);
    user = (await env.addMember(first.client, 'user')).client;
    viewer = (await env.addMember(first.client, 'viewer')).client;
    stranger = (await env.signUp()).client;
    const db = env.container.db;
    const account = await ensureSandboxAccount(db, 'rival.cafe', new Date('2031-01-01T00:00:00Z'), {
      followers: 2000,
      displayName: 'Rival Café',
    });
    // Three posts in the last 30 days and one older, which the first read leaves out.
    for (const [day, text] of [
      ['2031-02-20', 'Old news'],
      ['2031-03-10', 'New #Espresso'],
      ['2031-03-20', 'Latte art #espresso'],
      ['2031-03-30', 'Open late today'],
    ] as const) {
      await insertSandboxPosts(db, account, new Date(`${day}T10:00:00Z`), { text, media: [] }, []);
    }
  }, 180_000);
  afterAll(async () => {
    await env?.stop();
    await mastodon?.close();
  });

  it('adds a Sandbox competitor at once: profile, recent posts and a first snapshot', async () => {
    const answer = await add(user, {
      platform: 'sandbox',
      handle: '@Rival.Cafe',
      notes: 'Across the street',
    });
    expect(answer.status).toBe(201);
    added = answer.body;
    expect(added).toMatchObject({
      platform: 'sandbox',
      handle: 'rival.cafe',
      name: 'Rival Café',
      platformAccountId: 'rival.cafe',
      lastCheckedAt: env.clock.now().toISOString(),
      lastCheckError: null,
    });
    // 3 posts in 30 days: 3 / 30 x 7 = 0.7 a week; 4 posts on the network in all.
    expect(added.latest).toMatchObject({ postsPerWeek: 0.7, postsCount: 4 });
    expect(added.latest!.followers).toBeGreaterThanOrEqual(2000);
    const stored = await withSystem(env.container.db, (tx) =>
      tx.select().from(competitorPosts).where(eq(competitorPosts.competitorId, added.id)),
    );
    expect(stored.map((p) => p.text).sort()).toEqual([
      'Latte art #espresso',
      'New #Espresso',
      'Open late today',
    ]);
    expect(
      stored.every(
        (p) => p.impressionsCount === null && /never public/.test(p.unavailable.impressions ?? ''),
      ),
    ).toBe(true);
    expect(await list(viewer)).toEqual([expect.objectContaining({ id: added.id, handle: 'rival.cafe' })]);
  });

  it('refuses the same account twice, and a viewer may list but not add or remove', async () => {
    expect((await add(user, { platform: 'sandbox', handle: 'rival.cafe' })).status).toBe(409);
    expect((await add(viewer, { platform: 'sandbox', handle: 'rival.cafe' })).status).toBe(403);
    expect((await viewer.delete(`/api/analytics/competitors/accounts/${added.id}`)).status).toBe(403);
  });

  it('refuses networks without a public read, saying why, and unknown handles, naming the field', async () => {
    const x = await add(user, { platform: 'twitter', handle: 'rival' });
    expect(x.status).toBe(422);
    expect(x.body.detail).toMatch(/X can't be tracked: .*paid API plan/);
    expect(x.body.errors).toEqual([{ field: 'body.platform', message: x.body.detail }]);
    for (const platform of ['linkedin', 'facebook', 'tiktok', 'threads']) {
      const refused = await add(user, { platform, handle: 'rival' });
      expect(refused.status, platform).toBe(422);
      expect(refused.body.detail, platform).toMatch(/can't be tracked: /);
    }
    const unknown = await add(user, { platform: 'sandbox', handle: 'nobody-here' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([
      { field: 'body.handle', message: 'The Sandbox has no account @nobody-here' },
    ]);
    const instagram = await add(user, { platform: 'instagram', handle: 'rival' });
    expect(instagram.status).toBe(422);
    expect(instagram.body.detail).toMatch(/connect one first/);
    const wrongInstance = await add(user, {
      platform: 'sandbox',
      handle: 'rival.cafe',
      instance: 'mastodon.social',
    });
    expect(wrongInstance.status).toBe(422);
    expect((await list(viewer)).length).toBe(1);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    for (const body of [
      { platform: 'sandbox' },
      { platform: 'myspace', handle: 'x' },
      { platform: 'sandbox', handle: '   ' },
      { platform: 'sandbox', handle: 'x', extra: true },
    ]) {
      expect((await add(user, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await user.delete('/api/analytics/competitors/accounts/not-a-uuid')).status).toBe(400);
    expect((await list(viewer)).length).toBe(1);
  });

  it('adds a Mastodon account from its server’s public API', async () => {
    const answer = await add(user, { platform: 'mastodon', handle: '@rival', instance: mastodon.url });
    expect(answer.status).toBe(201);
    const host = new URL(mastodon.url).host;
    expect(answer.body).toMatchObject({
      handle: `rival@${host}`,
      name: 'Rival Roasters',
      platformAccountId: '77',
      serviceUrl: mastodon.url,
      latest: { followers: 400, postsCount: 12, postsPerWeek: 0.23, engagementRateByFollowers: 5 },
    });
    const unknown = await add(user, { platform: 'mastodon', handle: 'ghost', instance: mastodon.url });
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail).toBe(`Mastodon: ${host} has no account @ghost`);
    await user.delete(`/api/analytics/competitors/accounts/${answer.body.id}`);
  });

  it('shows nothing to another organization, which cannot remove it either', async () => {
    expect(await list(stranger)).toEqual([]);
    expect((await stranger.delete(`/api/analytics/competitors/accounts/${added.id}`)).status).toBe(404);
    expect((await list(viewer)).length).toBe(1);
  });

  it('removes a competitor with its posts and snapshots', async () => {
    expect((await user.delete(`/api/analytics/competitors/accounts/${added.id}`)).status).toBe(204);
    expect(await list(viewer)).toEqual([]);
    const left = await withSystem(env.container.db, async (tx) => ({
      competitors: await tx.select().from(competitors).where(eq(competitors.id, added.id)),
      posts: await tx.select().from(competitorPosts).where(eq(competitorPosts.competitorId, added.id)),
      snapshots: await tx
        .select()
        .from(competitorSnapshots)
        .where(eq(competitorSnapshots.competitorId, added.id)),
    }));
    expect(left).toEqual({ competitors: [], posts: [], snapshots: [] });
    expect((await user.delete(`/api/analytics/competitors/accounts/${added.id}`)).status).toBe(404);
  });
});
