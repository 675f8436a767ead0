import type { PostMetrics } from '../../platforms/connector';
import {
  NOT_RETURNED,
  POST_METRICS,
  type PostMetricFigures,
  type UnavailableMetrics,
} from '../../shared/analytics/metrics';
import { engagementRateOf } from '../../shared/analytics/definitions';
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

/** The column's precision (numeric 7,2) caps it; a real rate never comes near. */
const MAX_STORED_RATE = 99_999;

/**
 * One snapshot row's figure columns as the sync stores a connector's answer: each figure or
 * null with its reason (never a made-up 0), the engagement rate, and the source. The Sandbox
 * history seeder writes its rows through it too, so seeded and synced rows cannot differ.
 */
export function snapshotColumns(platform: Platform, metrics: PostMetrics) {
  const { figures, unavailable } = figuresFromNetwork(platform, metrics);
  const rate = engagementRateOf(figures);
  return {
    likesCount: figures.likes,
    commentsCount: figures.comments,
    sharesCount: figures.shares,
    clicksCount: figures.clicks,
    impressionsCount: figures.impressions,
    reachCount: figures.reach,
    savesCount: figures.saves,
    videoViewsCount: figures.videoViews,
    engagementRate: rate === null ? null : Math.min(MAX_STORED_RATE, rate),
    unavailable,
    source: platformProfile(platform).metrics.source,
  };
}
