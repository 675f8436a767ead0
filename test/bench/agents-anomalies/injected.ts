import type { AccountMetric, AccountSeries } from '../../../functions/core/agents/anomalies/daily-series';
import { detectorOptionsFor } from '../../../functions/core/agents/anomalies/metric-presets';
import { naiveAnomalies } from '../../../functions/core/agents/anomalies/naive-detector';
import { detectAnomalies } from '../../../functions/core/agents/anomalies/seasonal-detector';
import { inject, planInjections, type InjectionKind } from './inject';
import { scoreInjection, type InjectionScore } from './score';
import type { SeededOrganization } from './seed';

export interface InjectedRow {
  metric: AccountMetric;
  kind: InjectionKind;
  size: 'small' | 'large';
  method: 'seasonal' | 'naive';
  scores: InjectionScore[];
}

/**
 * The series with nothing planted in them: every series of the accounts without a planted
 * pattern, the main account's followers (its viral post moves its engagement, not its
 * followers); the dropped account is left out whole.
 */
export function cleanSeries(org: SeededOrganization): AccountSeries[] {
  const dropped = org.truth.drop?.socialAccountId;
  const viral = org.truth.viralPost?.socialAccountId;
  return org.series.filter(
    (s) => s.socialAccountId !== dropped && (s.socialAccountId !== viral || s.metric === 'followers'),
  );
}

/** Injects anomalies into copies of the clean series and scores both detectors on each copy. */
export function injectedExperiment(orgs: SeededOrganization[], positions: number): InjectedRow[] {
  const rows = new Map<string, InjectedRow>();
  for (const org of orgs) {
    for (const { series, injection } of planInjections(cleanSeries(org), `inject:${org.seed}`, positions)) {
      const points = inject(series.points, injection);
      const seasonal = detectAnomalies(points, detectorOptionsFor(series.metric)).anomalies;
      const naive = naiveAnomalies(points).anomalies;
      for (const [method, anomalies] of [
        ['seasonal', seasonal],
        ['naive', naive],
      ] as const) {
        const key = `${series.metric}|${injection.kind}|${injection.size}|${method}`;
        const row = rows.get(key) ?? { metric: series.metric, kind: injection.kind, size: injection.size, method, scores: [] };
        row.scores.push(scoreInjection(anomalies, injection));
        rows.set(key, row);
      }
    }
  }
  return [...rows.values()];
}

export interface Summary {
  injections: number;
  recall: number;
  precision: number;
  /** False alarms per 1,000 scored series-days. */
  falseAlarmsPerThousandDays: number;
  medianDaysToAlert: number | null;
  meanDaysToAlert: number | null;
}

export function summarise(scores: InjectionScore[]): Summary {
  const detected = scores.filter((s) => s.detected);
  const falseAlarms = scores.reduce((n, s) => n + s.falseAlarms, 0);
  const days = scores.reduce((n, s) => n + s.scoredDays, 0);
  const delays = detected.map((s) => s.daysToAlert!).sort((a, b) => a - b);
  return {
    injections: scores.length,
    recall: scores.length ? detected.length / scores.length : 0,
    precision: detected.length + falseAlarms ? detected.length / (detected.length + falseAlarms) : 0,
    falseAlarmsPerThousandDays: days ? (falseAlarms * 1000) / days : 0,
    medianDaysToAlert: delays.length ? delays[Math.floor((delays.length - 1) / 2)]! : null,
    meanDaysToAlert: delays.length ? delays.reduce((a, b) => a + b, 0) / delays.length : null,
  };
}
