import { and, eq } from 'drizzle-orm';
import { accountMetrics, audienceInsights } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import {
  ACCOUNT_METRICS,
  type AccountMetricName,
  type UnavailableAccountMetrics,
} from '../../shared/analytics/account-metrics';
import { NOT_RETURNED } from '../../shared/analytics/metrics';
import { platformProfile, type Platform } from '../../shared/platforms/catalog';
import type { AccountMetrics, AudienceReading } from '../../platforms/connector';

/** The UTC day of an instant, as `account_metrics.date_bucket` and `audience_insights.analysis_date` keep it. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

const COLUMNS = {
  followers: 'followersCount',
  following: 'followingCount',
  posts: 'postsCount',
  impressions: 'impressionsCount',
  profileViews: 'profileViewsCount',
} as const satisfies Record<AccountMetricName, keyof typeof accountMetrics.$inferSelect>;

/**
 * Writes the account's reading into its row of the UTC day (one row per account and day: a
 * later sync the same day overwrites it, so the day keeps its latest reading). A figure this
 * reading lacks keeps the value an earlier reading of the same day stored: a partial answer
 * (insights refused this time) never blanks a figure. What stays null carries its reason: the
 * reading's, else the network's (profile), else "not returned".
 */
export async function storeAccountReading(
  tx: Transaction,
  input: { organizationId: string; accountId: string; platform: Platform; reading: AccountMetrics },
): Promise<void> {
  const { organizationId, accountId, platform, reading } = input;
  const day = utcDay(reading.fetchedAt);
  const [stored] = await tx
    .select()
    .from(accountMetrics)
    .where(and(eq(accountMetrics.socialAccountId, accountId), eq(accountMetrics.dateBucket, day)))
    .for('update');
  const known = platformProfile(platform).accountMetrics.unavailable;
  const figures = {} as Record<(typeof COLUMNS)[AccountMetricName], number | null>;
  const unavailable: UnavailableAccountMetrics = {};
  for (const metric of ACCOUNT_METRICS) {
    const column = COLUMNS[metric];
    const value = reading[metric] ?? stored?.[column] ?? null;
    figures[column] = value;
    if (value === null) unavailable[metric] = reading.unavailable?.[metric] ?? known[metric] ?? NOT_RETURNED;
  }
  const row = { ...figures, unavailable, source: reading.source, recordedAt: reading.fetchedAt };
  if (stored) {
    await tx.update(accountMetrics).set(row).where(eq(accountMetrics.id, stored.id));
  } else {
    await tx
      .insert(accountMetrics)
      .values({ organizationId, socialAccountId: accountId, dateBucket: day, ...row })
      .onConflictDoUpdate({ target: [accountMetrics.socialAccountId, accountMetrics.dateBucket], set: row });
  }
}

/** Whether the account's audience was already read this UTC day (it is read once a day: quotas). */
export async function audienceReadOn(tx: Transaction, accountId: string, at: Date): Promise<boolean> {
  const [row] = await tx
    .select({ id: audienceInsights.id })
    .from(audienceInsights)
    .where(
      and(eq(audienceInsights.socialAccountId, accountId), eq(audienceInsights.analysisDate, utcDay(at))),
    )
    .limit(1);
  return row !== undefined;
}

/** The day's audience row: demographics as shares, the follower count of the day, why a dimension is missing. */
export async function storeAudienceReading(
  tx: Transaction,
  input: {
    organizationId: string;
    accountId: string;
    reading: AudienceReading;
    followers: number | null;
  },
): Promise<void> {
  const { organizationId, accountId, reading, followers } = input;
  const row = {
    demographics: reading.demographics,
    unavailable: reading.unavailable,
    source: reading.source,
    followersCount: followers,
    dataSource: 'platform_api',
    // When it was read (the answer's asOf), not when the row was first written.
    createdAt: reading.fetchedAt,
  };
  await tx
    .insert(audienceInsights)
    .values({ organizationId, socialAccountId: accountId, analysisDate: utcDay(reading.fetchedAt), ...row })
    .onConflictDoUpdate({
      target: [audienceInsights.socialAccountId, audienceInsights.analysisDate],
      set: row,
    });
}
