import { higherSeverity, severityRank, type Severity } from './severity';

export type Direction = 'spike' | 'drop';
/** An `outlier` comes and goes; a `level-shift` stays (the series settled at a new level). */
export type AnomalyKind = 'outlier' | 'level-shift';

/** One day as a detector judged it. */
export interface DayAssessment {
  day: string;
  observed: number | null;
  /** What the model expected for the day; null before it had enough history. */
  expected: number | null;
  /** Observed against expected in robust standard deviations (the model's) or plain ones (the naive rule's). */
  z: number | null;
  /** observed / expected - 1; null when nothing was expected or expected was zero. */
  change: number | null;
  severity: Severity | null;
  direction: Direction | null;
}

/** Consecutive unusual days in one direction, told once. */
export interface Anomaly {
  start: string;
  /** The last unusual day (the same as `start` for one day). */
  end: string;
  /** Unusual days observed in the run (days without a reading in between are not counted). */
  days: number;
  direction: Direction;
  kind: AnomalyKind;
  /** The highest severity of its days, and the severity it was first told with. */
  severity: Severity;
  severityAtStart: Severity;
  /** The most unusual day: its reading, what was expected, the change and z. */
  peak: { day: string; observed: number; expected: number; change: number | null; z: number };
}

/**
 * Folds day assessments (oldest first) into anomalies: a run goes on while each next observed
 * day is unusual in the same direction; a day without a reading neither breaks nor extends it.
 * `shiftDays` unusual days in a row make a level shift.
 */
export function anomalyRuns(days: DayAssessment[], shiftDays: number): Anomaly[] {
  const anomalies: Anomaly[] = [];
  let open: Anomaly | null = null;
  for (const day of days) {
    if (day.observed === null) continue;
    if (day.severity === null || day.direction === null || day.expected === null || day.z === null) {
      open = null;
      continue;
    }
    if (open && open.direction !== day.direction) open = null;
    if (!open) {
      open = {
        start: day.day,
        end: day.day,
        days: 0,
        direction: day.direction,
        kind: 'outlier',
        severity: day.severity,
        severityAtStart: day.severity,
        peak: { day: day.day, observed: day.observed, expected: day.expected, change: day.change, z: day.z },
      };
      anomalies.push(open);
    }
    open.end = day.day;
    open.days += 1;
    open.severity = higherSeverity(open.severity, day.severity);
    if (open.days >= shiftDays) open.kind = 'level-shift';
    if (Math.abs(day.z) > Math.abs(open.peak.z))
      open.peak = { day: day.day, observed: day.observed, expected: day.expected, change: day.change, z: day.z };
  }
  return anomalies;
}

/** Most severe first, then the most recent. */
export const bySeverityThenRecent = (a: Anomaly, b: Anomaly): number =>
  severityRank(b.severity) - severityRank(a.severity) || (a.start < b.start ? 1 : a.start > b.start ? -1 : 0);
