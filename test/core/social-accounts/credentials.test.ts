import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureFreshCredentials,
  loadAccountCredentials,
  storeRefreshedTokens,
} from '../../../functions/core/social-accounts/credentials';
import { analytics, notifications, postPlatforms, posts } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { PlatformError } from '../../../functions/platforms/connector';
import type { TestClient } from '../../support/http-client';
import { sendJson, startTwitterStandIn, type TwitterStandIn } from '../../platforms/support/twitter-stand-in';
import { connectTwitter, startAccountsRuntime, type AccountsEnv } from '../../http/social-accounts/support';

describe('account credentials: refresh ahead of expiry, revocation, sync', () => {
  let twitter: TwitterStandIn;
  let env: AccountsEnv;
  let admin: TestClient;
  let organizationId: string;
  let userId: string;
  let accountId: string;

  const load = () =>
    withSystem(env.container.db, (tx) => loadAccountCredentials(tx, env.container.crypto, accountId));
  /** The test moves the clock by hours: the admin's access token expires, the session does not. */
  const signInAgain = async () => {
    const refreshed = await admin.post<{ accessToken: string }>('/api/auth/refresh');
    if (refreshed.status !== 200) throw new Error(`refresh failed: ${refreshed.status}`);
    admin.accessToken = refreshed.body.accessToken;
  };
  const tokenCalls = () => twitter.requestsTo('POST', '/2/oauth2/token').length;

  beforeAll(async () => {
    twitter = await startTwitterStandIn();
    env = await startAccountsRuntime({
      endpoints: { twitter: { api: twitter.url, auth: 'https://x.test' } },
    });
    const signedUp = await env.signUp();
    ({ client: admin, organizationId, userId } = signedUp);
    accountId = await connectTwitter(env, admin, twitter);
  }, 60_000);
  afterAll(async () => {
    await env?.stop();
    await twitter?.close();
  });

  it('loads decrypted credentials, and leaves tokens with more than five minutes alone', async () => {
    const loaded = (await load())!;
    expect(loaded.credentials).toMatchObject({
      accountId: '2244994945',
      accessToken: 'token-new',
      refreshToken: 'refresh-new',
    });
    const before = tokenCalls();
    env.clock.advance(7200_000 - 6 * 60_000);
    expect(await ensureFreshCredentials(env.container, loaded.account, loaded.credentials)).toBe(
      loaded.credentials,
    );
    expect(tokenCalls()).toBe(before);
    expect(
      await withSystem(env.container.db, (tx) =>
        loadAccountCredentials(tx, env.container.crypto, crypto.randomUUID()),
      ),
    ).toBeUndefined();
  });

  it('refreshes once when two publishers find the token about to expire (single-use refresh tokens)', async () => {
    env.clock.advance(2 * 60_000); // four minutes left
    const loaded = (await load())!;
    const before = tokenCalls();
    const [first, second] = await Promise.all([
      ensureFreshCredentials(env.container, loaded.account, loaded.credentials),
      ensureFreshCredentials(env.container, loaded.account, loaded.credentials),
    ]);
    expect(tokenCalls()).toBe(before + 1);
    expect(first).toMatchObject({ accessToken: 'token-2', refreshToken: 'refresh-2' });
    expect(second).toMatchObject({ accessToken: 'token-2', refreshToken: 'refresh-2' });
    const stored = (await load())!;
    expect(stored.credentials).toMatchObject({ accessToken: 'token-2', refreshToken: 'refresh-2' });
    expect(stored.credentials.expiresAt!.getTime()).toBe(env.clock.now().getTime() + 7200_000);
    expect(stored.account.refreshTokenEnc).not.toContain('refresh-2');
  });

  it('keeps the stored refresh token when a refresh returns none', async () => {
    env.clock.advance(7200_000 - 60_000);
    twitter.override('POST', '/2/oauth2/token', (_request, res) =>
      sendJson(res, 200, {
        token_type: 'bearer',
        expires_in: 7200,
        access_token: 'token-3',
        scope: 'tweet.read tweet.write users.read',
      }),
    );
    twitter.validTokens.add('token-3');
    const loaded = (await load())!;
    const fresh = await ensureFreshCredentials(env.container, loaded.account, loaded.credentials);
    expect(fresh).toMatchObject({ accessToken: 'token-3', refreshToken: 'refresh-2' });
    expect((await load())!.credentials).toMatchObject({ accessToken: 'token-3', refreshToken: 'refresh-2' });

    // The store itself refuses to blank a refresh token, whatever a connector returns.
    const current = (await load())!;
    await withSystem(env.container.db, (tx) =>
      storeRefreshedTokens(
        tx,
        env.container.crypto,
        current.account,
        { accessToken: 'token-3', refreshToken: '', expiresAt: current.credentials.expiresAt, scopes: [] },
        env.clock.now(),
      ),
    );
    expect((await load())!.credentials).toMatchObject({
      refreshToken: 'refresh-2',
      scopes: current.credentials.scopes,
    });
  });

  it('syncs limits, quota and recent post metrics into analytics, shown by insights', async () => {
    const now = env.clock.now();
    const [post] = await withSystem(env.container.db, (tx) =>
      tx
        .insert(posts)
        .values({ organizationId, userId, content: 'Hello', status: 'published', publishedAt: now })
        .returning(),
    );
    const [target] = await withSystem(env.container.db, (tx) =>
      tx
        .insert(postPlatforms)
        .values({
          postId: post!.id,
          organizationId,
          socialAccountId: accountId,
          status: 'published',
          platformPostId: '555',
          publishedAt: now,
        })
        .returning(),
    );
    twitter.tweets.set('555', {
      id: '555',
      text: 'Hello',
      createdAt: now.toISOString(),
      mediaIds: [],
      metrics: {
        retweet_count: 2,
        reply_count: 3,
        like_count: 40,
        quote_count: 1,
        bookmark_count: 5,
        impression_count: 1000,
      },
    });
    await signInAgain();
    const queued = await admin.post(`/api/social-accounts/${accountId}/sync`);
    expect(queued.status).toBe(202);
    await env.runtime.queue.drained();

    const rows = await withSystem(env.container.db, (tx) =>
      tx.select().from(analytics).where(eq(analytics.postPlatformId, target!.id)),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ likesCount: 40, impressionsCount: 1000, socialAccountId: accountId });
    const insights = await admin.get<{
      account: {
        lastSync: string | null;
        quota: { limit: number } | null;
        limits: { maxTextLength: number };
      };
      totals: { posts: number; likes: number; impressions: number };
      recentPosts: { platformPostId: string; likes: number }[];
    }>(`/api/social-accounts/${accountId}/insights`);
    expect(insights.status).toBe(200);
    expect(insights.body.account.lastSync).toBe(env.clock.now().toISOString());
    expect(insights.body.account.limits.maxTextLength).toBe(280);
    expect(insights.body.totals).toMatchObject({ posts: 1, likes: 40, impressions: 1000 });
    expect(insights.body.recentPosts).toEqual([
      expect.objectContaining({ platformPostId: '555', likes: 40 }),
    ]);
    expect(env.broadcasts.some((b) => b.message.type === 'social-account.synced')).toBe(true);
  });

  it('marks a revoked account needs_reauth, notifies the people who can reconnect it once, and pushes the change', async () => {
    env.clock.advance(7200_000 - 60_000);
    const revoked = (_request: unknown, res: Parameters<Parameters<TwitterStandIn['override']>[2]>[1]) =>
      sendJson(res, 400, {
        error: 'invalid_request',
        error_description: 'Value passed for the token was invalid.',
      });
    twitter.override('POST', '/2/oauth2/token', revoked, 2);
    const loaded = (await load())!;
    const error = await ensureFreshCredentials(env.container, loaded.account, loaded.credentials).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).kind).toBe('auth');

    const after = (await load())!;
    expect(after.account.status).toBe('needs_reauth');
    expect(after.account.statusReason).toContain('Reconnect the account');
    expect(after.credentials.refreshToken).toBe('refresh-2'); // nothing erased: reconnecting replaces them
    const notes = await withSystem(env.container.db, (tx) =>
      tx
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.organizationId, organizationId),
            eq(notifications.type, 'account.needs_reauth'),
          ),
        ),
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ userId, severity: 'error', link: '/accounts' });
    const pushed = env.broadcasts.filter(
      (b) =>
        b.organizationId === organizationId &&
        b.message.type === 'social-account.updated' &&
        (b.message.data as { status: string }).status === 'needs_reauth',
    );
    expect(pushed).toHaveLength(1);

    // Failing again does not notify again; the list shows the health.
    await ensureFreshCredentials(env.container, after.account, after.credentials).catch(() => undefined);
    const again = await withSystem(env.container.db, (tx) =>
      tx
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.organizationId, organizationId),
            eq(notifications.type, 'account.needs_reauth'),
          ),
        ),
    );
    expect(again).toHaveLength(1);
    await signInAgain();
    const list = await admin.get<{ accounts: { id: string; status: string; statusReason: string }[] }>(
      '/api/social-accounts',
    );
    expect(list.body.accounts.find((a) => a.id === accountId)).toMatchObject({ status: 'needs_reauth' });

    // Reconnecting the same account revives the same row.
    expect(await connectTwitter(env, admin, twitter)).toBe(accountId);
    expect((await load())!.account).toMatchObject({ status: 'active', statusReason: null });
  });
});
