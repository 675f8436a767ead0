import { and, count, eq, ne } from 'drizzle-orm';
import type { Container } from '../../../adapters/container';
import { recordAudit } from '../../../core/audit/record-audit';
import { announceAccount } from '../../../core/social-accounts/credentials';
import { mastodonAppFor } from '../../../core/social-accounts/mastodon-apps';
import { pkcePair, savePendingConnection } from '../../../core/social-accounts/oauth-state';
import { loadPlatformClient, oauthRedirectUri } from '../../../core/social-accounts/platform-clients';
import {
  assertRoomForAccount,
  PlanLimitReached,
  saveConnection,
} from '../../../core/social-accounts/save-connection';
import { socialAccounts } from '../../../db/schema';
import { bringMetricsSyncForward } from '../../../core/analytics/metrics-sync-tick';
import { withTenant } from '../../../db/tenant';
import {
  PlatformError,
  type AppPasswordFlow,
  type Connector,
  type OAuth2Flow,
  type Platform,
} from '../../../platforms/connector';
import type { MastodonOAuthFlow } from '../../../platforms/mastodon';
import { connectorContext, connectorFor } from '../../../platforms/registry';
import type { Operation, OperationContext, OperationInput } from '../../operation';
import { HttpProblem } from '../../problem';
import { auditActor } from '../../request-origin';
import { connectProblem, notConfiguredProblem, planLimitProblem } from './platform-problems';
import { presentAccount } from './present';

type ConnectInput = OperationInput<'connectSocialAccount'>['body'];

const missingField = (field: string, message: string) =>
  new HttpProblem(400, 'validation_failed', message, { errors: [{ field: `body.${field}`, message }] });

/**
 * Refuses early when the plan is full and there is no account of this network waiting to be
 * reconnected (a reconnect never needs room). The final check happens when the account is saved.
 */
async function assertMayConnect(
  container: Container,
  organizationId: string,
  platform: Platform,
): Promise<void> {
  await withTenant(container.db, organizationId, async (tx) => {
    const [waiting] = await tx
      .select({ n: count() })
      .from(socialAccounts)
      .where(
        and(
          eq(socialAccounts.organizationId, organizationId),
          eq(socialAccounts.platform, platform),
          ne(socialAccounts.status, 'active'),
        ),
      );
    if ((waiting?.n ?? 0) > 0) return;
    try {
      await assertRoomForAccount(tx, organizationId);
    } catch (error) {
      if (error instanceof PlanLimitReached) throw planLimitProblem(error.message);
      throw error;
    }
  });
}

/** App password (Bluesky) and Sandbox: sign in now and save the account. */
async function connectNow(
  input: ConnectInput,
  connector: Connector,
  flow: AppPasswordFlow,
  { container, event, auth }: OperationContext<'connectSocialAccount'>,
) {
  let login: Awaited<ReturnType<AppPasswordFlow['login']>>;
  if (input.platform === 'sandbox') {
    login = await flow
      .login({ identifier: input.identifier ?? `plume-${auth.organizationId.slice(0, 8)}`, password: '' })
      .catch((error: unknown) => {
        throw connectProblem(error, 'body.identifier');
      });
  } else {
    if (!input.identifier) throw missingField('identifier', 'Enter the handle or email of the account');
    if (!input.appPassword) throw missingField('appPassword', 'Enter an app password');
    login = await flow
      .login({ identifier: input.identifier, password: input.appPassword, serviceUrl: input.service })
      .catch((error: unknown) => {
        // A refused sign-in is about the password; anything else, when the person named a
        // hosting provider, is about that address (not https, private, unreachable).
        const refusedSignIn = error instanceof PlatformError && error.kind === 'auth';
        throw connectProblem(error, input.service && !refusedSignIn ? 'body.service' : 'body.appPassword');
      });
  }
  const now = container.clock.now();
  const saved = await withTenant(container.db, auth.organizationId, async (tx) => {
    const result = await saveConnection(
      tx,
      container,
      { organizationId: auth.organizationId, userId: auth.userId, platform: input.platform, ...login },
      now,
    ).catch((error: unknown) => {
      if (error instanceof PlanLimitReached) throw planLimitProblem(error.message);
      throw error;
    });
    await recordAudit(tx, auditActor(event, auth), {
      action: result.created ? 'connect' : 'reconnect',
      resourceType: 'social_account',
      resourceId: result.account.id,
      newValues: {
        platform: input.platform,
        accountId: login.profile.accountId,
        handle: login.profile.handle,
      },
    });
    return result;
  });
  await announceAccount(container, saved.account);
  // Its first metrics: at the next sweep rather than the next daily slot.
  await bringMetricsSyncForward(container.kv, now);
  return { status: 201, body: { account: presentAccount(saved.account, connector) } };
}

/** OAuth networks: remember state + PKCE verifier for ten minutes and send the browser to consent. */
async function startAuthorization(
  input: ConnectInput,
  connector: Connector,
  flow: OAuth2Flow,
  { container, auth }: OperationContext<'connectSocialAccount'>,
) {
  const redirectUri = oauthRedirectUri(container.env.PUBLIC_URL, input.platform);
  let client;
  let app: { clientId: string; clientSecret: string; redirectUri: string } | undefined;
  let serviceUrl: string | undefined;
  if (input.platform === 'mastodon') {
    if (!input.serviceUrl) throw missingField('serviceUrl', 'Enter the address of your Mastodon server');
    const registered = await mastodonAppFor(container.kv, container.clock, flow as MastodonOAuthFlow, {
      serviceUrl: input.serviceUrl,
      redirectUri,
    }).catch((error: unknown) => {
      throw connectProblem(error, 'body.serviceUrl');
    });
    serviceUrl = registered.serviceUrl;
    app = { clientId: registered.clientId, clientSecret: registered.clientSecret, redirectUri };
    client = app;
  } else {
    const found = await loadPlatformClient(container.secrets, input.platform, container.env.PUBLIC_URL);
    if (!found.configured) throw notConfiguredProblem(connector.displayName, found.missing);
    client = found.client!;
  }
  const { codeVerifier, codeChallenge } = pkcePair();
  const { state, expiresAt } = await savePendingConnection(container.kv, container.clock, {
    organizationId: auth.organizationId,
    userId: auth.userId,
    platform: input.platform,
    codeVerifier,
    serviceUrl,
    app,
  });
  let authorizationUrl: string;
  try {
    authorizationUrl = flow.authorizationUrl({ client, state, codeChallenge, serviceUrl });
  } catch (error) {
    throw connectProblem(error, 'body.serviceUrl');
  }
  return { status: 200, body: { authorizationUrl, expiresAt: expiresAt.toISOString() } };
}

export const connectSocialAccount: Operation<'connectSocialAccount'> = async ({ body: input }, context) => {
  const { container, auth } = context;
  const connector = connectorFor(input.platform, connectorContext(container));
  if (!connector) {
    throw new HttpProblem(
      422,
      'validation_failed',
      `This Plume build cannot connect ${input.platform} yet.`,
      {
        errors: [{ field: 'body.platform', message: 'Not available in this build' }],
      },
    );
  }
  if (connector.connect.kind === 'oauth2') {
    await assertMayConnect(container, auth.organizationId, input.platform);
    return startAuthorization(input, connector, connector.connect, context);
  }
  // Signing in tells which account it is, so saving it decides between a reconnect and a new seat.
  return connectNow(input, connector, connector.connect, context);
};
