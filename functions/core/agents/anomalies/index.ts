/**
 * The performance tracker's core (issue 11): seasonality-aware anomaly detection on each
 * account's daily series and each recent post's growth, alerts with severity, the periodic
 * summary, and the backtest of its forecasts against yesterday's reading. No LLM, no I/O
 * beyond the loaders.
 */
export { runPerformanceTracker, type TrackerInput } from './performance-tracker';
export { loadTrackerInput } from './load-tracker-input';
export { assessAccountNow, type NowAssessment } from './assess-now';
export { detectAnomalies, DETECTOR_DEFAULTS, type DetectorOptions, type Detection } from './seasonal-detector';
export { naiveAnomalies } from './naive-detector';
export { assessPostGrowth, type PostGrowth, type PostGrowthAssessment } from './post-growth';
export { periodSummary, type PeriodSummary } from './period-summary';
export { forecastBacktest, type BacktestResult } from './backtest';
export { engagementPerPostSeries } from './engagement-series';
export { loadAccountReadings, readingSeries } from './load-account-readings';
export { loadPostGrowth } from './load-post-growth';
export { detectorOptionsFor, METRIC_BARS } from './metric-presets';
export type { Anomaly, DayAssessment, Direction } from './anomaly-runs';
export type { AccountSeries, DailyPoint, AccountMetric } from './daily-series';
export type { Severity } from './severity';
export { performanceTrackerResultSchema, type PerformanceTrackerResult, type TrackerAlert } from './result';
