/**
 * The trend analyzer's core (issue 11): bursts of terms and hashtags over the organization's
 * posts, its mentions and its tracked competitors' posts in a window, against each term's own
 * history, ranked with their evidence, and backtested against the Trends page's rising rule.
 * Words and hashtags are found as the analytics Trends page finds them (text-terms.ts).
 */
export { analyzeTrends, MIN_BASELINE_TEXTS, type TrendAnalysis } from './analyze-trends';
export { detectBursts, BURST_DEFAULTS, type Burst, type BurstDetection, type BurstOptions } from './detect-bursts';
export { burstPValue, benjaminiHochberg } from './burst-test';
export { trendBacktest, type TrendBacktestResult } from './backtest';
export { mostFrequentTerms, risingTerms } from './naive-trends';
export { loadTrendTexts } from './load-trend-texts';
export { hashtagsOf } from './hashtags';
export type { TrendText, TrendSource } from './trend-texts';
export { trendAnalysisSchema, burstSchema } from './result';
