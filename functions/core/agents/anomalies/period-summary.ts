import { bySeverityThenRecent, type Anomaly } from './anomaly-runs';
import { addDays, PERIOD_AGGREGATE, type AccountMetric, type AccountSeries, type DailyPoint } from './daily-series';
import type { Severity } from './severity';

export interface AccountAnomaly {
  socialAccountId: string;
  metric: AccountMetric;
  anomaly: Anomaly;
}

export interface Mover {
  socialAccountId: string;
  metric: AccountMetric;
  /** The period's figure (last reading, total or mean: PERIOD_AGGREGATE) and the period before's. */
  current: number;
  previous: number;
  /** current / previous - 1; null when previous was zero. */
  change: number | null;
}

export interface PeriodSummary {
  from: string;
  to: string;
  /** Largest moves first (by factor, so a halving ranks with a doubling). */
  movers: Mover[];
  /** The anomalies that touched the period, most severe first. */
  anomalies: AccountAnomaly[];
  severities: Record<Severity, number>;
}

function aggregate(points: DailyPoint[], from: string, to: string, how: 'last' | 'sum' | 'mean'): number | null {
  const values = points.filter((p) => p.day >= from && p.day <= to && p.value !== null).map((p) => p.value!);
  if (values.length === 0) return null;
  if (how === 'last') return values.at(-1)!;
  const total = values.reduce((sum, v) => sum + v, 0);
  return how === 'sum' ? total : total / values.length;
}

const moveSize = (m: Mover): number =>
  m.previous > 0 && m.current > 0 ? Math.abs(Math.log(m.current / m.previous)) : m.current === m.previous ? 0 : Infinity;

/**
 * The periodic summary (a week by default, ending on `to` inclusive): each account's metrics
 * against the period before, the biggest movers first, and the anomalies of the period.
 */
export function periodSummary(
  series: AccountSeries[],
  anomalies: AccountAnomaly[],
  to: string,
  options: { days?: number; movers?: number } = {},
): PeriodSummary {
  const days = options.days ?? 7;
  const from = addDays(to, -(days - 1));
  const movers = series
    .flatMap((s): Mover[] => {
      const how = PERIOD_AGGREGATE[s.metric];
      const current = aggregate(s.points, from, to, how);
      const previous = aggregate(s.points, addDays(from, -days), addDays(from, -1), how);
      if (current === null || previous === null) return [];
      const change = previous === 0 ? null : current / previous - 1;
      return [{ socialAccountId: s.socialAccountId, metric: s.metric, current, previous, change }];
    })
    .sort((a, b) => moveSize(b) - moveSize(a) || (a.socialAccountId < b.socialAccountId ? -1 : 1))
    .slice(0, options.movers ?? 5);
  const touching = anomalies
    .filter((a) => a.anomaly.end >= from && a.anomaly.start <= to)
    .sort((a, b) => bySeverityThenRecent(a.anomaly, b.anomaly));
  const severities: Record<Severity, number> = { info: 0, warning: 0, critical: 0 };
  for (const a of touching) severities[a.anomaly.severity] += 1;
  return { from, to, movers, anomalies: touching, severities };
}
