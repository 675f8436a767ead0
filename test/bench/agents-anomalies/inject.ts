import type { AccountMetric, AccountSeries, DailyPoint } from '../../../functions/core/agents/anomalies/daily-series';
import { seededUniform } from '../../../functions/core/agents/anomalies/seeded-random';

export type InjectionKind = 'spike' | 'dip' | 'shift';

/** One anomaly planted into a copy of a series: from `day` on (one day, or to the end for a shift), values times `factor`. */
export interface Injection {
  kind: InjectionKind;
  size: 'small' | 'large';
  factor: number;
  day: string;
}

/**
 * The factors planted, per metric and size: followers move little (a 3 % one-day glitch or a
 * purge of 3 %, 10 % for large), impressions and engagement per post swing by multiples.
 */
export const FACTORS: Record<AccountMetric, Record<InjectionKind, { small: number; large: number }>> = {
  followers: { spike: { small: 1.03, large: 1.1 }, dip: { small: 0.97, large: 0.9 }, shift: { small: 0.97, large: 0.9 } },
  impressions: { spike: { small: 2.5, large: 5 }, dip: { small: 0.4, large: 0.2 }, shift: { small: 0.5, large: 0.25 } },
  engagementPerPost: { spike: { small: 2.5, large: 5 }, dip: { small: 0.4, large: 0.2 }, shift: { small: 0.5, large: 0.25 } },
};

export function inject(points: DailyPoint[], injection: Injection): DailyPoint[] {
  return points.map((p) => {
    const hit = injection.kind === 'shift' ? p.day >= injection.day : p.day === injection.day;
    return hit && p.value !== null ? { ...p, value: Math.round(p.value * injection.factor * 100) / 100 } : p;
  });
}

/**
 * `positions` injections of each kind and size per series, on observed days drawn with a seeded
 * stream between day 60 (so the detectors have two months to learn) and 14 days before the end
 * (so a shift has days to be seen).
 */
export function planInjections(
  series: AccountSeries[],
  seed: string,
  positions: number,
): { series: AccountSeries; injection: Injection }[] {
  const random = seededUniform(seed);
  return series.flatMap((s) => {
    const observed = s.points.filter((p) => p.value !== null);
    const first = s.points[0]?.day;
    const last = s.points.at(-1)?.day;
    if (!first || !last) return [];
    const candidates = observed.filter((p, i) => i >= 40 && p.day >= dayAfter(first, 60) && p.day <= dayAfter(last, -14));
    if (candidates.length === 0) return [];
    return (['spike', 'dip', 'shift'] as const).flatMap((kind) =>
      (['small', 'large'] as const).flatMap((size) =>
        Array.from({ length: positions }, () => {
          const day = candidates[Math.floor(random() * candidates.length)]!.day;
          return { series: s, injection: { kind, size, factor: FACTORS[s.metric][kind][size], day } };
        }),
      ),
    );
  });
}

const dayAfter = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
