import { medianSorted, quantile, sampleWithReplacement } from 'simple-statistics';
import type { DailyPoint } from './daily-series';
import { naiveAnomalies } from './naive-detector';
import { detectAnomalies, type DetectorOptions } from './seasonal-detector';
import { seededUniform } from './seeded-random';

export interface ForecastBacktest {
  supported: true;
  metric: string;
  /** Typical error of the detector's expected value on the test days, as a share (0.05 = 5 %). */
  model: number;
  /** The same for the naive forecast (the previous reading). */
  baseline: number;
  /** 1 - model / baseline: how much smaller the detector's typical error is. */
  improvement: number;
  /** 90 % bootstrap interval of `improvement` (test days resampled 1,000 times, seeded). */
  interval: { low: number; high: number };
  n: { train: number; test: number };
  cut: string;
}

export type BacktestResult = ForecastBacktest | { supported: false; reason: string };

/** Readings the detector must learn from before the cut, and test days it must be judged on after. */
export const MIN_TRAIN = 28;
export const MIN_TEST = 14;

const typicalError = (logErrors: number[]): number =>
  Math.expm1(medianSorted(logErrors.map(Math.abs).sort((a, b) => a - b)));

/**
 * Can its alarms be trusted? An anomaly is a day far from what the detector expected, so the
 * detector is only as good as its expectations: this compares them, one day ahead, with the
 * naive forecast (yesterday's reading) on the series' own last `testDays` (the cut), after at
 * least 28 readings before it. The measure is the median absolute error in log terms (a factor,
 * so a day at half the forecast counts as one at double), as a share. Not supported on a
 * history too short to say.
 */
export function forecastBacktest(
  points: DailyPoint[],
  options: { testDays?: number; detector?: Partial<DetectorOptions>; seed?: string } = {},
): BacktestResult {
  const observed = points.filter((p) => p.value !== null);
  const testDays = options.testDays ?? 28;
  if (observed.length < MIN_TRAIN + MIN_TEST)
    return {
      supported: false,
      reason: `${observed.length} daily readings: at least ${MIN_TRAIN + MIN_TEST} are needed (${MIN_TRAIN} to learn, ${MIN_TEST} to test).`,
    };
  const cut = observed[Math.max(MIN_TRAIN, observed.length - testDays)]!.day;
  const model = detectAnomalies(points, options.detector).days;
  const naive = naiveAnomalies(points).days;
  const pairs: { model: number; baseline: number }[] = [];
  model.forEach((day, i) => {
    const plain = naive[i]!;
    if (day.day < cut || day.observed === null || day.expected === null || plain.expected === null) return;
    pairs.push({
      model: Math.log1p(day.observed) - Math.log1p(day.expected),
      baseline: Math.log1p(day.observed) - Math.log1p(plain.expected),
    });
  });
  if (pairs.length < MIN_TEST)
    return { supported: false, reason: `${pairs.length} test days with a forecast: at least ${MIN_TEST} are needed.` };
  const figures = (sample: typeof pairs) => {
    const m = typicalError(sample.map((p) => p.model));
    const b = typicalError(sample.map((p) => p.baseline));
    return { model: m, baseline: b, improvement: b > 0 ? 1 - m / b : 0 };
  };
  const whole = figures(pairs);
  const random = seededUniform(options.seed ?? `forecast:${cut}:${pairs.length}`);
  const improvements = Array.from({ length: 1000 }, () =>
    figures(sampleWithReplacement(pairs, pairs.length, random)).improvement,
  );
  return {
    supported: true,
    metric: 'median absolute one-day-ahead forecast error (as a factor)',
    ...whole,
    interval: { low: quantile(improvements, 0.05), high: quantile(improvements, 0.95) },
    n: { train: observed.filter((p) => p.day < cut).length, test: pairs.length },
    cut,
  };
}
