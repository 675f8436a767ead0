import { and, count, eq, isNull, ne } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { organizations, socialAccounts } from '../../db/schema';
import type { AccountProfile, Platform, TokenSet } from '../../platforms/connector';
import type { Crypto, Ids } from '../ports';
import { accountData } from './account-data';
import { tokenContext, type SocialAccountRow } from './credentials';

export interface NewConnection {
  organizationId: string;
  userId: string;
  platform: Platform;
  tokens: TokenSet;
  profile: AccountProfile;
  /** Mastodon's per-instance app, kept (secret encrypted) for token refreshes. */
  app?: { clientId: string; clientSecret: string; redirectUri: string };
}

export class PlanLimitReached extends Error {
  constructor(
    readonly plan: string,
    readonly limit: number,
  ) {
    super(`Your ${plan} plan allows ${limit} connected accounts; disconnect one or upgrade to connect more.`);
    this.name = 'PlanLimitReached';
  }
}

/** Accounts that count against `max_social_accounts`: every one not disconnected. */
export async function connectedAccountCount(tx: Database, organizationId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(socialAccounts)
    .where(and(eq(socialAccounts.organizationId, organizationId), ne(socialAccounts.status, 'disconnected')));
  return row?.n ?? 0;
}

/** Throws PlanLimitReached when one more account would exceed the organization's plan. */
export async function assertRoomForAccount(tx: Database, organizationId: string): Promise<void> {
  // Locked until the transaction ends, so parallel connections count one after the other.
  const [organization] = await tx
    .select({ plan: organizations.subscriptionPlan, limit: organizations.maxSocialAccounts })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for('update');
  if (!organization) throw new Error(`Organization ${organizationId} not found`);
  if ((await connectedAccountCount(tx, organizationId)) >= organization.limit) {
    throw new PlanLimitReached(organization.plan, organization.limit);
  }
}

function sameAccount(connection: NewConnection) {
  const { organizationId, platform, profile } = connection;
  return and(
    eq(socialAccounts.organizationId, organizationId),
    eq(socialAccounts.platform, platform),
    eq(socialAccounts.accountId, profile.accountId),
    profile.serviceUrl
      ? eq(socialAccounts.serviceUrl, profile.serviceUrl)
      : isNull(socialAccounts.serviceUrl),
  );
}

/**
 * Saves a connected account: a new row, or the existing row of the same network account
 * (reconnecting after `needs_reauth` or a disconnect keeps its id, so scheduled posts stay
 * attached). Tokens are encrypted bound to the row's id. A new (or revived) account must fit
 * the plan. Call inside the tenant's transaction.
 */
export async function saveConnection(
  tx: Database,
  ports: { crypto: Crypto; ids: Ids },
  connection: NewConnection,
  now: Date,
): Promise<{ account: SocialAccountRow; created: boolean; previous?: SocialAccountRow }> {
  const { profile, tokens } = connection;
  const [existing] = await tx.select().from(socialAccounts).where(sameAccount(connection)).for('update');
  if (!existing || existing.status === 'disconnected')
    await assertRoomForAccount(tx, connection.organizationId);

  const id = existing?.id ?? ports.ids.uuid();
  const context = tokenContext({ id, organizationId: connection.organizationId });
  const previous = accountData(existing?.accountData);
  const data = {
    ...previous,
    extra: profile.extra,
    profileName: profile.name,
    oauthApp: connection.app
      ? {
          clientId: connection.app.clientId,
          clientSecretEnc: await ports.crypto.encrypt(connection.app.clientSecret, context),
          redirectUri: connection.app.redirectUri,
        }
      : undefined,
    lastSyncError: undefined,
  };
  const values = {
    accountName: previous.customName && existing?.accountName ? existing.accountName : profile.name,
    accountHandle: profile.handle,
    avatarUrl: profile.avatarUrl ?? null,
    profileUrl: profile.profileUrl ?? null,
    accessTokenEnc: await ports.crypto.encrypt(tokens.accessToken, context),
    // A grant without a refresh token keeps the one stored from the previous grant.
    ...(tokens.refreshToken
      ? {
          refreshTokenEnc: await ports.crypto.encrypt(tokens.refreshToken, context),
          refreshTokenExpiresAt: tokens.refreshTokenExpiresAt ?? null,
        }
      : existing
        ? {}
        : { refreshTokenEnc: null }),
    tokenExpiresAt: tokens.expiresAt ?? null,
    scopes: tokens.scopes,
    accountData: JSON.parse(JSON.stringify(data)) as Record<string, unknown>,
    status: 'active' as const,
    statusReason: null,
    isActive: true,
    userId: connection.userId,
    updatedAt: now,
  };
  if (existing) {
    const [account] = await tx
      .update(socialAccounts)
      .set(values)
      .where(eq(socialAccounts.id, existing.id))
      .returning();
    return { account: account!, created: false, previous: existing };
  }
  const [account] = await tx
    .insert(socialAccounts)
    .values({
      ...values,
      id,
      organizationId: connection.organizationId,
      platform: connection.platform,
      accountId: profile.accountId,
      serviceUrl: profile.serviceUrl ?? null,
      createdAt: now,
    })
    .returning();
  return { account: account!, created: true };
}
