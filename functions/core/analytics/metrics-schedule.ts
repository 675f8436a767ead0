import { and, eq, gt, sql, type SQL } from 'drizzle-orm';
import { postPlatforms, socialAccounts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import { accountData } from '../social-accounts/account-data';

/**
 * When each connected account's metrics are synced on their own (the "Sync now" button stays):
 * hourly while the account has a post published in the last 48 hours (when its numbers move),
 * else once a day at a shared slot, so an idle install's paused database wakes once a day for
 * all its accounts together rather than once per account. A failed sync keeps its figures and
 * is tried again after a backoff that doubles up to a day.
 */
export const METRICS_SCHEDULE = {
  recentPostHours: 48,
  recentEveryMs: 60 * 60 * 1000,
  /** The daily slot, as UTC hour: every account with only older posts syncs then. */
  dailySlotUtcHour: 6,
  /** A daily sync is not repeated within this many hours of the last one. */
  dailyMinimumGapMs: 20 * 60 * 60 * 1000,
  firstRetryMs: 60 * 60 * 1000,
  maxRetryMs: 24 * 60 * 60 * 1000,
} as const;

export interface AccountSyncState {
  lastSync: Date | null;
  /** A post of the account published within `recentPostHours`. */
  hasRecentPost: boolean;
  /** The last failed sync, how many failed in a row, and a rate limit's reset when one said so. */
  lastError?: { at: Date; failures: number; retryAt?: Date };
  /** The network's allowance ran out at the last sync: nothing before its reset. */
  rateLimitedUntil?: Date;
}

/** The first daily slot at or after `at`. */
function dailySlotFrom(at: Date): Date {
  const slot = new Date(
    Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), METRICS_SCHEDULE.dailySlotUtcHour),
  );
  if (slot < at) slot.setUTCDate(slot.getUTCDate() + 1);
  return slot;
}

/** When the account's next automatic sync is due (may be in the past: due now). */
export function nextSyncAt(state: AccountSyncState): Date {
  const { lastSync, hasRecentPost, lastError, rateLimitedUntil } = state;
  let due: Date;
  if (!lastSync) due = new Date(0);
  else if (hasRecentPost) due = new Date(lastSync.getTime() + METRICS_SCHEDULE.recentEveryMs);
  else due = dailySlotFrom(new Date(lastSync.getTime() + METRICS_SCHEDULE.dailyMinimumGapMs));
  if (lastError && (!lastSync || lastError.at > lastSync)) {
    const backoff = Math.min(
      METRICS_SCHEDULE.maxRetryMs,
      METRICS_SCHEDULE.firstRetryMs * 2 ** Math.max(0, lastError.failures - 1),
    );
    // A rate limit's own reset replaces the guessed backoff.
    const retry = lastError.retryAt ?? new Date(lastError.at.getTime() + backoff);
    if (retry > due) due = retry;
  }
  if (rateLimitedUntil && rateLimitedUntil > due) due = rateLimitedUntil;
  return due;
}

/**
 * The longest an account's figures may go unsynced before answers flag them `stale`: twice its
 * cadence (2 hours while it has a post from the last 48 hours, else 2 days), counted from its
 * last good sync. Simple on purpose: one missed sync is normal (a retry, a rate limit); two in a
 * row means the figures no longer follow the network. Never synced counts as stale.
 */
export function staleAfterMs(hasRecentPost: boolean): number {
  return 2 * (hasRecentPost ? METRICS_SCHEDULE.recentEveryMs : 24 * 60 * 60 * 1000);
}

export function isStale(state: { lastSync: Date | null; hasRecentPost: boolean }, now: Date): boolean {
  if (!state.lastSync) return true;
  return now.getTime() - state.lastSync.getTime() > staleAfterMs(state.hasRecentPost);
}

/**
 * Whether the account (`social_accounts` of the outer query) published a post in the last
 * `recentPostHours` before `now`: what decides its cadence (hourly or daily) and its staleness.
 */
export function hasRecentPost(tx: Transaction, now: Date): SQL<boolean> {
  const recentSince = new Date(now.getTime() - METRICS_SCHEDULE.recentPostHours * 3_600_000);
  return sql<boolean>`exists (${tx
    .select({ one: sql`1` })
    .from(postPlatforms)
    .where(
      and(
        eq(postPlatforms.socialAccountId, socialAccounts.id),
        eq(postPlatforms.status, 'published'),
        gt(postPlatforms.publishedAt, recentSince),
      ),
    )})`;
}

export interface DueAccount {
  accountId: string;
  organizationId: string;
}

/**
 * The active accounts whose sync is due at `now`, and when the next one after them falls due
 * (the sweep skips the database until then). Reads every organization: run as plume_system.
 */
export async function accountsDueForSync(
  tx: Transaction,
  now: Date,
): Promise<{ due: DueAccount[]; nextDueAt: Date | null }> {
  const rows = await tx
    .select({
      accountId: socialAccounts.id,
      organizationId: socialAccounts.organizationId,
      lastSync: socialAccounts.lastSync,
      accountData: socialAccounts.accountData,
      hasRecentPost: hasRecentPost(tx, now),
    })
    .from(socialAccounts)
    .where(and(eq(socialAccounts.status, 'active'), eq(socialAccounts.isActive, true)));
  const due: DueAccount[] = [];
  let nextDueAt: Date | null = null;
  for (const row of rows) {
    const data = accountData(row.accountData);
    const failed = data.lastSyncError;
    const at = nextSyncAt({
      lastSync: row.lastSync,
      hasRecentPost: row.hasRecentPost,
      ...(failed
        ? {
            lastError: {
              at: new Date(failed.at),
              failures: failed.failures ?? 1,
              ...(failed.retryAt ? { retryAt: new Date(failed.retryAt) } : {}),
            },
          }
        : {}),
      ...(data.rateLimitedUntil ? { rateLimitedUntil: new Date(data.rateLimitedUntil) } : {}),
    });
    if (at <= now) due.push({ accountId: row.accountId, organizationId: row.organizationId });
    else if (!nextDueAt || at < nextDueAt) nextDueAt = at;
  }
  return { due, nextDueAt };
}
