import type { PublishingQuota } from '../connector';

/**
 * Used until a `POST /2/tweets` answer has shown the account's real limit headers: "300
 * requests per 3-hour window per user, per app" (https://docs.x.com/x-api/posts/manage-tweets/migrate/overview).
 * Paid tiers and pay-per-use differ (Basic was reported at 100 per 24 h per user), which is
 * why the headers win as soon as they are seen.
 */
export const TWITTER_DEFAULT_QUOTA: PublishingQuota = { used: 0, limit: 300, windowSeconds: 3 * 60 * 60 };

interface Observed extends PublishingQuota {
  resetAt: number;
}

/**
 * X has no quota endpoint for posting; every `POST /2/tweets` answer carries the account's
 * limits in headers instead. This remembers the latest reading per account for `quota()`,
 * for as long as the process lives (a warm Lambda, the local runtime).
 */
export class PostingQuotaTracker {
  private readonly byAccount = new Map<string, Observed>();

  observe(accountId: string, headers: Headers): void {
    // The 24-hour user cap is the publishing budget when X sends it; the 15-minute window otherwise.
    for (const [prefix, windowSeconds] of [
      ['x-user-limit-24hour', 24 * 60 * 60],
      ['x-rate-limit', 15 * 60],
    ] as const) {
      const limit = Number(headers.get(`${prefix}-limit`));
      const remaining = Number(headers.get(`${prefix}-remaining`));
      const reset = Number(headers.get(`${prefix}-reset`));
      if (headers.has(`${prefix}-limit`) && limit > 0 && Number.isFinite(remaining) && reset > 0) {
        this.byAccount.set(accountId, {
          used: Math.max(0, limit - remaining),
          limit,
          windowSeconds,
          resetAt: reset * 1000,
        });
        return;
      }
    }
  }

  quota(accountId: string, now: Date): PublishingQuota {
    const observed = this.byAccount.get(accountId);
    if (!observed) return { ...TWITTER_DEFAULT_QUOTA };
    const { used, limit, windowSeconds, resetAt } = observed;
    return { used: now.getTime() >= resetAt ? 0 : used, limit, windowSeconds };
  }
}
