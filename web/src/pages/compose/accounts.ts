import type { components } from '../../api/schema.gen';
import { limitsForAccount, type PlatformLimits } from '../../publishing/rules';
import type { Platform } from '../../publishing/platforms';

export type SocialAccount = components['schemas']['SocialAccount'];
type LimitsSummary = components['schemas']['PlatformLimitsSummary'];

/** An account as the composer uses it: who it is and the limits that apply to it. */
export interface ComposerAccount {
  id: string;
  platform: Platform;
  name: string;
  handle: string | null;
  avatarUrl: string | null;
  status: SocialAccount['status'];
  statusReason: string | null;
  limits: PlatformLimits;
}

const TEXT_COUNTING: readonly string[] = ['twitter-weighted', 'graphemes', 'characters', 'threads'];

/**
 * The run-time limits the API reports, as the shared rules take them. `textCounting` comes
 * over the wire as a plain string, so an unknown value is dropped rather than trusted.
 */
export function runTimeLimits(summary: LimitsSummary | null): Partial<PlatformLimits> | null {
  if (!summary) return null;
  const { textCounting, ...rest } = summary;
  return {
    ...rest,
    ...(TEXT_COUNTING.includes(textCounting)
      ? { textCounting: textCounting as PlatformLimits['textCounting'] }
      : {}),
  };
}

export function toComposerAccount(account: SocialAccount): ComposerAccount {
  return {
    id: account.id,
    platform: account.platform,
    name: account.name ?? account.profileName ?? account.handle ?? account.platformName,
    handle: account.handle,
    avatarUrl: account.avatarUrl,
    status: account.status,
    statusReason: account.statusReason,
    limits: limitsForAccount(account.platform, runTimeLimits(account.limits)),
  };
}

/** Accounts the composer offers: switched on and still connected (needs_reauth included, flagged). */
export function offeredAccounts(accounts: readonly SocialAccount[]): ComposerAccount[] {
  return accounts.filter((a) => a.isActive && a.status !== 'disconnected').map(toComposerAccount);
}

/** Accounts grouped by network, networks in a stable order (first seen). */
export function groupByPlatform(accounts: readonly ComposerAccount[]): [Platform, ComposerAccount[]][] {
  const groups = new Map<Platform, ComposerAccount[]>();
  for (const account of accounts) {
    const group = groups.get(account.platform) ?? [];
    group.push(account);
    groups.set(account.platform, group);
  }
  return [...groups.entries()];
}
