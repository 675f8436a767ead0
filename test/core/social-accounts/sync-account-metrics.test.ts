import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsDueForSync } from '../../../functions/core/analytics/metrics-schedule';
import { saveConnection } from '../../../functions/core/social-accounts/save-connection';
import { syncSocialAccount } from '../../../functions/core/social-accounts/sync-account';
import { accountMetrics, audienceInsights, postPlatforms, posts } from '../../../functions/db/schema';
import { withSystem, withTenant } from '../../../functions/db/tenant';
import {
  sendJson,
  startMastodonStandIn,
  type MastodonStandIn,
} from '../../platforms/support/mastodon-stand-in';
import { startAccountsRuntime, type AccountsEnv } from '../../http/social-accounts/support';

/**
 * The account sync end to end: the real connectors against the Mastodon stand-in and the
 * Sandbox, the real database. What it proves: each sync upserts the account's row of the UTC
 * day, the audience is read once a day, a failed read blanks nothing, and rate-limit headers
 * push the next automatic sync past their reset.
 */
describe('syncSocialAccount: follower history, audience and rate limits', () => {
  let env: AccountsEnv;
  let mastodon: MastodonStandIn;
  let organizationId: string;
  let mastodonId: string;
  let sandboxId: string;

  const dayRows = (accountId: string) =>
    withSystem(env.container.db, (tx) =>
      tx.select().from(accountMetrics).where(eq(accountMetrics.socialAccountId, accountId)),
    );
  const sync = (accountId: string) => syncSocialAccount(env.container, { organizationId, accountId });
  const dueAt = async (accountId: string) => {
    // Far ahead: every account is either due or has a next time; look for ours among the due.
    const now = env.clock.now();
    const { due } = await withSystem(env.container.db, (tx) => accountsDueForSync(tx, now));
    return due.some((account) => account.accountId === accountId);
  };

  beforeAll(async () => {
    mastodon = await startMastodonStandIn();
    env = await startAccountsRuntime({}, new Date('2031-04-10T09:00:00.000Z'));
    const signedUp = await env.signUp();
    organizationId = signedUp.organizationId;
    await env.verify(signedUp.email, signedUp.client);
    const connected = await signedUp.client.post<{ account: { id: string } }>(
      '/api/social-accounts/connect',
      {
        platform: 'sandbox',
        identifier: `audience-${crypto.randomUUID().slice(0, 8)}`,
      },
    );
    expect(connected.status).toBe(201);
    sandboxId = connected.body.account.id;
    const { account } = await withTenant(env.container.db, organizationId, (tx) =>
      saveConnection(
        tx,
        env.container,
        {
          organizationId,
          userId: signedUp.userId,
          platform: 'mastodon',
          profile: { accountId: '109', name: 'Alice', handle: 'alice', serviceUrl: mastodon.url },
          tokens: { accessToken: 'token-alice', scopes: ['read:accounts', 'read:statuses'] },
        },
        env.clock.now(),
      ),
    );
    mastodonId = account.id;
  }, 60_000);
  afterAll(async () => {
    await env?.stop();
    await mastodon?.close();
  });

  it("keeps one row per account and UTC day, holding the day's latest reading", async () => {
    mastodon.accountCounts = { followers_count: 300, following_count: 90, statuses_count: 1200 };
    await sync(mastodonId);
    env.clock.advance(60 * 60 * 1000);
    mastodon.accountCounts = { followers_count: 305, following_count: 90, statuses_count: 1201 };
    await sync(mastodonId);
    let rows = await dayRows(mastodonId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      dateBucket: '2031-04-10',
      followersCount: 305,
      followingCount: 90,
      postsCount: 1201,
      impressionsCount: null,
      profileViewsCount: null,
      source: 'Mastodon API, GET /api/v1/accounts/verify_credentials',
    });
    expect(rows[0]!.recordedAt.getTime()).toBe(env.clock.now().getTime());
    expect(rows[0]!.unavailable).toEqual({
      impressions: 'Mastodon publishes no view counts for an account.',
      profileViews: 'Mastodon does not count profile views.',
    });
    // The next UTC day is a new row; the first day keeps its figures.
    env.clock.advance(15 * 60 * 60 * 1000);
    mastodon.accountCounts = { followers_count: 310, following_count: 91, statuses_count: 1203 };
    await sync(mastodonId);
    rows = await dayRows(mastodonId);
    expect(rows.map((row) => [row.dateBucket, row.followersCount]).sort()).toEqual([
      ['2031-04-10', 305],
      ['2031-04-11', 310],
    ]);
  });

  it('a failed read blanks nothing: the stored day stays as it was and the error is kept', async () => {
    const before = await dayRows(mastodonId);
    mastodon.override('GET', '/api/v1/accounts/verify_credentials', (_request, res) =>
      sendJson(res, 503, { error: 'Service unavailable' }),
    );
    await expect(sync(mastodonId)).rejects.toMatchObject({ kind: 'transient' });
    expect(await dayRows(mastodonId)).toEqual(before);
    const row = await env.accountRow(mastodonId);
    expect((row.accountData as { lastSyncError?: { message: string } }).lastSyncError?.message).toMatch(
      /503|unavailable/i,
    );
  });

  it('an exhausted X-RateLimit allowance holds the next automatic sync until its reset', async () => {
    // A post from the last 48 hours: the account syncs hourly, unless a rate limit says otherwise.
    await withSystem(env.container.db, async (tx) => {
      const [post] = await tx
        .insert(posts)
        .values({ organizationId, content: 'Recent', status: 'published' })
        .returning();
      await tx.insert(postPlatforms).values({
        organizationId,
        postId: post!.id,
        socialAccountId: mastodonId,
        status: 'published',
        platformPostId: 'gone-status',
        publishedAt: env.clock.now(),
      });
    });
    const now = env.clock.now();
    const reset = new Date(now.getTime() + 3 * 60 * 60 * 1000);
    mastodon.rateLimitHeaders = {
      'X-RateLimit-Limit': '300',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': reset.toISOString(),
    };
    await sync(mastodonId);
    mastodon.rateLimitHeaders = {};
    const data = (await env.accountRow(mastodonId)).accountData as { rateLimitedUntil?: string };
    expect(data.rateLimitedUntil).toBe(reset.toISOString());
    // Hourly would be due after an hour; the reset is 3 hours away.
    env.clock.advance(2 * 60 * 60 * 1000);
    expect(await dueAt(mastodonId)).toBe(false);
    env.clock.advance(60 * 60 * 1000 + 1000);
    expect(await dueAt(mastodonId)).toBe(true);
  });

  it('a 429 sets the retry at its reset instead of the doubling backoff, and is not thrown to the queue', async () => {
    const at = env.clock.now();
    mastodon.override('GET', '/api/v1/accounts/verify_credentials', (_request, res) =>
      sendJson(
        res,
        429,
        { error: 'Too many requests' },
        {
          'X-RateLimit-Reset': new Date(at.getTime() + 5 * 60 * 60 * 1000).toISOString(),
        },
      ),
    );
    await expect(sync(mastodonId)).resolves.toBeUndefined();
    const failed = (
      (await env.accountRow(mastodonId)).accountData as {
        lastSyncError?: { retryAt?: string };
      }
    ).lastSyncError;
    expect(failed?.retryAt).toBe(new Date(at.getTime() + 5 * 60 * 60 * 1000).toISOString());
    env.clock.advance(4 * 60 * 60 * 1000);
    expect(await dueAt(mastodonId)).toBe(false);
    env.clock.advance(60 * 60 * 1000 + 1000);
    expect(await dueAt(mastodonId)).toBe(true);
  });

  it('reads the audience once a UTC day, with the day’s followers, and the account figures at every sync', async () => {
    await sync(sandboxId);
    await sync(sandboxId);
    const audience = await withSystem(env.container.db, (tx) =>
      tx.select().from(audienceInsights).where(eq(audienceInsights.socialAccountId, sandboxId)),
    );
    expect(audience).toHaveLength(1);
    const [day] = await dayRows(sandboxId);
    expect(audience[0]).toMatchObject({
      analysisDate: day!.dateBucket,
      followersCount: day!.followersCount,
      source: 'Plume Sandbox (simulated audience)',
      dataSource: 'platform_api',
    });
    expect(Object.keys(audience[0]!.demographics).sort()).toEqual(['age', 'city', 'country', 'gender']);
    expect(audience[0]!.unavailable.locale).toMatch(/no languages/);
    const [rows] = await withSystem(env.container.db, (tx) =>
      tx
        .select()
        .from(accountMetrics)
        .where(
          and(eq(accountMetrics.socialAccountId, sandboxId), eq(accountMetrics.dateBucket, day!.dateBucket)),
        ),
    );
    expect(rows!.followersCount).toBeGreaterThan(0);
    expect(rows!.unavailable).toEqual({});
  });
});
