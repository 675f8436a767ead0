import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { announceAccount, type SocialAccountRow } from '../../../core/social-accounts/credentials';
import { takePendingConnection, type PendingConnection } from '../../../core/social-accounts/oauth-state';
import { loadPlatformClient } from '../../../core/social-accounts/platform-clients';
import { PlanLimitReached, saveConnection } from '../../../core/social-accounts/save-connection';
import { organizationMembers } from '../../../db/schema';
import { bringMetricsSyncForward } from '../../../core/analytics/metrics-sync-tick';
import { withTenant } from '../../../db/tenant';
import {
  PLATFORM_IDS,
  PlatformError,
  type OAuth2Flow,
  type OAuthClient,
  type Platform,
} from '../../../platforms/connector';
import { connectorContext, connectorFor } from '../../../platforms/registry';
import type { Operation, OperationContext, OperationResult } from '../../operation';
import { auditActor } from '../../request-origin';

const isPlatform = (value: string): value is Platform => PLATFORM_IDS.some((id) => id === value);

type CallbackContext = OperationContext<'completeSocialAccountConnection'>;

type Exchange = Awaited<ReturnType<OAuth2Flow['exchangeCode']>>;

/** Back to the dashboard's accounts page; the page reads `connected` or `error` (+ `message`). */
function backToAccounts(
  publicUrl: string,
  query: Record<string, string | undefined>,
): OperationResult<never> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value.slice(0, 300));
  return {
    status: 302,
    headers: { location: `${publicUrl.replace(/\/+$/, '')}/accounts?${search.toString()}` },
  };
}

async function clientFor(
  context: CallbackContext,
  pending: PendingConnection,
): Promise<OAuthClient | undefined> {
  if (pending.app) return pending.app;
  const found = await loadPlatformClient(
    context.container.secrets,
    pending.platform,
    context.container.env.PUBLIC_URL,
  );
  return found.configured ? found.client : undefined;
}

/**
 * Saves the granted account and any further accounts of the same grant (Facebook Pages,
 * LinkedIn Pages) while the plan has room, in one transaction with its audit rows. The person
 * who started must still be a manager or admin of the organization.
 */
async function saveGrant(context: CallbackContext, pending: PendingConnection, grant: Exchange) {
  const { container, event } = context;
  const now = container.clock.now();
  const actor = auditActor(event, { userId: pending.userId, organizationId: pending.organizationId });
  return withTenant(container.db, pending.organizationId, async (tx) => {
    const [member] = await tx
      .select({ id: organizationMembers.id })
      .from(organizationMembers)
      .where(
        and(
          eq(organizationMembers.organizationId, pending.organizationId),
          eq(organizationMembers.userId, pending.userId),
          inArray(organizationMembers.role, ['manager', 'admin']),
        ),
      );
    if (!member) return { error: 'forbidden' as const };
    const saved: SocialAccountRow[] = [];
    let skipped = 0;
    for (const [index, { tokens, profile }] of [grant, ...(grant.additionalAccounts ?? [])].entries()) {
      try {
        const result = await saveConnection(
          tx,
          container,
          {
            organizationId: pending.organizationId,
            userId: pending.userId,
            platform: pending.platform,
            tokens,
            profile,
            app: pending.app,
          },
          now,
        );
        await recordAudit(tx, actor, {
          action: result.created ? 'connect' : 'reconnect',
          resourceType: 'social_account',
          resourceId: result.account.id,
          newValues: { platform: pending.platform, accountId: profile.accountId, handle: profile.handle },
        });
        saved.push(result.account);
      } catch (error) {
        // The plan check runs before any write, so the transaction is still usable.
        if (!(error instanceof PlanLimitReached)) throw error;
        if (index === 0) return { error: 'plan_limit_reached' as const, message: error.message };
        skipped += 1;
      }
    }
    return { saved, skipped };
  });
}

export const completeSocialAccountConnection: Operation<'completeSocialAccountConnection'> = async (
  { params, query },
  context,
) => {
  const { container } = context;
  const back = (values: Record<string, string | undefined>) =>
    backToAccounts(container.env.PUBLIC_URL, values);
  const platform = params.platform;
  if (!isPlatform(platform)) return back({ error: 'unknown_platform' });
  const { state } = query;
  const pending = state ? await takePendingConnection(container.kv, state) : undefined;
  // Unknown, expired, reused or another network's state: nothing is exchanged.
  if (!pending || pending.platform !== platform) return back({ error: 'invalid_state', platform });
  if (query.error) {
    return back({
      error: query.error === 'access_denied' ? 'access_denied' : 'authorization_failed',
      platform,
      message: query.error_description,
    });
  }
  const { code } = query;
  if (!code)
    return back({
      error: 'authorization_failed',
      platform,
      message: 'The network sent no authorization code.',
    });

  const connector = connectorFor(platform, connectorContext(container));
  const client = await clientFor(context, pending);
  if (!connector || connector.connect.kind !== 'oauth2' || !client)
    return back({ error: 'platform_not_configured', platform });
  let grant: Exchange;
  try {
    grant = await connector.connect.exchangeCode({
      client,
      code,
      codeVerifier: pending.codeVerifier,
      serviceUrl: pending.serviceUrl,
    });
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    container.logger.warn('OAuth code exchange failed', {
      platform,
      kind: error.kind,
      reason: error.message,
    });
    return back({ error: 'exchange_failed', platform, message: error.message });
  }
  const outcome = await saveGrant(context, pending, grant);
  if ('error' in outcome)
    return back({
      error: outcome.error,
      platform,
      message: 'message' in outcome ? outcome.message : undefined,
    });
  for (const account of outcome.saved) await announceAccount(container, account);
  // Its first metrics: at the next sweep rather than the next daily slot.
  await bringMetricsSyncForward(container.kv, container.clock.now());
  return back({
    connected: platform,
    count: String(outcome.saved.length),
    skipped: outcome.skipped > 0 ? String(outcome.skipped) : undefined,
  });
};
