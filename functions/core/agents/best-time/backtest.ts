import type { Platform } from '../../../shared/platforms/catalog';
import type { PostOutcome } from '../post-outcomes';
import { bootstrapInterval } from './bootstrap';
import { slotAt, slotLabel } from './local-slot';
import { normalisePosts, type BaselineKind, type NormalisedPost, type NormaliseOptions } from './normalise';
import { distinctTopSlots, learnSlots, usualSlots } from './ranking';
import { unsupportedReason } from './support';

export interface BacktestOptions extends NormaliseOptions {
  accountId: string;
  timeZone: string;
  platform: Platform;
  /** Learn on posts published before it, test on those at or after it. */
  cut: Date;
  /** Posts after this are left out (the figures of the future are not known). */
  end?: Date;
  /** Recommended slots compared with as many usual ones. */
  k?: number;
  seed?: string;
}

export interface BacktestFigures {
  supported: true;
  metric: string;
  /** Typical (geometric-mean) engagement per baseline unit of test posts in the recommended slots. */
  model: number;
  /** The same for test posts in the account's usual slots. */
  baseline: number;
  /** model / baseline - 1. */
  improvement: number;
  /** 95 % percentile bootstrap interval of `improvement` (test posts resampled, 2,000 times). */
  interval?: { low: number; high: number };
  n: { model: number; baseline: number; train: number; test: number };
  cut: string;
  k: number;
  modelSlots: string[];
  baselineSlots: string[];
}

export type BacktestResult =
  BacktestFigures | { supported: false; reason: string; n?: { train: number; test: number } };

export const MIN_TEST_POSTS_PER_GROUP = 5;

const METRIC_UNIT: Record<BaselineKind, string> = {
  followers: 'engagement per follower',
  'rolling-median': "engagement relative to the account's 30-day median",
};

const meanValue = (posts: readonly NormalisedPost[]) =>
  posts.reduce((sum, p) => sum + p.value, 0) / posts.length;

/**
 * Would following the advice have paid? Learns slots on the account's posts before `cut`
 * (outcomes of that account only), then compares the posts after it that went out in the
 * top-k recommended slots with those that went out in the account's k usual slots (its most
 * used before the cut): "these slots beat your usual times by N %". The measure is the
 * geometric mean of (engagement + 1) / baseline (normalise.ts, clipped): the typical post,
 * which one viral post cannot swing. A post in both groups counts in both. Not supported when
 * the training history is too thin or either group has fewer than 5 test posts.
 *
 * The normalisation runs once over all posts (a rolling-median baseline looks 30 days either
 * side, so it sees a little past the cut: the level, never the slot effects).
 */
export function backtestBestTimes(
  outcomes: readonly PostOutcome[],
  options: BacktestOptions,
): BacktestResult {
  const k = options.k ?? 3;
  const end = options.end?.getTime() ?? Infinity;
  const own = outcomes.filter(
    (o) => o.socialAccountId === options.accountId && o.publishedAt.getTime() < end,
  );
  const { posts, baseline } = normalisePosts(own, options.timeZone, options);
  const cut = options.cut.getTime();
  const train = posts.filter((p) => p.outcome.publishedAt.getTime() < cut);
  const test = posts.filter((p) => p.outcome.publishedAt.getTime() >= cut);
  const n = { train: train.length, test: test.length };
  const thin = unsupportedReason(train);
  if (thin) return { supported: false, reason: `Before the cut: ${thin}`, n };

  const recommended = distinctTopSlots(learnSlots(train, options.platform), k);
  const usual = usualSlots(train, k);
  const inModel = (p: NormalisedPost) => recommended.includes(p.slot);
  const inBaseline = (p: NormalisedPost) => usual.includes(p.slot);
  const modelPosts = test.filter(inModel);
  const baselinePosts = test.filter(inBaseline);
  if (modelPosts.length < MIN_TEST_POSTS_PER_GROUP || baselinePosts.length < MIN_TEST_POSTS_PER_GROUP)
    return {
      supported: false,
      reason: `After the cut, ${modelPosts.length} post${modelPosts.length === 1 ? '' : 's'} went out in the recommended slots and ${baselinePosts.length} in the usual ones; at least ${MIN_TEST_POSTS_PER_GROUP} in each are needed to compare them.`,
      n,
    };

  const logRatio = (sample: NormalisedPost[]): number | null => {
    const a = sample.filter(inModel);
    const b = sample.filter(inBaseline);
    return a.length === 0 || b.length === 0 ? null : meanValue(a) - meanValue(b);
  };
  const ratio = logRatio(test) as number;
  const relevant = test.filter((p) => inModel(p) || inBaseline(p));
  const interval = bootstrapInterval(relevant, logRatio, {
    seed: options.seed ?? `best-time:${options.accountId}:${options.cut.toISOString()}`,
  });
  return {
    supported: true,
    metric: `typical (geometric-mean) ${METRIC_UNIT[baseline]} of the posts after the cut`,
    model: Math.exp(meanValue(modelPosts)),
    baseline: Math.exp(meanValue(baselinePosts)),
    improvement: Math.exp(ratio) - 1,
    ...(interval ? { interval: { low: Math.exp(interval.low) - 1, high: Math.exp(interval.high) - 1 } } : {}),
    n: { model: modelPosts.length, baseline: baselinePosts.length, ...n },
    cut: options.cut.toISOString(),
    k,
    modelSlots: recommended.map((s) => slotLabel(slotAt(s))),
    baselineSlots: usual.map((s) => slotLabel(slotAt(s))),
  };
}
