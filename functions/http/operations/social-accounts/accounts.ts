import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { loadPlatformApps } from '../../../core/platform-apps';
import { accountData } from '../../../core/social-accounts/account-data';
import { announceAccount } from '../../../core/social-accounts/credentials';
import { platformClient } from '../../../core/social-accounts/platform-clients';
import { socialAccounts } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import { PLATFORM_IDS } from '../../../platforms/connector';
import { connectorContext, connectorFor } from '../../../platforms/registry';
import type { Operation } from '../../operation';
import { HttpProblem, notFound } from '../../problem';
import { auditActor } from '../../request-origin';
import { presentAccount } from './present';

/** Connected accounts with their health, plus which networks this Plume can connect. */
export const listSocialAccounts: Operation<'listSocialAccounts'> = async (_input, { container, auth }) => {
  const context = connectorContext(container);
  const rows = await withTenant(container.db, auth.organizationId, (tx) =>
    tx
      .select()
      .from(socialAccounts)
      .where(eq(socialAccounts.organizationId, auth.organizationId))
      .orderBy(asc(socialAccounts.createdAt), asc(socialAccounts.id)),
  );
  let apps = {};
  try {
    apps = await loadPlatformApps(container.secrets);
  } catch (error) {
    // A malformed secret must not hide the accounts; every OAuth network then shows as not configured.
    container.logger.error('platform-apps secret unreadable', { error: String(error) });
  }
  const platforms = PLATFORM_IDS.flatMap((platform) => {
    const connector = connectorFor(platform, context);
    if (!connector) return [];
    const found = platformClient(apps, platform, container.env.PUBLIC_URL);
    return [
      {
        platform,
        name: connector.displayName,
        connect:
          connector.connect.kind === 'oauth2'
            ? ('oauth' as const)
            : platform === 'sandbox'
              ? ('instant' as const)
              : ('app-password' as const),
        configured: found.configured,
        missingSettings: found.configured ? [] : found.missing,
      },
    ];
  });
  return {
    body: {
      accounts: rows.map((row) => presentAccount(row, connectorFor(row.platform, context))),
      platforms,
    },
  };
};

/** Renames (or restores the profile name), sets composer defaults, and (de)activates. */
export const updateSocialAccount: Operation<'updateSocialAccount'> = async (
  { params, body: input },
  { container, event, auth },
) => {
  const now = container.clock.now();
  const updated = await withTenant(container.db, auth.organizationId, async (tx) => {
    const [before] = await tx
      .select()
      .from(socialAccounts)
      .where(and(eq(socialAccounts.id, params.id), eq(socialAccounts.organizationId, auth.organizationId)))
      .for('update');
    if (!before) return undefined;
    const data = accountData(before.accountData);
    const next = { ...data };
    let accountName = before.accountName;
    if (input.name !== undefined) {
      next.customName = input.name !== null;
      accountName = input.name ?? data.profileName ?? before.accountName;
    }
    if (input.defaultSettings !== undefined) next.defaultSettings = input.defaultSettings;
    if (input.isActive !== undefined && input.isActive && before.status === 'disconnected') {
      throw new HttpProblem(409, 'conflict', 'A disconnected account cannot be activated; connect it again.');
    }
    const [row] = await tx
      .update(socialAccounts)
      .set({
        accountName,
        accountData: next as Record<string, unknown>,
        isActive: input.isActive ?? before.isActive,
        updatedAt: now,
      })
      .where(eq(socialAccounts.id, before.id))
      .returning();
    await recordAudit(tx, auditActor(event, auth), {
      action: 'update',
      resourceType: 'social_account',
      resourceId: before.id,
      oldValues: {
        name: before.accountName,
        isActive: before.isActive,
        defaultSettings: data.defaultSettings ?? {},
      },
      newValues: { name: accountName, isActive: row!.isActive, defaultSettings: next.defaultSettings ?? {} },
    });
    return row!;
  });
  if (!updated) throw notFound('The account');
  return { body: presentAccount(updated, connectorFor(updated.platform, connectorContext(container))) };
};

/**
 * Disconnects: the tokens are erased at once and the account becomes `disconnected`. Its
 * scheduled posts stay, and the publisher refuses to publish them, saying why; reconnecting
 * the same account revives it with the same id, so they can go out after all.
 */
export const disconnectSocialAccount: Operation<'disconnectSocialAccount'> = async (
  { params },
  { container, event, auth },
) => {
  const now = container.clock.now();
  const disconnected = await withTenant(container.db, auth.organizationId, async (tx) => {
    const [before] = await tx
      .select()
      .from(socialAccounts)
      .where(and(eq(socialAccounts.id, params.id), eq(socialAccounts.organizationId, auth.organizationId)))
      .for('update');
    if (!before) return undefined;
    const { oauthApp: _app, quota: _quota, ...data } = accountData(before.accountData);
    const [row] = await tx
      .update(socialAccounts)
      .set({
        status: 'disconnected',
        statusReason: 'Disconnected from Plume; connect it again to publish.',
        isActive: false,
        accessTokenEnc: null,
        refreshTokenEnc: null,
        tokenExpiresAt: null,
        refreshTokenExpiresAt: null,
        accountData: data as Record<string, unknown>,
        updatedAt: now,
      })
      .where(eq(socialAccounts.id, before.id))
      .returning();
    await recordAudit(tx, auditActor(event, auth), {
      action: 'disconnect',
      resourceType: 'social_account',
      resourceId: before.id,
      oldValues: { status: before.status, platform: before.platform, handle: before.accountHandle },
      newValues: { status: 'disconnected' },
    });
    return row!;
  });
  if (!disconnected) throw notFound('The account');
  await announceAccount(container, disconnected);
  return { status: 204 };
};
