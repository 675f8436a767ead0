import { medianSorted } from 'simple-statistics';
import { anomalyRuns, type Anomaly, type DayAssessment, type Direction } from './anomaly-runs';
import { denseDays, weekdayOf, type DailyPoint } from './daily-series';
import { severityOf, type SeverityBars } from './severity';

/** One way of reading the level: the median of the last `points` readings, with or without a slope. */
export interface LevelModel {
  points: number;
  slope: boolean;
}

export interface DetectorOptions extends SeverityBars {
  /**
   * The level models tried on every series; each day uses the one whose past forecasts were
   * best (median absolute error): a smooth follower count is forecast best by a short window
   * with its slope, a noisy engagement series by a longer flat one.
   */
  levels: LevelModel[];
  /** Days back the weekday profile and the error scale are read over. */
  profileDays: number;
  /** Readings needed before anything is expected. */
  minHistory: number;
  /** Past forecast errors needed before a day is judged (the scale is read from them). */
  minErrors: number;
  /** Readings of one weekday needed for that weekday's own factor (else it has none). */
  minPerWeekday: number;
  /** Unusual days in a row, one direction, that make a level shift (the level restarts there). */
  shiftDays: number;
  /** Floor of the error scale, in log units: a flat series would make any change infinitely unusual. */
  minScale: number;
}

export const DETECTOR_DEFAULTS: DetectorOptions = {
  levels: [
    { points: 7, slope: true },
    { points: 14, slope: true },
    { points: 14, slope: false },
    { points: 28, slope: false },
  ],
  profileDays: 56,
  minHistory: 14,
  minErrors: 10,
  minPerWeekday: 3,
  shiftDays: 3,
  minScale: 0.002,
  z: { info: 3.5, warning: 5, critical: 8 },
  minChange: 0.05,
};

/** 1.4826 × MAD estimates the standard deviation of normal errors, and ignores the outliers. */
const MAD_TO_SD = 1.4826;
/** Half-width in days of the centred median that detrends the past before the weekday profile is read. */
const DETREND_HALF_WIDTH = 7;

const sortedMedian = (values: number[]): number => medianSorted([...values].sort((a, b) => a - b));

export interface Detection {
  days: DayAssessment[];
  anomalies: Anomaly[];
}

/**
 * Seasonality-aware anomaly detection on a daily series, causal: each day is judged only on
 * the days before it, as a daily sweep would have judged it then. A light STL in log space
 * (so a weekday that runs at twice the level is a factor, whatever the level):
 *
 * 1. weekday profile: over the last `profileDays`, each reading less the centred median of
 *    the readings around it, then the median of those per weekday;
 * 2. level and trend: the median of the last n deseasonalised readings, moved along the
 *    slope between it and the median of the n before (two medians: a robust line through the
 *    recent past), for each of a few level models (`levels`); each day uses the one whose past
 *    one-step forecasts were best on this series;
 * 3. expected = level + weekday factor, corrected by the model's median past error (a bias);
 *    the scale is the MAD of those past errors, so it knows how well the model forecasts this
 *    series, trend errors included;
 * 4. z = (log observed - log expected) / scale, and a day is unusual when its severity
 *    (severity.ts) clears a bar. Unusual days are left out of later levels, profiles and scales.
 *
 * A level shift (`shiftDays` unusual days in a row, one direction) restarts the level from its
 * first day: after a purge of followers the new, lower count is the normal one, and neither
 * alarms again every day nor drags a falling slope into the following weeks.
 */
