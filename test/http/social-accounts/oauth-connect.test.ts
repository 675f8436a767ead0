import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import type { TestClient } from '../../support/http-client';
import { startMastodonStandIn, type MastodonStandIn } from '../../platforms/support/mastodon-stand-in';
import { startTwitterStandIn, type TwitterStandIn } from '../../platforms/support/twitter-stand-in';
import { callback, startAccountsRuntime, type AccountsEnv } from './support';

interface Account {
  id: string;
  platform: string;
  status: string;
  handle: string;
  serviceUrl: string | null;
  tokenExpiresAt: string | null;
  limits: { maxTextLength: number } | null;
}

describe('connecting accounts with OAuth 2 + PKCE (X and Mastodon stand-ins)', () => {
  let twitter: TwitterStandIn;
  let mastodon: MastodonStandIn;
  let env: AccountsEnv;
  let admin: TestClient;
  let organizationId: string;

  beforeAll(async () => {
    [twitter, mastodon] = await Promise.all([startTwitterStandIn(), startMastodonStandIn()]);
    env = await startAccountsRuntime({
      endpoints: { twitter: { api: twitter.url, auth: 'https://x.test' } },
    });
    const signedUp = await env.signUp();
    admin = signedUp.client;
    organizationId = signedUp.organizationId;
  }, 60_000);
  afterAll(async () => {
    await env?.stop();
    await Promise.all([twitter?.close(), mastodon?.close()]);
  });

  it('says which settings are missing when the network has no app credentials', async () => {
    env.setPlatformApps({});
    const response = await admin.post('/api/social-accounts/connect', { platform: 'twitter' });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      reason: 'platform_not_configured',
      missingSettings: ['twitter.clientId'],
    });
    expect(String(response.body.detail)).toContain('twitter.clientId');
    const list = await admin.get<{ platforms: { platform: string; configured: boolean }[] }>(
      '/api/social-accounts',
    );
    expect(list.body.platforms.find((p) => p.platform === 'twitter')).toMatchObject({ configured: false });
    expect(list.body.platforms.find((p) => p.platform === 'bluesky')).toMatchObject({ configured: true });
  });

  it('round-trips state and the PKCE verifier, stores the tokens encrypted, audits and announces', async () => {
    env.setPlatformApps({ twitter: { clientId: 'client-x', clientSecret: 'secret-x' } });
    const started = await admin.post<{ authorizationUrl: string; expiresAt: string }>(
      '/api/social-accounts/connect',
      { platform: 'twitter' },
    );
    expect(started.status).toBe(200);
    const authorize = new URL(started.body.authorizationUrl);
    expect(authorize.origin + authorize.pathname).toBe('https://x.test/i/oauth2/authorize');
    const redirectUri = `${env.runtime.url}/api/social-accounts/callback/twitter`;
    expect(authorize.searchParams.get('redirect_uri')).toBe(redirectUri);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(Date.parse(started.body.expiresAt) - env.clock.now().getTime()).toBe(10 * 60_000);
    const state = authorize.searchParams.get('state')!;

    // The user approves on X; X redirects the browser back with a code bound to the challenge.
    const code = twitter.approve({
      codeChallenge: authorize.searchParams.get('code_challenge')!,
      redirectUri,
      scope: authorize.searchParams.get('scope')!,
    });
    const done = await callback(env.runtime.url, 'twitter', { code, state });
    expect(done.status).toBe(302);
    expect(done.location.pathname).toBe('/accounts');
    expect(done.location.searchParams.get('connected')).toBe('twitter');
    // The stand-in only issues tokens for the verifier whose S256 hash was in the authorization URL.
    expect(twitter.requestsTo('POST', '/2/oauth2/token')).toHaveLength(1);

    const list = await admin.get<{ accounts: Account[] }>('/api/social-accounts');
    const account = list.body.accounts.find((a) => a.platform === 'twitter')!;
    expect(account).toMatchObject({ status: 'active', handle: 'alice', limits: { maxTextLength: 280 } });
    expect(Date.parse(account.tokenExpiresAt!) - env.clock.now().getTime()).toBe(7200 * 1000);
    expect(JSON.stringify(list.body)).not.toContain('token-new');

    const row = await env.accountRow(account.id);
    expect(row.accessTokenEnc).toBeTruthy();
    expect(row.accessTokenEnc).not.toContain('token-new');
    expect(row.refreshTokenEnc).not.toContain('refresh-new');
    const context = { organizationId, accountId: account.id };
    expect(await env.container.crypto.decrypt(row.accessTokenEnc!, context)).toBe('token-new');
    expect(await env.container.crypto.decrypt(row.refreshTokenEnc!, context)).toBe('refresh-new');
    // Bound to the account: the same ciphertext does not open for another row.
    await expect(
      env.container.crypto.decrypt(row.accessTokenEnc!, { organizationId, accountId: crypto.randomUUID() }),
    ).rejects.toThrow();

    const audits = await withSystem(env.container.db, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.resourceId, account.id), eq(auditLogs.action, 'connect'))),
    );
    expect(audits).toHaveLength(1);
    expect(
      env.broadcasts.some(
        (b) => b.organizationId === organizationId && b.message.type === 'social-account.updated',
      ),
    ).toBe(true);

    // A state works once.
    const replay = await callback(env.runtime.url, 'twitter', { code, state });
    expect(replay.location.searchParams.get('error')).toBe('invalid_state');
  });

  it('refuses unknown, expired and cross-network states, and reports a denied consent', async () => {
    env.setPlatformApps({ twitter: { clientId: 'client-x', clientSecret: 'secret-x' } });
    const unknown = await callback(env.runtime.url, 'twitter', { code: 'x', state: 'A'.repeat(43) });
    expect(unknown.location.searchParams.get('error')).toBe('invalid_state');

    const start = async () =>
      new URL(
        (
          await admin.post<{ authorizationUrl: string }>('/api/social-accounts/connect', {
            platform: 'twitter',
          })
        ).body.authorizationUrl,
      ).searchParams.get('state')!;
    const forMastodon = await callback(env.runtime.url, 'mastodon', { code: 'x', state: await start() });
    expect(forMastodon.location.searchParams.get('error')).toBe('invalid_state');

    const expiring = await start();
    env.clock.advance(10 * 60_000 + 1_000);
    const late = await callback(env.runtime.url, 'twitter', { code: 'x', state: expiring });
    expect(late.location.searchParams.get('error')).toBe('invalid_state');

    const denied = await callback(env.runtime.url, 'twitter', {
      state: await start(),
      error: 'access_denied',
    });
    expect(denied.location.searchParams.get('error')).toBe('access_denied');

    const badCode = await callback(env.runtime.url, 'twitter', { state: await start(), code: 'forged' });
    expect(badCode.location.searchParams.get('error')).toBe('exchange_failed');
    expect(badCode.location.searchParams.get('message')).toBeTruthy();
  });

  it('registers Plume on a Mastodon instance, then connects with PKCE', async () => {
    const started = await admin.post<{ authorizationUrl: string }>('/api/social-accounts/connect', {
      platform: 'mastodon',
      serviceUrl: mastodon.url,
    });
    expect(started.status).toBe(200);
    const authorize = new URL(started.body.authorizationUrl);
    expect(authorize.origin).toBe(mastodon.url);
    const redirectUri = `${env.runtime.url}/api/social-accounts/callback/mastodon`;
    const code = mastodon.approve({
      clientId: authorize.searchParams.get('client_id')!,
      redirectUri,
      codeChallenge: authorize.searchParams.get('code_challenge')!,
      scope: authorize.searchParams.get('scope')!,
    });
    const done = await callback(env.runtime.url, 'mastodon', {
      code,
      state: authorize.searchParams.get('state')!,
    });
    expect(done.location.searchParams.get('connected')).toBe('mastodon');

    // A second connection to the same server reuses the registration.
    await admin.post('/api/social-accounts/connect', { platform: 'mastodon', serviceUrl: mastodon.url });
    expect(mastodon.requestsTo('POST', '/api/v1/apps')).toHaveLength(1);

    const list = await admin.get<{ accounts: Account[] }>('/api/social-accounts');
    const account = list.body.accounts.find((a) => a.platform === 'mastodon')!;
    expect(account).toMatchObject({
      status: 'active',
      serviceUrl: mastodon.url,
      handle: 'alice@' + new URL(mastodon.url).host,
    });
    const row = await env.accountRow(account.id);
    const app = (row.accountData as { oauthApp: { clientId: string; clientSecretEnc: string } }).oauthApp;
    expect(app.clientId).toBe('client-id-1');
    expect(app.clientSecretEnc).not.toContain('client-secret-1');
  });

  it('asks for the Mastodon server address, and refuses one that is not a server', async () => {
    const missing = await admin.post('/api/social-accounts/connect', { platform: 'mastodon' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'body.serviceUrl' })]);
    const wrong = await admin.post('/api/social-accounts/connect', {
      platform: 'mastodon',
      serviceUrl: 'not a server',
    });
    expect(wrong.status).toBe(422);
  });
});
