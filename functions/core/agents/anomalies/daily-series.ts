import { Temporal } from 'temporal-polyfill';

/** One day of a metric: `day` is a calendar date (YYYY-MM-DD); `value` null when nothing was observed. */
export interface DailyPoint {
  day: string;
  value: number | null;
}

export const ACCOUNT_METRICS = ['followers', 'impressions', 'engagementPerPost'] as const;
export type AccountMetric = (typeof ACCOUNT_METRICS)[number];

/**
 * How a period of a metric is summed up: followers (a level) by the last reading, impressions
 * (a flow) by their total, engagement per post (a rate) by the mean of its days.
 */
export const PERIOD_AGGREGATE: Record<AccountMetric, 'last' | 'sum' | 'mean'> = {
  followers: 'last',
  impressions: 'sum',
  engagementPerPost: 'mean',
};

/** One account's series of one metric, oldest first. */
export interface AccountSeries {
  socialAccountId: string;
  metric: AccountMetric;
  points: DailyPoint[];
}

export const addDays = (day: string, days: number): string =>
  Temporal.PlainDate.from(day).add({ days }).toString();

export const daysBetween = (from: string, to: string): number =>
  Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;

/** 0 = Sunday ... 6 = Saturday, as the ground truth and the rest of Plume count weekdays. */
export const weekdayOf = (day: string): number => Temporal.PlainDate.from(day).dayOfWeek % 7;

/** The calendar day of an instant in a time zone. */
export const dayIn = (at: Date, timeZone: string): string =>
  Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();

/**
 * The series as one entry per calendar day from its first day to `until` (inclusive; default
 * its last day), null where a day has no point. Later points of the same day replace earlier.
 */
export function denseDays(points: DailyPoint[], until?: string): DailyPoint[] {
  if (points.length === 0) return [];
  const byDay = new Map<string, number | null>();
  for (const point of points) byDay.set(point.day, point.value);
  const days = [...byDay.keys()].sort();
  const last = until ?? days.at(-1)!;
  const dense: DailyPoint[] = [];
  for (let day = days[0]!; day <= last; day = addDays(day, 1)) {
    const value = byDay.get(day);
    dense.push({ day, value: value === undefined || value === null || !Number.isFinite(value) ? null : value });
  }
  return dense;
}
