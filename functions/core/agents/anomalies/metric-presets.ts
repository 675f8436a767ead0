import type { AccountMetric } from './daily-series';
import { DETECTOR_DEFAULTS, type DetectorOptions } from './seasonal-detector';
import type { SeverityBars } from './severity';

/**
 * How large a move must be to matter, per metric (severity.ts). Followers move slowly, so 1 % in
 * a day is news. An account's daily impressions and engagement per post swing several-fold from
 * one day to the next with what was posted when (on the Sandbox histories the typical one-day
 * forecast error is a factor of 2.5 to 3, README "Performance tracker"), so only a doubling or
 * halving that is also far outside that noise is told: with the default bars a series of
 * impressions raised a false alarm about every 30 days in the bench, with these about every 300.
 */
export const METRIC_BARS: Record<AccountMetric, SeverityBars> = {
  followers: { minChange: 0.01, z: DETECTOR_DEFAULTS.z },
  impressions: { minChange: 1, z: { info: 4.5, warning: 6, critical: 9 } },
  engagementPerPost: { minChange: 1, z: { info: 4.5, warning: 6, critical: 9 } },
};

export const detectorOptionsFor = (
  metric: AccountMetric,
  overrides: Partial<DetectorOptions> = {},
): DetectorOptions => ({ ...DETECTOR_DEFAULTS, ...METRIC_BARS[metric], ...overrides });
