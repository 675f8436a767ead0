import { TREND_SOURCES } from '../../analytics/trends';
import { trendBacktest, type TrendBacktestResult } from './backtest';
import { detectBursts, type BurstDetection, type BurstOptions } from './detect-bursts';
import type { TrendText } from './trend-texts';

/** Baseline texts below which a term's history says too little for any burst to be claimed. */
export const MIN_BASELINE_TEXTS = 30;

export type TrendAnalysis = BurstDetection & {
  support: { supported: true } | { supported: false; reason: string };
  backtest: TrendBacktestResult;
};

/**
 * The trend analyzer's run: the window's bursting terms with their evidence, or why the history
 * cannot support any, and the backtest of its past bursts against the Trends page's rising rule.
 */
export function analyzeTrends(
  texts: TrendText[],
  options: Partial<BurstOptions> & Pick<BurstOptions, 'window'> & { backtestWindows?: number },
): TrendAnalysis {
  const detection = detectBursts(texts, options);
  const baselineTexts = TREND_SOURCES.reduce((n, s) => n + detection.texts.baseline[s], 0);
  const backtest = trendBacktest(texts, { ...options, windows: options.backtestWindows });
  if (baselineTexts < MIN_BASELINE_TEXTS)
    return {
      ...detection,
      bursts: [],
      support: {
        supported: false,
        reason: `${baselineTexts} texts in the ${options.baselineDays ?? 28} days before the window: at least ${MIN_BASELINE_TEXTS} are needed to tell a burst from a term's usual use.`,
      },
      backtest,
    };
  return { ...detection, support: { supported: true }, backtest };
}
