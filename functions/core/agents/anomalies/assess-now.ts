import type { Anomaly, DayAssessment } from './anomaly-runs';
import { addDays, dayIn, type AccountSeries } from './daily-series';
import { detectorOptionsFor } from './metric-presets';
import { detectAnomalies, type DetectorOptions } from './seasonal-detector';
import { severityRank, type Severity } from './severity';

export type NowStatus = 'usual' | 'unusual' | 'no-reading' | 'insufficient-history';

export interface NowAssessment {
  socialAccountId: string;
  metric: AccountSeries['metric'];
  /** The day judged: the last whole day before `now` in the time zone (today's reading is not final). */
  day: string;
  status: NowStatus;
  assessment: DayAssessment | null;
  /** The anomaly that day belongs to, from its first day on. */
  anomaly: Anomaly | null;
  /**
   * What to notify: a new anomaly, one that became more severe, or one that turned out to be a
   * level shift (it will not go away by itself). Null while an anomaly already told goes on.
   */
  alert: { severity: Severity; reason: 'new' | 'escalated' | 'level-shift' } | null;
}

/**
 * The daily sweep's question for one account's metric: is yesterday unusual, and is that news?
 * Runs the seasonal detector over the series up to that day (nothing later is read), so the
 * answer is what the full detection would have said on that day, and the same sweep run twice
 * tells an anomaly once.
 */
export function assessAccountNow(
  series: AccountSeries,
  now: Date,
  options: { timeZone?: string; detector?: Partial<DetectorOptions> } = {},
): NowAssessment {
  const day = addDays(dayIn(now, options.timeZone ?? 'UTC'), -1);
  const points = series.points.filter((p) => p.day <= day);
  const base = { socialAccountId: series.socialAccountId, metric: series.metric, day, anomaly: null, alert: null };
  const last = points.at(-1);
  if (!last || last.day !== day || last.value === null)
    return { ...base, status: 'no-reading', assessment: null };
  const { days, anomalies } = detectAnomalies(points, detectorOptionsFor(series.metric, options.detector));
  const assessment = days.at(-1)!;
  if (assessment.z === null) return { ...base, status: 'insufficient-history', assessment };
  const anomaly = anomalies.find((a) => a.end === day) ?? null;
  if (!anomaly || assessment.severity === null) return { ...base, status: 'usual', assessment };
  const before = days.filter((d) => d.day >= anomaly.start && d.day < day && d.severity !== null);
  const toldSeverity = before.reduce<Severity | null>(
    (worst, d) => (worst === null || severityRank(d.severity!) > severityRank(worst) ? d.severity : worst),
    null,
  );
  const shiftDays = detectorOptionsFor(series.metric, options.detector).shiftDays;
  const alert: NowAssessment['alert'] =
    toldSeverity === null
      ? { severity: assessment.severity, reason: 'new' }
      : severityRank(assessment.severity) > severityRank(toldSeverity)
        ? { severity: assessment.severity, reason: 'escalated' }
        : anomaly.days === shiftDays
          ? { severity: anomaly.severity, reason: 'level-shift' }
          : null;
  return { ...base, status: 'unusual', assessment, anomaly, alert };
}
