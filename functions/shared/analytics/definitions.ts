import { type PostMetricFigures, type PostMetricName, type UnavailableMetrics } from './metrics';

/**
 * How Plume computes the figures it derives, in the words the API's descriptions and the
 * dashboard use. Pure and browser-safe; a figure that cannot be computed is null with a reason.
 */
export const DEFINITIONS = {
  engagement:
    'Engagement: likes + comments + shares + saves + clicks, counting those the network reports (the others are null with a reason and left out).',
  engagementRate:
    'Engagement rate by impressions: engagement / impressions x 100, in percent. Null where the network reports no impressions, or none yet.',
  total:
    'A total adds the figure over the posts that have it; null when none has it (the reason is the network’s).',
} as const;

/** The interactions counted as engagement. */
export const ENGAGEMENT_METRICS: readonly PostMetricName[] = [
  'likes',
  'comments',
  'shares',
  'saves',
  'clicks',
];

/** Engagement (DEFINITIONS.engagement): null only when the network reports none of its parts. */
export function engagementOf(figures: PostMetricFigures): number | null {
  let total: number | null = null;
  for (const metric of ENGAGEMENT_METRICS) {
    const value = figures[metric];
    if (value !== null) total = (total ?? 0) + value;
  }
  return total;
}

/** Engagement rate by impressions (DEFINITIONS.engagementRate), rounded to 2 decimals. */
export function engagementRateOf(figures: PostMetricFigures): number | null {
  const engagement = engagementOf(figures);
  const impressions = figures.impressions;
  if (engagement === null || impressions === null || impressions <= 0) return null;
  return Math.round((engagement / impressions) * 10_000) / 100;
}

/**
 * Totals over snapshots (DEFINITIONS.total), with the reason of a metric none of them has
 * (the first snapshot's reason: one account's snapshots share their network).
 */
export function totalsOf<const Names extends readonly PostMetricName[]>(
  snapshots: ReadonlyArray<{ figures: PostMetricFigures; unavailable: UnavailableMetrics }>,
  metrics: Names,
): { figures: Record<Names[number], number | null>; unavailable: UnavailableMetrics } {
  const figures = {} as Record<Names[number], number | null>;
  const unavailable: UnavailableMetrics = {};
  for (const metric of metrics as readonly Names[number][]) {
    let total: number | null = null;
    for (const snapshot of snapshots) {
      const value = snapshot.figures[metric];
      if (value !== null) total = (total ?? 0) + value;
    }
    figures[metric] = total;
    if (total === null) {
      const reason = snapshots.find((s) => s.unavailable[metric])?.unavailable[metric];
      if (reason) unavailable[metric] = reason;
    }
  }
  return { figures, unavailable };
}
