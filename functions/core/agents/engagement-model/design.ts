import type { Platform } from '../../../shared/platforms/catalog';

/**
 * How feature values become a regression row: one indicator column per network (its own
 * intercept, not penalised), then each feature standardised by the training rows' mean and
 * standard deviation, so one ridge penalty treats every feature alike. A feature that never
 * varied in training (no post had a link) is left out: it has no effect to estimate.
 */
export interface Design {
  platforms: Platform[];
  mean: number[];
  sd: number[];
  /** Feature indices kept (they varied in training). */
  active: number[];
}

export function designFor(rows: readonly { platform: Platform; values: number[] }[]): Design {
  const platforms = [...new Set(rows.map((r) => r.platform))].sort();
  const width = rows[0]?.values.length ?? 0;
  const mean: number[] = [];
  const sd: number[] = [];
  const active: number[] = [];
  for (let j = 0; j < width; j += 1) {
    const column = rows.map((r) => r.values[j] as number);
    const m = column.reduce((a, b) => a + b, 0) / column.length;
    const s = Math.sqrt(column.reduce((a, b) => a + (b - m) ** 2, 0) / column.length);
    mean.push(m);
    sd.push(s);
    if (s > 1e-9) active.push(j);
  }
  return { platforms, mean, sd, active };
}

/** Columns: networks first (not penalised), then the active standardised features. */
export function penalisedColumns(design: Design): boolean[] {
  return [...design.platforms.map(() => false), ...design.active.map(() => true)];
}

/** The regression row of a post on `platform` (which must be one of the design's). */
export function designRow(design: Design, platform: Platform, values: readonly number[]): number[] {
  return [
    ...design.platforms.map((p) => (p === platform ? 1 : 0)),
    ...design.active.map(
      (j) => ((values[j] as number) - (design.mean[j] as number)) / (design.sd[j] as number),
    ),
  ];
}

/** The design-row change for a change of feature values on the same network (intercepts cancel). */
export function designDelta(design: Design, from: readonly number[], to: readonly number[]): number[] {
  return [
    ...design.platforms.map(() => 0),
    ...design.active.map((j) => ((to[j] as number) - (from[j] as number)) / (design.sd[j] as number)),
  ];
}
