import { followersOf, type PlannedAccount } from './accounts';
import { DAY_MS, HOUR_MS } from './calendar';
import { draws } from './random';

export interface DailyReading {
  day: number;
  recordedAt: Date;
  followers: number;
  following: number;
  posts: number;
  impressions: number;
  profileViews: number;
}

/**
 * One reading per UTC day, from the day the account was connected to `now`: followers as the
 * network counts them (account.ts's growth; the drop where planted) with a little day-to-day
 * noise (people follow and unfollow: a mean-reverting wobble of about 0.3 %), the posts
 * published so far, and the day's impressions (the sum over its posts of what each gained that
 * day) with profile views at about 2 % of them. A past day is read at its end (the day keeps its
 * latest reading); today at `now`.
 */
export function dailyReadings(
  account: PlannedAccount,
  seed: string,
  window: { start: Date; end: Date },
  postTimes: Date[],
  impressionsByDay: Map<number, number>,
): DailyReading[] {
  const random = draws(seed, `followers:${account.handle}`);
  const following = random.int(80, 600);
  const readings: DailyReading[] = [];
  let wobble = 0;
  let published = 0;
  const first = Math.floor(window.start.getTime() / DAY_MS);
  const last = Math.floor(window.end.getTime() / DAY_MS);
  for (let day = first; day <= last; day += 1) {
    const recordedAt = new Date(Math.min(window.end.getTime(), (day + 1) * DAY_MS - HOUR_MS));
    while (published < postTimes.length && postTimes[published]! <= recordedAt) published += 1;
    wobble = 0.7 * wobble + 0.0021 * random.normal();
    const impressions = impressionsByDay.get(day) ?? 0;
    readings.push({
      day,
      recordedAt,
      followers: Math.max(0, Math.round(followersOf(account, recordedAt) * (1 + wobble))),
      following: following + Math.floor((day - first) / 30),
      posts: published,
      impressions,
      profileViews: Math.round(impressions * 0.02 * Math.exp(0.2 * random.normal())),
    });
  }
  return readings;
}
