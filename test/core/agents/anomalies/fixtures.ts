import { addDays, type DailyPoint } from '../../../../functions/core/agents/anomalies/daily-series';

/** 2026-01-05 is a Monday. */
export const MONDAY = '2026-01-05';

/** `days` days from MONDAY: 100 on weekdays, 50 at weekends; `override` replaces some days' values. */
export function weekdaySeries(days: number, override: Record<number, number | null> = {}): DailyPoint[] {
  return Array.from({ length: days }, (_, i) => ({
    day: addDays(MONDAY, i),
    value: i in override ? override[i]! : i % 7 >= 5 ? 50 : 100,
  }));
}

/** `days` days from MONDAY at `before`, then `after` from day `at` on. */
export function stepSeries(days: number, at: number, before: number, after: number): DailyPoint[] {
  return Array.from({ length: days }, (_, i) => ({ day: addDays(MONDAY, i), value: i < at ? before : after }));
}
