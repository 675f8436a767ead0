import type { Transaction } from '../../../db/tenant';
import { loadPostOutcomes } from '../post-outcomes';
import { addDays, dayIn, type AccountSeries } from './daily-series';
import { engagementPerPostSeries } from './engagement-series';
import { loadAccountReadings, readingSeries } from './load-account-readings';
import { loadPostGrowth } from './load-post-growth';
import type { TrackerInput } from './performance-tracker';

const DAY_MS = 86_400_000;

/**
 * What the daily run reads for one organization: `historyDays` of account readings and of
 * published posts' outcomes (engagement per post by day), and the last `postDays` of posts'
 * snapshots (the recent ones are judged against the earlier).
 */
export async function loadTrackerInput(
  tx: Transaction,
  organizationId: string,
  now: Date,
  options: { timeZone?: string; historyDays?: number; postDays?: number; accountIds?: string[] } = {},
): Promise<TrackerInput> {
  const timeZone = options.timeZone ?? 'UTC';
  const historyDays = options.historyDays ?? 120;
  const today = dayIn(now, 'UTC');
  const readings = await loadAccountReadings(tx, organizationId, {
    from: addDays(today, -historyDays),
    to: today,
    accountIds: options.accountIds,
  });
  const outcomes = await loadPostOutcomes(tx, organizationId, {
    since: new Date(now.getTime() - historyDays * DAY_MS),
    until: now,
    accountIds: options.accountIds,
  });
  const accounts = [...new Set([...readings.map((r) => r.socialAccountId), ...outcomes.map((o) => o.socialAccountId)])].sort();
  const engagement: AccountSeries[] = accounts.map((socialAccountId) => ({
    socialAccountId,
    metric: 'engagementPerPost',
    points: engagementPerPostSeries(outcomes, socialAccountId, { timeZone }),
  }));
  const posts = await loadPostGrowth(tx, organizationId, {
    since: new Date(now.getTime() - (options.postDays ?? 60) * DAY_MS),
    until: now,
    accountIds: options.accountIds,
  });
  return { now, timeZone, series: [...readingSeries(readings), ...engagement], posts };
}
