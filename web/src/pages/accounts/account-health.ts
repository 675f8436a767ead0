import type { PublishingQuota, SocialAccount } from './types';

export type HealthTone = 'success' | 'warning' | 'danger' | 'neutral';

export interface AccountHealth {
  tone: HealthTone;
  label: string;
  /** What to do about it, when there is something to do. */
  detail: string | null;
  /** True when only connecting again can fix it. */
  needsReconnect: boolean;
}

type HealthFields = Pick<SocialAccount, 'status' | 'statusReason' | 'isActive' | 'lastSyncError'>;

/** One word and one sentence for an account's state, worst problem first. */
export function accountHealth(account: HealthFields): AccountHealth {
  if (account.status === 'needs_reauth') {
    return {
      tone: 'danger',
      label: 'Needs reconnecting',
      detail:
        account.statusReason ??
        'The network no longer accepts Plume’s access. Reconnect the account to resume publishing.',
      needsReconnect: true,
    };
  }
  if (account.status === 'disconnected') {
    return {
      tone: 'neutral',
      label: 'Disconnected',
      detail: account.statusReason ?? 'Connect it again to publish.',
      needsReconnect: true,
    };
  }
  if (account.lastSyncError) {
    return { tone: 'warning', label: 'Sync failed', detail: account.lastSyncError, needsReconnect: false };
  }
  if (!account.isActive) {
    return {
      tone: 'neutral',
      label: 'Paused',
      detail: 'Connected, but not offered in the composer.',
      needsReconnect: false,
    };
  }
  return { tone: 'success', label: 'Active', detail: null, needsReconnect: false };
}

/** How many accounts need someone's attention (reconnect or failed sync). */
export function attentionCount(accounts: readonly HealthFields[]): number {
  return accounts.filter((account) => {
    const health = accountHealth(account);
    return health.tone === 'danger' || health.tone === 'warning';
  }).length;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * The access token's expiry in words. Most networks renew access on their own, so only a
 * near or past expiry is worth a warning (`soon`).
 */
export function tokenExpiryText(
  tokenExpiresAt: string | null,
  now: number = Date.now(),
): { text: string; soon: boolean } {
  if (!tokenExpiresAt) return { text: 'Access does not expire', soon: false };
  const at = Date.parse(tokenExpiresAt);
  if (Number.isNaN(at)) return { text: 'Access expiry unknown', soon: false };
  const left = at - now;
  if (left <= 0) return { text: 'Access expired; Plume renews it before publishing', soon: true };
  if (left < HOUR) return { text: 'Access expires within the hour', soon: true };
  if (left < DAY) {
    const hours = Math.floor(left / HOUR);
    return { text: `Access expires in ${hours} ${hours === 1 ? 'hour' : 'hours'}`, soon: true };
  }
  const days = Math.floor(left / DAY);
  return { text: `Access expires in ${days} ${days === 1 ? 'day' : 'days'}`, soon: days < 3 };
}

/** "24 hours", "15 minutes", "day": the quota's window as people say it. */
export function windowText(seconds: number): string {
  const plural = (count: number, unit: string) => (count === 1 ? unit : `${count} ${unit}s`);
  if (seconds > 0 && seconds % 86_400 === 0 && seconds !== 86_400) return plural(seconds / 86_400, 'day');
  if (seconds > 0 && seconds % 3_600 === 0) return plural(seconds / 3_600, 'hour');
  if (seconds > 0 && seconds % 60 === 0) return plural(seconds / 60, 'minute');
  return plural(Math.max(seconds, 0), 'second');
}

/** "12 of 50 posts used in the last 24 hours", and whether little room is left. */
export function quotaText(quota: PublishingQuota): { text: string; nearlyFull: boolean } {
  const nearlyFull = quota.limit > 0 && quota.used / quota.limit >= 0.9;
  return {
    text: `${quota.used} of ${quota.limit} posts used in the last ${windowText(quota.windowSeconds)}`,
    nearlyFull,
  };
}

/** The name shown for an account: its label, else its handle, else the network's id. */
export function accountLabel(account: Pick<SocialAccount, 'name' | 'handle' | 'accountId'>): string {
  return account.name ?? (account.handle ? `@${account.handle}` : account.accountId);
}

/** "mastodon.social" for a federated account's server; the stored text when it is no URL. */
export function serviceHost(serviceUrl: string): string {
  try {
    return new URL(serviceUrl).host || serviceUrl;
  } catch {
    return serviceUrl;
  }
}
