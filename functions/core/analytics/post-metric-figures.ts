import type { PostMetrics } from '../../platforms/connector';
import {
  NOT_RETURNED,
  POST_METRICS,
  type PostMetricFigures,
  type UnavailableMetrics,
} from '../../shared/analytics/metrics';
import { platformProfile, type Platform } from '../../shared/platforms/catalog';

/**
 * A connector's answer for one post as Plume stores it: each metric a number, or null with
 * the reason (the network's profile says which counts its API has none of; a count it usually
 * has but left out this time says so).
 */
export function figuresFromNetwork(
  platform: Platform,
  metrics: PostMetrics,
): { figures: PostMetricFigures; unavailable: UnavailableMetrics } {
  const known = platformProfile(platform).metrics.unavailable;
  const figures = {} as PostMetricFigures;
  const unavailable: UnavailableMetrics = {};
  for (const metric of POST_METRICS) {
    const value = metrics[metric];
    if (typeof value === 'number' && Number.isFinite(value)) {
      figures[metric] = value;
    } else {
      figures[metric] = null;
      unavailable[metric] = known[metric] ?? NOT_RETURNED;
    }
  }
  return { figures, unavailable };
}
