/**
 * The engagement predictor's core (issue 11): a model of the organization's own history that
 * predicts a draft's engagement with an interval, its main factors and supported edits, and
 * backtests itself against the trailing median. Pure: the pipeline loads the data
 * (`loadPostOutcomes`, `loadAccountZones`), calls `predictDraftEngagement` and validates the
 * answer with `engagementPredictionSchema`.
 */
export type { ZoneLookup } from './account-history';
export {
  backtestEngagementModel,
  backtestMetrics,
  backtestPoints,
  defaultCut,
  type BacktestMetric,
  type BacktestPoint,
  type EngagementBacktest,
} from './backtest';
export { loadAccountZones } from './load-account-zones';
export { predictDraftEngagement, type EngagementDraft, type EngagementPredictorInput } from './predict-draft';
export { predictPost, type PostPrediction } from './predict';
export { PRIOR_ENGAGEMENT_PER_FOLLOWER, PRIOR_SPREAD } from './priors';
export { engagementPredictionSchema, type EngagementPredictionResult } from './result';
export { postTone, type SentimentScorer } from './sentiment';
export { ENGAGEMENT_MODEL_SETTINGS } from './settings';
export { trainEngagementModel, type EngagementModel, type FittedEngagementModel } from './train';
