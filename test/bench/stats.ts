/** Small descriptive statistics; benchmarks report medians and tails, never single samples. */

export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: round2(percentileOfSorted(sorted, 50)),
    min: round2(sorted[0] ?? Number.NaN),
    max: round2(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

/** Two decimals: timings are not more precise than that, and the JSON stays readable. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** a / b, or undefined when either side is missing or b is zero. */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || b === 0 || !Number.isFinite(a) || !Number.isFinite(b))
    return undefined;
  return a / b;
}
