import { medianSorted } from 'simple-statistics';
import type { Direction } from './anomaly-runs';
import { severityOf, type Severity, type SeverityBars } from './severity';

/** A published post's engagement as the sync read it over time (running totals), oldest first. */
export interface PostGrowth {
  targetId: string;
  socialAccountId: string;
  publishedAt: Date;
  points: { at: Date; engagement: number }[];
}

export interface PostGrowthOptions extends SeverityBars {
  /** Earlier posts of the account needed at an age before that age is judged. */
  minReference: number;
  /** The most recent earlier posts compared with (the account's current normal). */
  maxReference: number;
  /** Floor of the scale, in log units (an account whose posts all do alike). */
  minScale: number;
}

export const POST_GROWTH_DEFAULTS: PostGrowthOptions = {
  minReference: 8,
  maxReference: 30,
  minScale: 0.1,
  z: { info: 3.5, warning: 5, critical: 8 },
  // A post must do at least twice (or half) as well as usual at its age to be told about.
  minChange: 1,
};

export interface PostGrowthReading {
  at: string;
  hoursAfterPublish: number;
  observed: number;
  /** The account's usual engagement at this age (median of its earlier posts). */
  expected: number;
  z: number;
  severity: Severity | null;
  direction: Direction | null;
  /** Earlier posts it was compared with at this age. */
  reference: number;
}

export interface PostGrowthAssessment {
  targetId: string;
  status: 'unusual' | 'usual' | 'insufficient-history';
  readings: PostGrowthReading[];
  /** The first reading that cleared a bar: when the sweep would have told. */
  firstAlert: PostGrowthReading | null;
  /** The most unusual reading. */
  peak: PostGrowthReading | null;
}

const HOUR_MS = 3_600_000;
const MAD_TO_SD = 1.4826;
const sortedMedian = (values: number[]): number => medianSorted([...values].sort((a, b) => a - b));

/** A post's running engagement at an age, linear between readings (0 at publication); null past its last reading. */
export function engagementAtAge(post: PostGrowth, hours: number): number | null {
  let before = { hours: 0, engagement: 0 };
  for (const point of post.points) {
    const age = (point.at.getTime() - post.publishedAt.getTime()) / HOUR_MS;
    if (age >= hours) {
      if (age === before.hours) return point.engagement;
      return before.engagement + ((point.engagement - before.engagement) * (hours - before.hours)) / (age - before.hours);
    }
    before = { hours: age, engagement: point.engagement };
  }
  return null;
}

/**
 * Is a post growing unlike the account's others? At each reading, its engagement against the
 * account's earlier posts at the same age (log scale: median, and MAD for the spread), so a
 * viral post shows at its first reading and a dud by its second day, without waiting for the
 * day's totals. Only posts published before it are compared with, as a sweep would have had.
 */
export function assessPostGrowth(
  post: PostGrowth,
  accountPosts: PostGrowth[],
  overrides: Partial<PostGrowthOptions> = {},
): PostGrowthAssessment {
  const options = { ...POST_GROWTH_DEFAULTS, ...overrides };
  const earlier = accountPosts
    .filter((p) => p.targetId !== post.targetId && p.publishedAt < post.publishedAt)
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())
    .slice(-options.maxReference);
  const readings: PostGrowthReading[] = [];
  for (const point of post.points) {
    const hours = (point.at.getTime() - post.publishedAt.getTime()) / HOUR_MS;
    if (hours <= 0) continue;
    // Earlier posts whose readings reach this age (a post not read that late says nothing of it).
    const reference = earlier.flatMap((p) => {
      const value = p.points.length > 0 ? engagementAtAge(p, hours) : null;
      return value === null ? [] : [Math.log1p(value)];
    });
    if (reference.length < options.minReference) continue;
    const centre = sortedMedian(reference);
    const scale = Math.max(options.minScale, MAD_TO_SD * sortedMedian(reference.map((r) => Math.abs(r - centre))));
    const z = (Math.log1p(point.engagement) - centre) / scale;
    const expected = Math.expm1(centre);
    const severity = severityOf(z, point.engagement, expected, options);
    readings.push({
      at: point.at.toISOString(),
      hoursAfterPublish: Math.round(hours * 100) / 100,
      observed: point.engagement,
      expected,
      z,
      severity,
      direction: severity === null ? null : z > 0 ? 'spike' : 'drop',
      reference: reference.length,
    });
  }
  const firstAlert = readings.find((r) => r.severity !== null) ?? null;
  const peak = readings.reduce<PostGrowthReading | null>(
    (top, r) => (top === null || Math.abs(r.z) > Math.abs(top.z) ? r : top),
    null,
  );
  return {
    targetId: post.targetId,
    status: readings.length === 0 ? 'insufficient-history' : firstAlert ? 'unusual' : 'usual',
    readings,
    firstAlert,
    peak,
  };
}
