import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Container } from '../ports/container';
import type { Database } from '../../db/client';
import { organizationMembers, socialAccounts } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { enqueueNotificationEmails, takePendingEmails } from '../notifications/email-outbox';
import { notificationRecipients } from '../notifications/notification-recipients';
import { writeNotifications } from '../notifications/write-notifications';
import {
  PlatformError,
  type AccountCredentials,
  type OAuthClient,
  type TokenSet,
} from '../../platforms/connector';
import { connectorContext, connectorFor } from '../../platforms/registry';
import type { Crypto } from '../ports';
import { accountData } from './account-data';
import { loadPlatformClient } from './platform-clients';

export type SocialAccountRow = typeof socialAccounts.$inferSelect;

/** Refresh when less than this is left, so a publish never starts with a token about to die. */
export const REFRESH_AHEAD_MS = 5 * 60_000;

/** Tokens are bound to their tenant and account: a ciphertext copied to another row will not decrypt. */
export function tokenContext(
  account: Pick<SocialAccountRow, 'organizationId' | 'id'>,
): Record<string, string> {
  return { organizationId: account.organizationId, accountId: account.id };
}

/** The credentials a connector needs, decrypted from a row (empty tokens when it has none). */
export async function credentialsOf(crypto: Crypto, account: SocialAccountRow): Promise<AccountCredentials> {
  const context = tokenContext(account);
  const data = accountData(account.accountData);
  return {
    accountId: account.accountId,
    handle: account.accountHandle ?? undefined,
    serviceUrl: account.serviceUrl ?? undefined,
    extra: data.extra,
    accessToken: account.accessTokenEnc ? await crypto.decrypt(account.accessTokenEnc, context) : '',
    refreshToken: account.refreshTokenEnc
      ? await crypto.decrypt(account.refreshTokenEnc, context)
      : undefined,
    expiresAt: account.tokenExpiresAt ?? undefined,
    refreshTokenExpiresAt: account.refreshTokenExpiresAt ?? undefined,
    scopes: account.scopes,
  };
}

/**
 * Loads an account and its decrypted credentials. Check `account.status` first: a
 * disconnected account has no tokens (its credentials carry an empty access token).
 */
export async function loadAccountCredentials(
  tx: Database,
  crypto: Crypto,
  accountId: string,
): Promise<{ account: SocialAccountRow; credentials: AccountCredentials } | undefined> {
  const [account] = await tx.select().from(socialAccounts).where(eq(socialAccounts.id, accountId));
  if (!account) return undefined;
  return { account, credentials: await credentialsOf(crypto, account) };
}

/**
 * Stores tokens from a refresh. A refresh that returned no refresh token keeps the stored one
 * (never overwritten with an empty value). A disconnected account is left alone: a refresh
 * racing a disconnect must not bring the tokens back.
 */
export async function storeRefreshedTokens(
  tx: Database,
  crypto: Crypto,
  account: SocialAccountRow,
  tokens: TokenSet,
  now: Date,
): Promise<void> {
  const context = tokenContext(account);
  const values: Partial<typeof socialAccounts.$inferInsert> = {
    accessTokenEnc: await crypto.encrypt(tokens.accessToken, context),
    tokenExpiresAt: tokens.expiresAt ?? null,
    updatedAt: now,
  };
  if (tokens.refreshToken) {
    values.refreshTokenEnc = await crypto.encrypt(tokens.refreshToken, context);
    values.refreshTokenExpiresAt = tokens.refreshTokenExpiresAt ?? null;
  }
  if (tokens.scopes.length > 0) values.scopes = tokens.scopes;
  await tx
    .update(socialAccounts)
    .set(values)
    .where(and(eq(socialAccounts.id, account.id), ne(socialAccounts.status, 'disconnected')));
}

/**
 * Marks an account `needs_reauth` with a reason the user can act on, and tells the people who
 * can reconnect it (admins, managers and whoever connected it) with a notification row, unless
 * they switched `account.needs_reauth` off in the app and by email. Only the first failure notifies:
 * repeated auth errors of the same account do not spam.
 * Returns whether the account changed state; callers push a realtime update when it did.
 */
export async function markNeedsReauth(
  tx: Database,
  accountId: string,
  reason: string,
  now: Date,
): Promise<boolean> {
  const [account] = await tx
    .update(socialAccounts)
    .set({ status: 'needs_reauth', statusReason: reason, updatedAt: now })
    .where(and(eq(socialAccounts.id, accountId), eq(socialAccounts.status, 'active')))
    .returning();
  if (!account) return false;
  const recipients = await tx
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(
      and(
        eq(organizationMembers.organizationId, account.organizationId),
        or(
          inArray(organizationMembers.role, ['admin', 'manager']),
          account.userId ? eq(organizationMembers.userId, account.userId) : sql`false`,
        ),
      ),
    );
  // Those who switched this type off (in the app and by email) hear about it from the accounts page only.
  const wanting = await notificationRecipients(
    tx,
    account.organizationId,
    recipients.map((r) => r.userId),
    'account.needs_reauth',
  );
  const name = account.accountHandle ?? account.accountName ?? account.platform;
  // Emails are queued with the rows; the caller enqueues them after its commit (email-outbox.ts).
  await writeNotifications(
    tx,
    {
      organizationId: account.organizationId,
      type: 'account.needs_reauth',
      severity: 'error',
      title: `Reconnect ${name}: its scheduled posts are waiting`,
      body: reason,
      link: '/accounts',
      data: { socialAccountId: account.id, platform: account.platform },
      createdAt: now,
    },
    wanting,
  );
  return true;
}