export function detectAnomalies(points: DailyPoint[], overrides: Partial<DetectorOptions> = {}): Detection {
  const options = { ...DETECTOR_DEFAULTS, ...overrides };
  const series = denseDays(points);
  const logs = series.map((p) => (p.value === null ? null : Math.log1p(Math.max(0, p.value))));
  const weekdays = series.map((p) => weekdayOf(p.day));
  // One-step forecast errors of each level model, per day.
  const errors: (number | null)[][] = options.levels.map(() => series.map(() => null));
  const unusual: boolean[] = series.map(() => false);
  const days: DayAssessment[] = [];
  let regimeStart = 0;
  // The current streak of unusual days in one direction (length 0: none).
  const run: { start: number; direction: Direction | null; length: number } = { start: 0, direction: null, length: 0 };

  for (let i = 0; i < series.length; i += 1) {
    const { day, value } = series[i]!;
    const y = logs[i]!;
    const blank: DayAssessment = {
      day,
      observed: value,
      expected: null,
      z: null,
      change: null,
      severity: null,
      direction: null,
    };
    if (y === null || value === null) {
      days.push(blank);
      continue;
    }
    const usable = (j: number) => logs[j] !== null && (!unusual[j] || j >= regimeStart);
    const past: number[] = [];
    for (let j = Math.max(0, i - options.profileDays); j < i; j += 1) if (usable(j)) past.push(j);
    if (past.length < options.minHistory) {
      days.push(blank);
      continue;
    }

    const factor = weekdayProfile(past, logs, weekdays, options.minPerWeekday);
    const deseasonalised = (j: number) => logs[j]! - factor[weekdays[j]!]!;
    const regime = past.filter((j) => j >= regimeStart);
    const levelDays = regime.length > 0 ? regime : past;
    const forecasts = options.levels.map((model) => levelAt(i, levelDays, deseasonalised, model) + factor[weekdays[i]!]!);
    forecasts.forEach((forecast, m) => (errors[m]![i] = y - forecast));

    // The model that forecast this series best so far, judged on its usual days.
    const pastErrors = errors.map((ofModel) => past.flatMap((j) => (ofModel[j] !== null && !unusual[j] ? [ofModel[j]!] : [])));
    if (pastErrors[0]!.length < options.minErrors) {
      days.push({ ...blank, expected: Math.max(0, Math.expm1(forecasts[0]!)) });
      continue;
    }
    const best = bestModel(pastErrors);
    // Its typical error is a bias to correct (a lagging level), its spread the scale.
    const centre = sortedMedian(pastErrors[best]!);
    const scale = Math.max(
      options.minScale,
      MAD_TO_SD * sortedMedian(pastErrors[best]!.map((e) => Math.abs(e - centre))),
    );
    const expected = Math.max(0, Math.expm1(forecasts[best]! + centre));
    const change = expected > 1e-9 ? value / expected - 1 : null;
    const z = (errors[best]![i]! - centre) / scale;
    const severity = severityOf(z, value, expected, options);
    const direction: Direction | null = severity === null ? null : z > 0 ? 'spike' : 'drop';
    days.push({ day, observed: value, expected, z, change, severity, direction });

    if (direction === null) {
      run.length = 0;
      continue;
    }
    unusual[i] = true;
    if (run.length > 0 && run.direction === direction) run.length += 1;
    else Object.assign(run, { start: i, direction, length: 1 });
    if (run.length === options.shiftDays) regimeStart = run.start;
  }
  return { days, anomalies: anomalyRuns(days, options.shiftDays) };
}

/**
 * Per weekday (0 = Sunday), the median log distance of its readings from the centred median of
 * the readings around them; 0 for a weekday with fewer than `minPerWeekday` readings.
 */
function weekdayProfile(
  past: number[],
  logs: (number | null)[],
  weekdays: number[],
  minPerWeekday: number,
): number[] {
  const byWeekday: number[][] = [[], [], [], [], [], [], []];
  let lo = 0;
  let hi = 0;
  for (const j of past) {
    while (past[lo]! < j - DETREND_HALF_WIDTH) lo += 1;
    while (hi < past.length && past[hi]! <= j + DETREND_HALF_WIDTH) hi += 1;
    const around = past.slice(lo, hi).map((k) => logs[k]!);
    byWeekday[weekdays[j]!]!.push(logs[j]! - sortedMedian(around));
  }
  return byWeekday.map((distances) => (distances.length >= minPerWeekday ? sortedMedian(distances) : 0));
}

/** The index of the model whose past errors have the smallest median absolute value (the first on a tie). */
function bestModel(pastErrors: number[][]): number {
  let best = 0;
  let bestError = Number.POSITIVE_INFINITY;
  pastErrors.forEach((errors, m) => {
    const typical = sortedMedian(errors.map(Math.abs));
    if (typical < bestError) {
      best = m;
      bestError = typical;
    }
  });
  return best;
}

/**
 * The deseasonalised level expected at day `i`: the median of the last `points` readings, moved
 * along the slope from the median of the `points` before them when the model has a slope (each
 * median placed at the median of its days; no slope until there are that many readings).
 */
function levelAt(
  i: number,
  indices: number[],
  deseasonalised: (j: number) => number,
  model: LevelModel,
): number {
  const n = model.points;
  const recent = indices.slice(-n);
  const level = sortedMedian(recent.map(deseasonalised));
  const before = indices.slice(-2 * n, -n);
  if (!model.slope || before.length < n) return level;
  const recentDay = sortedMedian(recent);
  const slope = (level - sortedMedian(before.map(deseasonalised))) / (recentDay - sortedMedian(before));
  return level + slope * (i - recentDay);
}
