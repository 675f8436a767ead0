import type { HourlyCounts } from './hourly-counts';

const WEEK_HOURS = 168;

/**
 * The naive rules the detector is measured against. `doubleWeeklyMean` is the rule a social
 * media manager might set by hand: the last hour had more than twice the trailing 7-day hourly
 * mean. `tripleThreeHours` is a sturdier hand rule: the last 3 hours had more than three times
 * the mean for 3 hours, and at least 5 mentions.
 */
export const NAIVE_RULES = {
  doubleWeeklyMean(counts: HourlyCounts, endHour: number): boolean {
    const last = counts.at(endHour - 1).total;
    const mean = counts.sum(endHour - 1 - WEEK_HOURS, endHour - 1).total / WEEK_HOURS;
    return last > 2 * mean;
  },
  tripleThreeHours(counts: HourlyCounts, endHour: number): boolean {
    const last = counts.sum(endHour - 3, endHour).total;
    const mean = counts.sum(endHour - 3 - WEEK_HOURS, endHour - 3).total / WEEK_HOURS;
    return last >= 5 && last > 3 * 3 * mean;
  },
} as const;

export type NaiveRule = keyof typeof NAIVE_RULES;
