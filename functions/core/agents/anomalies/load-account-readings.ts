import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { accountMetrics } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import type { AccountSeries } from './daily-series';

export interface AccountReading {
  socialAccountId: string;
  /** The UTC day of the reading (YYYY-MM-DD). */
  day: string;
  followers: number | null;
  impressions: number | null;
}

/** The organization's daily account readings (`account_metrics`) from `from` to `to` (days, inclusive), oldest first. */
export async function loadAccountReadings(
  tx: Transaction,
  organizationId: string,
  filter: { from: string; to: string; accountIds?: string[] },
): Promise<AccountReading[]> {
  return tx
    .select({
      socialAccountId: accountMetrics.socialAccountId,
      day: accountMetrics.dateBucket,
      followers: accountMetrics.followersCount,
      impressions: accountMetrics.impressionsCount,
    })
    .from(accountMetrics)
    .where(
      and(
        eq(accountMetrics.organizationId, organizationId),
        gte(accountMetrics.dateBucket, filter.from),
        lte(accountMetrics.dateBucket, filter.to),
        filter.accountIds?.length ? inArray(accountMetrics.socialAccountId, filter.accountIds) : undefined,
      ),
    )
    .orderBy(asc(accountMetrics.socialAccountId), asc(accountMetrics.dateBucket));
}

/** Per account, its followers and impressions series (a reading without the figure is a day without a point). */
export function readingSeries(readings: AccountReading[]): AccountSeries[] {
  const byAccount = new Map<string, AccountReading[]>();
  for (const reading of readings) {
    const list = byAccount.get(reading.socialAccountId) ?? [];
    list.push(reading);
    byAccount.set(reading.socialAccountId, list);
  }
  return [...byAccount].flatMap(([socialAccountId, rows]) =>
    (['followers', 'impressions'] as const).map((metric) => ({
      socialAccountId,
      metric,
      points: rows.map((r) => ({ day: r.day, value: r[metric] })),
    })),
  );
}
