import type { PlatformLimits, PublishingQuota } from '../../platforms/connector';

/**
 * What Plume keeps in `social_accounts.account_data` (jsonb). Typed here, in one place,
 * because several parts read it: the connector's own `extra` (handed back in credentials),
 * the user's settings for the account, and what the last sync learned.
 */
export interface AccountData {
  /** The connector's `profile.extra` (Bluesky entryway, X subscription...), returned in credentials. */
  extra?: Record<string, unknown>;
  /** The name the network reports; `account_name` shows the user's own label when set. */
  profileName?: string;
  /** True when the user renamed the account: syncs then leave `account_name` alone. */
  customName?: boolean;
  /** Composer defaults for this account (e.g. TikTok privacy level, hashtags to add). */
  defaultSettings?: Record<string, unknown>;
  /** Mastodon: the app Plume registered on the instance (secret encrypted like the tokens). */
  oauthApp?: { clientId: string; clientSecretEnc: string; redirectUri: string };
  /** Limits read from the platform at the last sync, merged over the configured ones. */
  limits?: PlatformLimits;
  quota?: PublishingQuota & { readAt: string };
  /**
   * The last sync's failure, kept until one succeeds: the figures synced before stay as they
   * were (stale, never blanked); `failures` in a row set the automatic retry's backoff.
   */
  lastSyncError?: {
    message: string;
    at: string;
    failures?: number;
    /** A rate limit's reset (ISO): the automatic retry waits until then rather than the backoff. */
    retryAt?: string;
  };
  /**
   * The network's allowance ran out during the last successful sync (its rate-limit headers
   * said 0 left): the next automatic sync waits until this reset (ISO).
   */
  rateLimitedUntil?: string;
  /** Why the account's own figures or audience could not be read at the last sync (the post metrics still were). */
  accountReadError?: { message: string; at: string };
}

export function accountData(value: Record<string, unknown> | null | undefined): AccountData {
  return (value ?? {}) as AccountData;
}
