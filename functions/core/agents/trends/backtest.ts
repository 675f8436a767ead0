import { tallyTerms } from './term-counts';
import { detectBursts, type BurstOptions } from './detect-bursts';
import { risingTerms } from './naive-trends';
import type { TrendText } from './trend-texts';

export interface TrendBacktest {
  supported: true;
  metric: string;
  /** Share of the detector's past bursts that held up in the next window. */
  model: number;
  /** The same for the Trends page's rising rule. */
  baseline: number;
  /** model - baseline (shares: +0.2 is twenty points more of the flags holding up). */
  improvement: number;
  n: { windows: number; modelFlags: number; baselineFlags: number };
}

export type TrendBacktestResult = TrendBacktest | { supported: false; reason: string };

const DAY_MS = 86_400_000;

/**
 * Do its bursts mean anything? Over the `windows` past windows before the current one (same
 * length, each judged only on what came before it), a flagged term holds up when the next
 * window, also past, uses it more than its baseline share would have: a real shift in what
 * people say goes on for a while, noise falls back. Compared with the Trends page's rising rule
 * flagging the same windows. Not supported when the history or the flags are too few to say.
 */
export function trendBacktest(
  texts: TrendText[],
  options: Partial<BurstOptions> & Pick<BurstOptions, 'window'> & { windows?: number },
): TrendBacktestResult {
  const span = options.window.to.getTime() - options.window.from.getTime();
  const baselineMs = (options.baselineDays ?? 28) * DAY_MS;
  const count = options.windows ?? 8;
  const earliest = texts.reduce((min, t) => Math.min(min, t.at.getTime()), Number.POSITIVE_INFINITY);
  let windows = 0;
  const hits = { model: 0, modelFlags: 0, baseline: 0, baselineFlags: 0 };
  // Window i ends where window i + 1 (the one that checks it) starts; the last checked one ends at the current window.
  for (let i = count; i >= 1; i -= 1) {
    const from = new Date(options.window.from.getTime() - (i + 1) * span);
    const to = new Date(from.getTime() + span);
    if (from.getTime() - baselineMs < earliest) continue;
    windows += 1;
    const next = { from: to, to: new Date(to.getTime() + span) };
    const held = heldUp(texts, { from, to }, next, baselineMs);
    const model = detectBursts(texts, { ...options, window: { from, to } }).bursts.map((b) => b.term);
    const naive = risingTerms(texts, { from, to }, { minSupport: options.minSupport ?? 3, limit: options.limit ?? 20 });
    hits.modelFlags += model.length;
    hits.model += model.filter(held).length;
    hits.baselineFlags += naive.length;
    hits.baseline += naive.filter(held).length;
  }
  if (windows < 4) return { supported: false, reason: `${windows} past windows with a full baseline: at least 4 are needed.` };
  if (hits.modelFlags < 3 || hits.baselineFlags < 3)
    return {
      supported: false,
      reason: `Too few past flags to judge (${hits.modelFlags} bursts, ${hits.baselineFlags} rising terms in ${windows} windows).`,
    };
  const model = hits.model / hits.modelFlags;
  const baseline = hits.baseline / hits.baselineFlags;
  return {
    supported: true,
    metric: 'share of past flags whose term stayed above its baseline share in the next window',
    model,
    baseline,
    improvement: model - baseline,
    n: { windows, modelFlags: hits.modelFlags, baselineFlags: hits.baselineFlags },
  };
}

/** Whether a term's share of texts in `next` exceeded its share in the baseline before `window`. */
function heldUp(
  texts: TrendText[],
  window: { from: Date; to: Date },
  next: { from: Date; to: Date },
  baselineMs: number,
): (term: string) => boolean {
  const baselineFrom = window.from.getTime() - baselineMs;
  const baseline = texts.filter((t) => t.at.getTime() >= baselineFrom && t.at < window.from);
  const after = texts.filter((t) => t.at >= next.from && t.at < next.to);
  const before = tallyTerms(baseline, 'day', 'UTC');
  const later = tallyTerms(after, 'day', 'UTC');
  return (term) =>
    baseline.length > 0 &&
    after.length > 0 &&
    (later.get(term)?.texts.length ?? 0) / after.length > (before.get(term)?.texts.length ?? 0) / baseline.length;
}
