/**
 * The crisis manager's core (README "Crisis manager and sentiment"): pure functions over
 * mentions, no I/O besides the loader. `assessCrisisNow` is the hourly sweep's entry (notify
 * when `notify` is true); `detectCrisis` reports a period with its episodes and a backtest.
 * Sentiment scoring lives beside it in ../sentiment.
 */
export {
  assessCrisisNow,
  type AssessOptions,
  type CrisisAlert,
  type CrisisEvidence,
  type BaselineSummary,
} from './assess-crisis';
export {
  detectCrisis,
  type DetectOptions,
  type CrisisReport,
  type CrisisEpisode,
  type CrisisHour,
  type CrisisBacktest,
} from './detect-crisis';
export { loadMentions, type LoadedMention } from './load-mentions';
export { HourlyCounts, hourOf, HOUR_MS, type CrisisMention } from './hourly-counts';
export { ALERT_LEVELS, ALERT_RULES, judgeHour, type AlertLevel, type AlertRules } from './alert-rules';
export {
  BASELINE_SETTINGS,
  seasonalBaseline,
  type BaselineSettings,
  type SeasonalBaseline,
} from './seasonal-baseline';
export { CRISIS_SETTINGS, crisisSettings, type CrisisSettings } from './settings';
export { NAIVE_RULES, type NaiveRule } from './naive-rules';
export { episodesOf, type Episode } from './episodes';
export { WINDOWS, windowEvidence, type WindowEvidence } from './window-evidence';
export { crisisAlert, crisisReport } from './result';