/** Pushes an account's new state to the organization's open dashboards. */
export async function announceAccount(
  container: Pick<Container, 'realtime'>,
  account: Pick<SocialAccountRow, 'id' | 'organizationId' | 'platform' | 'status' | 'statusReason'>,
): Promise<void> {
  await container.realtime.broadcast(account.organizationId, {
    type: 'social-account.updated',
    data: {
      id: account.id,
      platform: account.platform,
      status: account.status,
      statusReason: account.statusReason,
    },
  });
}

function needsRefresh(credentials: AccountCredentials, now: Date): boolean {
  return (
    credentials.expiresAt !== undefined && credentials.expiresAt.getTime() - now.getTime() < REFRESH_AHEAD_MS
  );
}

/** The client a refresh authenticates with: the operator's app, or Mastodon's per-instance app. */
async function refreshClient(
  container: Container,
  account: SocialAccountRow,
): Promise<OAuthClient | undefined> {
  const app = accountData(account.accountData).oauthApp;
  if (app) {
    return {
      clientId: app.clientId,
      clientSecret: await container.crypto.decrypt(app.clientSecretEnc, tokenContext(account)),
      redirectUri: app.redirectUri,
    };
  }
  const found = await loadPlatformClient(container.secrets, account.platform, container.env.PUBLIC_URL);
  return found.configured ? found.client : undefined;
}

type RefreshOutcome =
  | { kind: 'fresh'; credentials: AccountCredentials }
  | { kind: 'reauth'; error: PlatformError; account: SocialAccountRow };

/**
 * Returns credentials good for at least five more minutes: refreshes ahead of expiry through
 * the connector and stores the new tokens. The account row is locked while refreshing, so two
 * publishers never spend a single-use refresh token twice (the second one finds the tokens the
 * first stored). An auth error marks the account `needs_reauth`, notifies, and is rethrown;
 * other refresh errors are rethrown only when the current token has already expired.
 */
export async function ensureFreshCredentials(
  container: Container,
  account: SocialAccountRow,
  credentials: AccountCredentials,
): Promise<AccountCredentials> {
  if (!needsRefresh(credentials, container.clock.now())) return credentials;
  const connector = connectorFor(account.platform, connectorContext(container));
  if (!connector?.refresh) return credentials;
  const refresh = connector.refresh.bind(connector);

  let emails: string[] = [];
  const outcome = await withTenant(
    container.db,
    account.organizationId,
    async (tx): Promise<RefreshOutcome> => {
      const [locked] = await tx
        .select()
        .from(socialAccounts)
        .where(eq(socialAccounts.id, account.id))
        .for('update');
      if (!locked) throw new PlatformError('auth', 'The account was removed; connect it again');
      const current = await credentialsOf(container.crypto, locked);
      if (!needsRefresh(current, container.clock.now())) return { kind: 'fresh', credentials: current };
      try {
        const tokens = await refresh(current, await refreshClient(container, locked));
        const now = container.clock.now();
        await storeRefreshedTokens(tx, container.crypto, locked, tokens, now);
        return {
          kind: 'fresh',
          credentials: { ...current, ...tokens, refreshToken: tokens.refreshToken || current.refreshToken },
        };
      } catch (error) {
        if (error instanceof PlatformError && error.kind === 'auth') {
          const reason = `${error.message}. Reconnect the account to resume publishing.`;
          const changed = await markNeedsReauth(tx, locked.id, reason, container.clock.now());
          emails = takePendingEmails(tx);
          return {
            kind: 'reauth',
            error,
            account: changed ? { ...locked, status: 'needs_reauth', statusReason: reason } : locked,
          };
        }
        const expired =
          current.expiresAt !== undefined && current.expiresAt.getTime() <= container.clock.now().getTime();
        container.logger.warn('Token refresh failed', {
          accountId: locked.id,
          platform: locked.platform,
          error: String(error),
          expired,
        });
        if (expired) throw error;
        return { kind: 'fresh', credentials: current };
      }
    },
  );
  if (outcome.kind === 'fresh') return outcome.credentials;
  // After the commit: mail the managers told by markNeedsReauth.
  await enqueueNotificationEmails(container, emails);
  await announceAccount(container, outcome.account);
  throw outcome.error;
}
