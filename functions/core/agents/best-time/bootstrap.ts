import { quantile, sampleWithReplacement } from 'simple-statistics';

/**
 * A uniform stream in [0, 1) from a string seed (FNV-1a hash into mulberry32): the bootstrap
 * must give the same interval for the same history, so its randomness is seeded.
 */
export function seededUniform(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    state ^= seed.charCodeAt(i);
    state = Math.imul(state, 0x01000193) >>> 0;
  }
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface BootstrapOptions {
  seed: string;
  resamples?: number;
  /** Coverage of the percentile interval. */
  level?: number;
}

/**
 * Percentile bootstrap interval of a statistic: the items are resampled with replacement (as a
 * whole, so a statistic comparing two overlapping groups keeps their overlap), the statistic is
 * recomputed, and the interval is the central `level` of what it gave. Resamples where the
 * statistic is undefined (null: a group came out empty) are skipped; null when more than a
 * tenth were, since the interval would then describe a different sample size.
 */
export function bootstrapInterval<T>(
  items: T[],
  statistic: (sample: T[]) => number | null,
  options: BootstrapOptions,
): { low: number; high: number } | null {
  const resamples = options.resamples ?? 2000;
  const level = options.level ?? 0.95;
  const random = seededUniform(options.seed);
  const values: number[] = [];
  for (let i = 0; i < resamples; i += 1) {
    const value = statistic(sampleWithReplacement(items, items.length, random));
    if (value !== null && Number.isFinite(value)) values.push(value);
  }
  if (values.length < 0.9 * resamples) return null;
  const tail = (1 - level) / 2;
  const [low, high] = quantile(values, [tail, 1 - tail]) as [number, number];
  return { low, high };
}
