import type { PostOutcome } from '../post-outcomes';
import { dayIn, type DailyPoint } from './daily-series';

/** Hours after which a post's totals are taken as final (the sync follows a post about a week). */
export const MATURE_HOURS = 7 * 24;

/**
 * One account's engagement per post by the day the posts went out (in `timeZone`): the mean of
 * the day's posts' engagement, a day without posts absent (no post is not a drop). Posts whose
 * figures were last read less than `matureHours` after publication are left out: their totals
 * are still growing, and counting them would make every recent day look like a drop.
 */
export function engagementPerPostSeries(
  outcomes: PostOutcome[],
  socialAccountId: string,
  options: { timeZone?: string; matureHours?: number } = {},
): DailyPoint[] {
  const matureMs = (options.matureHours ?? MATURE_HOURS) * 3_600_000;
  const byDay = new Map<string, { sum: number; posts: number }>();
  for (const outcome of outcomes) {
    if (outcome.socialAccountId !== socialAccountId || outcome.engagement === null || outcome.asOf === null) continue;
    if (outcome.asOf.getTime() - outcome.publishedAt.getTime() < matureMs) continue;
    const day = dayIn(outcome.publishedAt, options.timeZone ?? 'UTC');
    const entry = byDay.get(day) ?? { sum: 0, posts: 0 };
    entry.sum += outcome.engagement;
    entry.posts += 1;
    byDay.set(day, entry);
  }
  return [...byDay]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, { sum, posts }]) => ({ day, value: sum / posts }));
}
