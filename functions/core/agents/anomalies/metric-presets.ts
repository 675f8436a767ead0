import type { AccountMetric } from './daily-series';
import { DETECTOR_DEFAULTS, type DetectorOptions } from './seasonal-detector';

/**
 * How large a move must be to matter, per metric (severity.ts, `minChange`): followers move
 * slowly, so 1 % in a day is news; impressions and engagement swing by a quarter from one day to
 * the next with the posting plan, so only larger factors are worth telling.
 */
export const METRIC_MIN_CHANGE: Record<AccountMetric, number> = {
  followers: 0.01,
  impressions: 0.25,
  engagementPerPost: 0.3,
};

export const detectorOptionsFor = (
  metric: AccountMetric,
  overrides: Partial<DetectorOptions> = {},
): DetectorOptions => ({ ...DETECTOR_DEFAULTS, minChange: METRIC_MIN_CHANGE[metric], ...overrides });
