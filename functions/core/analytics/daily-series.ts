import { Temporal } from 'temporal-polyfill';

export interface DayFigures {
  /** YYYY-MM-DD in the viewer's zone. */
  date: string;
  posts: number;
  /** Engagement of the posts published that day, each by its latest snapshot; null when none has it. */
  engagement: number | null;
  /** Impressions of those posts; null when none has them. */
  impressions: number | null;
}

/**
 * Every day `from`..`to` of the viewer's calendar with the posts published that day and the sum
 * of their latest figures, from the per-day totals the database added up (days absent from
 * `totals` had no post). Snapshots hold running totals, so a post's figures are not spread
 * over the days they were counted on: a day's engagement is the engagement its own posts have
 * gathered so far. A day without posts, or whose posts have no such figure, is null, never 0.
 */
export function dailySeries(
  totals: readonly DayFigures[],
  period: { from: string; to: string },
): DayFigures[] {
  const byDate = new Map(totals.map((day) => [day.date, day]));
  const days: DayFigures[] = [];
  const last = Temporal.PlainDate.from(period.to);
  for (let day = Temporal.PlainDate.from(period.from); Temporal.PlainDate.compare(day, last) <= 0;) {
    const date = day.toString();
    days.push(byDate.get(date) ?? { date, posts: 0, engagement: null, impressions: null });
    day = day.add({ days: 1 });
  }
  return days;
}
