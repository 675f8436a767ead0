import { eq } from 'drizzle-orm';
import type { Container } from '../../../functions/adapters/container';
import type { RealtimeMessage, SecretName } from '../../../functions/core/ports';
import { socialAccounts } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { overrideConnectors, type ConnectorOverrides } from '../../../functions/platforms/registry';
import type { TestClient } from '../../support/http-client';
import { startIdentityRuntime } from '../../support/identity-runtime';
import type { TwitterStandIn } from '../../platforms/support/twitter-stand-in';

export type AccountsEnv = Awaited<ReturnType<typeof startAccountsRuntime>>;

/**
 * The local runtime with connectors aimed at stand-in servers, a platform-apps secret the test
 * controls, and a record of every realtime broadcast.
 */
export async function startAccountsRuntime(
  overrides: ConnectorOverrides,
  start = new Date('2025-06-01T12:00:00.000Z'),
) {
  overrideConnectors({
    timeoutMs: 2_000,
    ...overrides,
    options: {
      mastodon: { allowPrivateInstances: true, sleep: async () => undefined },
      bluesky: { allowPrivateServices: true, sleep: async () => undefined },
      twitter: { sleep: async () => undefined },
      ...overrides.options,
    },
  });
  const env = await startIdentityRuntime(start);
  const container: Container = env.runtime.container;
  let platformApps: Record<string, unknown> = {};
  const secrets = container.secrets;
  container.secrets = {
    get: (name: SecretName) =>
      name === 'platform-apps' ? Promise.resolve(JSON.stringify(platformApps)) : secrets.get(name),
  };
  const broadcasts: { organizationId: string; message: RealtimeMessage }[] = [];
  const broadcast = container.realtime.broadcast.bind(container.realtime);
  container.realtime.broadcast = async (organizationId, message, options) => {
    broadcasts.push({ organizationId, message });
    return broadcast(organizationId, message, options);
  };
  return {
    ...env,
    container,
    broadcasts,
    setPlatformApps(apps: Record<string, unknown>) {
      platformApps = apps;
    },
    async accountRow(id: string) {
      const [row] = await withSystem(container.db, (tx) =>
        tx.select().from(socialAccounts).where(eq(socialAccounts.id, id)),
      );
      return row!;
    },
    stop: async () => {
      overrideConnectors({});
      await env.stop();
    },
  };
}

/** Follows the OAuth redirect the browser would be sent to and returns the callback's answer. */
export async function callback(baseUrl: string, platform: string, query: Record<string, string>) {
  const response = await fetch(
    `${baseUrl}/api/social-accounts/callback/${platform}?${new URLSearchParams(query).toString()}`,
    {
      redirect: 'manual',
    },
  );
  const location = response.headers.get('location') ?? '';
  return { status: response.status, location: new URL(location, baseUrl) };
}

/** Connects the X stand-in's account through the real OAuth round trip; returns the account id. */
export async function connectTwitter(
  env: AccountsEnv,
  client: TestClient,
  twitter: TwitterStandIn,
): Promise<string> {
  env.setPlatformApps({ twitter: { clientId: 'client-x', clientSecret: 'secret-x' } });
  const started = await client.post<{ authorizationUrl: string }>('/api/social-accounts/connect', {
    platform: 'twitter',
  });
  const authorize = new URL(started.body.authorizationUrl);
  const code = twitter.approve({
    codeChallenge: authorize.searchParams.get('code_challenge')!,
    redirectUri: authorize.searchParams.get('redirect_uri')!,
    scope: authorize.searchParams.get('scope')!,
  });
  const done = await callback(env.runtime.url, 'twitter', {
    code,
    state: authorize.searchParams.get('state')!,
  });
  if (done.location.searchParams.get('connected') !== 'twitter')
    throw new Error(`connect failed: ${done.location.href}`);
  const list = await client.get<{ accounts: { id: string; platform: string }[] }>('/api/social-accounts');
  return list.body.accounts.find((a) => a.platform === 'twitter')!.id;
}
