import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local';
import { auditLogs, organizations, postPlatforms, posts } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import type { TestClient } from '../../support/http-client';
import { startBlueskyStandIns } from '../../platforms/support/bluesky-stand-in';
import { startAccountsRuntime, type AccountsEnv } from './support';

type BlueskyNet = Awaited<ReturnType<typeof startBlueskyStandIns>>;

interface InsightsBody {
  totals: Record<string, number | null> & { unavailable: Record<string, string> };
  recentPosts: (Record<string, unknown> & { unavailable: Record<string, string> })[];
}

interface Account {
  id: string;
  platform: string;
  name: string | null;
  profileName: string | null;
  handle: string;
  status: string;
  statusReason: string | null;
  isActive: boolean;
  defaultSettings: Record<string, unknown>;
  limits: { maxTextLength: number } | null;
}

describe('app-password and Sandbox connections; managing accounts', () => {
  let net: BlueskyNet;
  let env: AccountsEnv;
  let admin: TestClient;
  let organizationId: string;
  let bluesky: Account;

  const connectBluesky = (client: TestClient, password = net.world.appPassword) =>
    client.post<{ account: Account; errors?: unknown; detail?: string }>('/api/social-accounts/connect', {
      platform: 'bluesky',
      identifier: net.world.handle,
      appPassword: password,
    });

  beforeAll(async () => {
    net = await startBlueskyStandIns(new ManualClock('2025-06-01T12:00:00.000Z'));
    env = await startAccountsRuntime({
      endpoints: { bluesky: { service: net.entryway.url, video: net.video.url, appview: net.video.url } },
    });
    const signedUp = await env.signUp();
    admin = signedUp.client;
    organizationId = signedUp.organizationId;
    await env.verify(signedUp.email, admin);
  }, 60_000);
  afterAll(async () => {
    await env?.stop();
    await net?.close();
  });

  it('connects Bluesky with an app password at once, keeping only encrypted session tokens', async () => {
    const response = await connectBluesky(admin);
    expect(response.status).toBe(201);
    bluesky = response.body.account;
    expect(bluesky).toMatchObject({
      platform: 'bluesky',
      handle: net.world.handle,
      status: 'active',
      limits: { maxTextLength: 300 },
    });
    const row = await env.accountRow(bluesky.id);
    expect(row.accountId).toBe(net.world.did);
    const access = await env.container.crypto.decrypt(row.accessTokenEnc!, {
      organizationId,
      accountId: bluesky.id,
    });
    expect(net.world.accessTokens.has(access)).toBe(true);
    expect(row.accessTokenEnc).not.toContain(access);
    expect(JSON.stringify(row)).not.toContain(net.world.appPassword);
  });

  it('refuses a wrong password or the account password with a 422 naming the field, and asks for missing ones', async () => {
    const wrong = await connectBluesky(admin, 'wrong-pass-word-1234');
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'body.appPassword' })]);
    const main = await connectBluesky(admin, net.world.accountPassword);
    expect(main.status).toBe(422);
    expect(String(main.body.detail)).toContain('app password');
    const missing = await admin.post('/api/social-accounts/connect', {
      platform: 'bluesky',
      identifier: net.world.handle,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'body.appPassword' })]);
    // A hosting provider Plume will not talk to is about that field, not the password.
    const badService = await admin.post('/api/social-accounts/connect', {
      platform: 'bluesky',
      identifier: net.world.handle,
      appPassword: net.world.appPassword,
      service: 'ftp://pds.example.com',
    });
    expect(badService.status).toBeGreaterThanOrEqual(400);
    expect(badService.status).toBeLessThan(500);
    expect(badService.body.errors).toEqual([expect.objectContaining({ field: 'body.service' })]);
    const unknownPlatform = await admin.post('/api/social-accounts/connect', { platform: 'myspace' });
    expect(unknownPlatform.status).toBe(400);
  });

  it('connects a Sandbox account without credentials', async () => {
    const response = await admin.post<{ account: Account }>('/api/social-accounts/connect', {
      platform: 'sandbox',
      identifier: 'ada-demo',
    });
    expect(response.status).toBe(201);
    expect(response.body.account).toMatchObject({
      platform: 'sandbox',
      handle: 'ada-demo',
      status: 'active',
    });
  });

  it('enforces max_social_accounts with a clear 403, but always lets an account reconnect', async () => {
    await withSystem(env.container.db, (tx) =>
      tx.update(organizations).set({ maxSocialAccounts: 2 }).where(eq(organizations.id, organizationId)),
    );
    const third = await admin.post('/api/social-accounts/connect', {
      platform: 'sandbox',
      identifier: 'grace-demo',
    });
    expect(third.status).toBe(403);
    expect(third.body).toMatchObject({ code: 'plan_limit_reached' });
    expect(String(third.body.detail)).toContain('2 connected accounts');
    const mastodon = await admin.post('/api/social-accounts/connect', {
      platform: 'mastodon',
      serviceUrl: 'mastodon.example',
    });
    expect(mastodon.status).toBe(403);

    const again = await connectBluesky(admin);
    expect(again.status).toBe(201);
    expect(again.body.account.id).toBe(bluesky.id);
    const list = await admin.get<{ accounts: Account[] }>('/api/social-accounts');
    expect(list.body.accounts).toHaveLength(2);
  });

  it('renames, sets composer defaults and deactivates; null restores the profile name', async () => {
    const renamed = await admin.put<Account>(`/api/social-accounts/${bluesky.id}`, {
      name: 'Brand account',
      defaultSettings: { labels: ['graphic-media'] },
      isActive: false,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'Brand account',
      isActive: false,
      defaultSettings: { labels: ['graphic-media'] },
    });
    // Reconnecting refreshes the profile but keeps the user's label.
    expect((await connectBluesky(admin)).body.account.name).toBe('Brand account');
    const restored = await admin.put<Account>(`/api/social-accounts/${bluesky.id}`, {
      name: null,
      isActive: true,
    });
    expect(restored.body.name).toBe(restored.body.profileName);
    expect(restored.body.defaultSettings).toEqual({ labels: ['graphic-media'] });

    const tooBig = await admin.put(`/api/social-accounts/${bluesky.id}`, {
      defaultSettings: { blob: 'x'.repeat(9_000) },
    });
    expect(tooBig.status).toBe(400);
    const audits = await withSystem(env.container.db, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.resourceId, bluesky.id), eq(auditLogs.action, 'update'))),
    );
    expect(audits).toHaveLength(2);
  });

  it('syncs metrics the network has as numbers and those it lacks as null with its reason, never 0', async () => {
    const uri = `at://${net.world.did}/app.bsky.feed.post/3metrics${Date.now()}`;
    net.world.counts.set(uri, { likeCount: 5, replyCount: 2, repostCount: 3, quoteCount: 1 });
    await withSystem(env.container.db, async (tx) => {
      const [post] = await tx
        .insert(posts)
        .values({ organizationId, content: 'Counted', status: 'published' })
        .returning();
      await tx.insert(postPlatforms).values({
        organizationId,
        postId: post!.id,
        socialAccountId: bluesky.id,
        status: 'published',
        platformPostId: uri,
        publishedAt: new Date(),
      });
    });
    expect((await admin.post(`/api/social-accounts/${bluesky.id}/sync`)).status).toBe(202);
    let insights: InsightsBody | undefined;
    for (let attempt = 0; attempt < 100 && !insights?.recentPosts.length; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      insights = (await admin.get<InsightsBody>(`/api/social-accounts/${bluesky.id}/insights`)).body;
    }
    const [snapshot] = insights!.recentPosts;
    expect(snapshot).toMatchObject({
      platformPostId: uri,
      text: 'Counted',
      likes: 5,
      comments: 2,
      shares: 4,
      impressions: null,
      reach: null,
      clicks: null,
      engagementRate: null,
      source: 'Bluesky App View, app.bsky.feed.getPosts',
    });
    expect(snapshot!.unavailable.impressions).toBe("Bluesky's App View publishes no view count for a post.");
    expect(snapshot!.unavailable.clicks).toBe('Bluesky does not count link clicks.');
    expect(snapshot!.unavailable.likes).toBeUndefined();
    expect(insights!.totals).toMatchObject({
      posts: 1,
      likes: 5,
      comments: 2,
      shares: 4,
      impressions: null,
      clicks: null,
    });
    expect(insights!.totals.unavailable.impressions).toBe(snapshot!.unavailable.impressions);
  });

  it('answers 403 to roles below the route and 404 to another organization', async () => {
    const viewer = (await env.addMember(admin, 'viewer')).client;
    const user = (await env.addMember(admin, 'user')).client;
    expect((await viewer.get('/api/social-accounts')).status).toBe(200);
    expect((await user.post('/api/social-accounts/connect', { platform: 'sandbox' })).status).toBe(403);
    expect((await user.put(`/api/social-accounts/${bluesky.id}`, { name: 'x' })).status).toBe(403);
    expect((await user.delete(`/api/social-accounts/${bluesky.id}`)).status).toBe(403);
    expect((await viewer.post(`/api/social-accounts/${bluesky.id}/sync`)).status).toBe(403);
    expect((await viewer.get(`/api/social-accounts/${bluesky.id}/insights`)).status).toBe(200);

    const stranger = (await env.signUp()).client;
    expect((await stranger.get<{ accounts: unknown[] }>('/api/social-accounts')).body.accounts).toEqual([]);
    expect((await stranger.put(`/api/social-accounts/${bluesky.id}`, { name: 'mine' })).status).toBe(404);
    expect((await stranger.delete(`/api/social-accounts/${bluesky.id}`)).status).toBe(404);
    expect((await stranger.post(`/api/social-accounts/${bluesky.id}/sync`)).status).toBe(404);
    expect((await stranger.get(`/api/social-accounts/${bluesky.id}/insights`)).status).toBe(404);
    expect((await env.accountRow(bluesky.id)).status).toBe('active');
  });

  it('disconnects: tokens erased, status says why, the seat is freed, and sync is refused', async () => {
    const response = await admin.delete(`/api/social-accounts/${bluesky.id}`);
    expect(response.status).toBe(204);
    const row = await env.accountRow(bluesky.id);
    expect(row).toMatchObject({
      status: 'disconnected',
      accessTokenEnc: null,
      refreshTokenEnc: null,
      isActive: false,
    });
    expect(row.statusReason).toContain('Disconnected');
    expect(
      env.broadcasts.some(
        (b) =>
          b.message.type === 'social-account.updated' &&
          (b.message.data as { status: string }).status === 'disconnected',
      ),
    ).toBe(true);
    expect((await admin.post(`/api/social-accounts/${bluesky.id}/sync`)).status).toBe(409);
    expect((await admin.put(`/api/social-accounts/${bluesky.id}`, { isActive: true })).status).toBe(409);
    // The freed seat takes another account.
    expect(
      (await admin.post('/api/social-accounts/connect', { platform: 'sandbox', identifier: 'grace-demo' }))
        .status,
    ).toBe(201);
  });
});
