export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);

export const higherSeverity = (a: Severity, b: Severity): Severity => (severityRank(a) >= severityRank(b) ? a : b);

/** When a day is unusual, and how unusual: both bars must be cleared, the statistical and the practical. */
export interface SeverityBars {
  /** |z| (observed against expected, in robust standard deviations) for info, warning, critical. */
  z: { info: number; warning: number; critical: number };
  /**
   * The factor a day must be off by for an info, as a share: 0.05 is 5 % above or 1/1.05 below
   * (a halving is as large a move as a doubling). A warning needs the factor squared, a critical
   * its fourth power. A follower count that wobbles 0.3 % a day makes a 1 % move many deviations
   * away, which nobody needs to hear about: this bar says how large a move matters for the metric.
   */
  minChange: number;
}

/** How far observed is from expected as a factor, in log units; infinite when one of them is zero and the other not. */
export function logDistance(observed: number, expected: number): number {
  if (expected <= 1e-9 || observed <= 1e-9) return observed <= 1e-9 && expected <= 1e-9 ? 0 : Number.POSITIVE_INFINITY;
  return Math.abs(Math.log(observed / expected));
}

/** The severity of one day, or null when it clears no bar. */
export function severityOf(z: number, observed: number, expected: number, bars: SeverityBars): Severity | null {
  const size = Math.abs(z);
  const factor = logDistance(observed, expected);
  const bar = Math.log1p(bars.minChange);
  if (size >= bars.z.critical && factor >= 4 * bar) return 'critical';
  if (size >= bars.z.warning && factor >= 2 * bar) return 'warning';
  if (size >= bars.z.info && factor >= bar) return 'info';
  return null;
}
