import { sampleStandardDeviation } from 'simple-statistics';
import { anomalyRuns, type DayAssessment } from './anomaly-runs';
import { denseDays, type DailyPoint } from './daily-series';
import type { Detection } from './seasonal-detector';

export interface NaiveOptions {
  /** Past day-over-day changes whose standard deviation is the yardstick. */
  window: number;
  /** A change this many standard deviations away is unusual. */
  k: number;
}

export const NAIVE_DEFAULTS: NaiveOptions = { window: 28, k: 3 };

/**
 * The baseline the seasonal detector is measured against: a day is unusual when its change
 * from the previous reading exceeds `k` times the standard deviation of the last `window`
 * changes. No weekday profile, no trend, no robustness: what a dashboard rule would do.
 */
export function naiveAnomalies(points: DailyPoint[], overrides: Partial<NaiveOptions> = {}): Detection {
  const { window, k } = { ...NAIVE_DEFAULTS, ...overrides };
  const series = denseDays(points);
  const changes: number[] = [];
  let previous: number | null = null;
  const days: DayAssessment[] = series.map(({ day, value }) => {
    const blank: DayAssessment = {
      day,
      observed: value,
      expected: null,
      z: null,
      change: null,
      severity: null,
      direction: null,
    };
    if (value === null) return blank;
    if (previous === null) {
      previous = value;
      return blank;
    }
    const delta = value - previous;
    const expected = previous;
    const recent = changes.slice(-window);
    changes.push(delta);
    previous = value;
    if (recent.length < Math.min(window, 10)) return { ...blank, expected };
    const sd = sampleStandardDeviation(recent);
    const z = sd > 0 ? delta / sd : delta === 0 ? 0 : Math.sign(delta) * Number.POSITIVE_INFINITY;
    const change = expected > 0 ? value / expected - 1 : null;
    const unusual = Math.abs(z) > k;
    return {
      day,
      observed: value,
      expected,
      z: Number.isFinite(z) ? z : Math.sign(z) * 1e9,
      change,
      severity: unusual ? 'warning' : null,
      direction: unusual ? (delta > 0 ? 'spike' : 'drop') : null,
    };
  });
  return { days, anomalies: anomalyRuns(days, 3) };
}
