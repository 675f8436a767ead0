import { and, asc, gte, inArray, lt } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { accountMetrics } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import { followerGrowthRateOf } from '../../shared/analytics/definitions';
import { platformProfile, type Platform } from '../../shared/platforms/catalog';
import { periodAndPrevious, type Period } from './period';
import { scopedAccounts, type ScopedAccount } from './scoped-accounts';

export interface GrowthFilter {
  from: string;
  to: string;
  timeZone: string;
  accountIds?: string[];
  platforms?: Platform[];
}

/** Followers over one period (DEFINITIONS.followersAtStart, netFollowerChange, followerGrowthRate). */
export interface PeriodGrowth {
  start: number | null;
  end: number | null;
  change: number | null;
  growthRate: number | null;
}

export interface AccountGrowth extends ScopedAccount {
  current: PeriodGrowth;
  previous: PeriodGrowth;
  /** One entry per viewer day of the range: the last reading of that day, null without one. */
  days: { date: string; followers: number | null }[];
  /** Why followers are null, when they are. */
  unavailable: { followers?: string };
  asOf: Date | null;
  source: string | null;
}

export interface FollowerGrowth {
  current: Period;
  previous: Period;
  accounts: AccountGrowth[];
  total: {
    current: PeriodGrowth & { accounts: number };
    previous: PeriodGrowth & { accounts: number };
    days: { date: string; followers: number | null; accounts: number }[];
  };
  asOf: Date | null;
  sources: string[];
}

const NOT_SYNCED = 'No follower count was synced for this account in this range yet.';

interface Reading {
  date: string;
  followers: number;
  recordedAt: Date;
  source: string | null;
}

function growthOf(readings: Reading[]): PeriodGrowth {
  const start = readings[0]?.followers ?? null;
  const end = readings.at(-1)?.followers ?? null;
  return {
    start,
    end,
    change: start === null || end === null ? null : end - start,
    growthRate: followerGrowthRateOf(start, end),
  };
}

function within(readings: Reading[], period: Period): Reading[] {
  return readings.filter((r) => r.recordedAt >= period.start && r.recordedAt < period.end);
}

function sumGrowth(parts: PeriodGrowth[]): PeriodGrowth & { accounts: number } {
  const both = parts.filter((p) => p.start !== null && p.end !== null);
  if (both.length === 0) return { start: null, end: null, change: null, growthRate: null, accounts: 0 };
  const start = both.reduce((sum, p) => sum + p.start!, 0);
  const end = both.reduce((sum, p) => sum + p.end!, 0);
  return {
    start,
    end,
    change: end - start,
    growthRate: followerGrowthRateOf(start, end),
    accounts: both.length,
  };
}

function viewerDays(period: Period): string[] {
  const days: string[] = [];
  const last = Temporal.PlainDate.from(period.to);
  for (
    let day = Temporal.PlainDate.from(period.from);
    Temporal.PlainDate.compare(day, last) <= 0;
    day = day.add({ days: 1 })
  )
    days.push(day.toString());
  return days;
}

/**
 * Follower history of the organization's accounts over the viewer's days and the period just
 * before, from the daily readings the sync keeps (`account_metrics`, the last reading of each UTC
 * day). A reading belongs to the viewer day its instant falls in; a day keeps its last reading.
 */
export async function followerGrowth(
  tx: Transaction,
  organizationId: string,
  filter: GrowthFilter,
  now: Date,
): Promise<FollowerGrowth> {
  const { current, previous } = periodAndPrevious(filter);
  const accounts = await scopedAccounts(tx, organizationId, filter, now);
  const rows =
    accounts.length === 0
      ? []
      : await tx
          .select({
            accountId: accountMetrics.socialAccountId,
            followers: accountMetrics.followersCount,
            recordedAt: accountMetrics.recordedAt,
            source: accountMetrics.source,
          })
          .from(accountMetrics)
          .where(
            and(
              inArray(
                accountMetrics.socialAccountId,
                accounts.map((a) => a.id),
              ),
              gte(accountMetrics.recordedAt, previous.start),
              lt(accountMetrics.recordedAt, current.end),
            ),
          )
          .orderBy(asc(accountMetrics.recordedAt));
  const byAccount = new Map<string, Reading[]>();
  for (const row of rows) {
    if (row.followers === null) continue;
    const date = Temporal.Instant.fromEpochMilliseconds(row.recordedAt.getTime())
      .toZonedDateTimeISO(filter.timeZone)
      .toPlainDate()
      .toString();
    const list = byAccount.get(row.accountId) ?? [];
    // Ordered by time: a later reading of the same viewer day replaces the earlier one.
    if (list.at(-1)?.date === date) list.pop();
    list.push({ date, followers: row.followers, recordedAt: row.recordedAt, source: row.source });
    byAccount.set(row.accountId, list);
  }
  const days = viewerDays(current);
  const result: AccountGrowth[] = accounts.map((account) => {
    const readings = byAccount.get(account.id) ?? [];
    const inRange = within(readings, current);
    const byDate = new Map(inRange.map((r) => [r.date, r.followers]));
    const latest = inRange.at(-1) ?? readings.at(-1);
    const growth = growthOf(inRange);
    return {
      ...account,
      current: growth,
      previous: growthOf(within(readings, previous)),
      days: days.map((date) => ({ date, followers: byDate.get(date) ?? null })),
      unavailable:
        growth.end === null
          ? {
              followers: platformProfile(account.platform).accountMetrics.unavailable.followers ?? NOT_SYNCED,
            }
          : {},
      asOf: latest?.recordedAt ?? null,
      source: latest?.source ?? null,
    };
  });
  const totalDays = days.map((date, index) => {
    const values = result.map((a) => a.days[index]!.followers).filter((v): v is number => v !== null);
    return {
      date,
      followers: values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0),
      accounts: values.length,
    };
  });
  const asOfs = result.map((a) => a.asOf).filter((d): d is Date => d !== null);
  return {
    current,
    previous,
    accounts: result,
    total: {
      current: sumGrowth(result.map((a) => a.current)),
      previous: sumGrowth(result.map((a) => a.previous)),
      days: totalDays,
    },
    asOf: asOfs.length === 0 ? null : new Date(Math.max(...asOfs.map((d) => d.getTime()))),
    sources: [...new Set(result.map((a) => a.source).filter((s): s is string => s !== null))].sort(),
  };
}
