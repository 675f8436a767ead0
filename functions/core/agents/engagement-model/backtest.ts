import { sampleRankCorrelation } from 'simple-statistics';
import type { PostOutcome } from '../post-outcomes';
import { OrganizationHistory, type ZoneLookup } from './account-history';
import { predictPost } from './predict';
import type { SentimentScorer } from './sentiment';
import { ENGAGEMENT_MODEL_SETTINGS as SETTINGS } from './settings';
import { asPostInput, trainEngagementModel } from './train';

export type BacktestMetricName = 'mae' | 'mae_log' | 'spearman' | 'coverage_80';

/**
 * One figure of the backtest, model against the trailing-median baseline. `improvement`:
 * for the errors, the share by which the model's is smaller ((baseline - model) / baseline);
 * for Spearman, model - baseline; for coverage, how much closer to 80 % the model's interval
 * came than the naive one (|baseline - 0.8| - |model - 0.8|). Positive is better in each.
 * `interval`: the improvement's 95 % paired-bootstrap interval over the test posts.
 */
export interface BacktestMetric {
  metric: BacktestMetricName;
  model: number | null;
  baseline: number | null;
  improvement: number | null;
  interval?: [number, number];
  n: number;
}

export type EngagementBacktest =
  | { supported: true; cut: string; trainedOn: number; tested: number; metrics: BacktestMetric[] }
  | { supported: false; reason: string; cut: string; trainedOn: number; tested: number };

/** One test post: what it did and what each side said. */
export interface BacktestPoint {
  socialAccountId: string;
  publishedAt: Date;
  actual: number;
  model: number;
  modelLow: number;
  modelHigh: number;
  basis: 'model' | 'priors';
  /** The trailing median and its naive 80 % interval (10th-90th percentile of the same posts). */
  baseline: number;
  baselineLow: number;
  baselineHigh: number;
}

export interface BacktestOptions {
  cut: Date;
  zones: ZoneLookup;
  sentiment?: SentimentScorer;
}

/** A seeded generator (mulberry32), so the bootstrap interval is the same every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const logError = (actual: number, predicted: number) => Math.abs(Math.log1p(actual) - Math.log1p(predicted));
const spearman = (x: number[], y: number[]): number | null => {
  const rho = x.length > 2 ? sampleRankCorrelation(x, y) : Number.NaN;
  return Number.isFinite(rho) ? rho : null;
};

type Side = 'model' | 'baseline';
const METRICS: Record<BacktestMetricName, (points: readonly BacktestPoint[], side: Side) => number | null> = {
  mae: (points, side) => mean(points.map((p) => Math.abs(p.actual - p[side]))),
  mae_log: (points, side) => mean(points.map((p) => logError(p.actual, p[side]))),
  spearman: (points, side) =>
    spearman(
      points.map((p) => p[side]),
      points.map((p) => p.actual),
    ),
  coverage_80: (points, side) => {
    const [low, high] =
      side === 'model' ? (['modelLow', 'modelHigh'] as const) : (['baselineLow', 'baselineHigh'] as const);
    return mean(points.map((p) => (p.actual >= p[low] && p.actual <= p[high] ? 1 : 0)));
  },
};

function improvementOf(
  metric: BacktestMetricName,
  model: number | null,
  baseline: number | null,
): number | null {
  if (model === null || baseline === null) return null;
  if (metric === 'spearman') return model - baseline;
  if (metric === 'coverage_80') return Math.abs(baseline - 0.8) - Math.abs(model - 0.8);
  return baseline > 0 ? (baseline - model) / baseline : null;
}

/** The figures of a set of test points, with paired-bootstrap intervals of each improvement. */
export function backtestMetrics(points: readonly BacktestPoint[]): BacktestMetric[] {
  const random = seeded(20_240_611);
  const resamples = Array.from({ length: SETTINGS.bootstrapResamples }, () =>
    points.map(() => points[Math.floor(random() * points.length)]!),
  );
  return (Object.keys(METRICS) as BacktestMetricName[]).map((metric) => {
    const compute = METRICS[metric];
    const model = compute(points, 'model');
    const baseline = compute(points, 'baseline');
    const improvement = improvementOf(metric, model, baseline);
    const draws = resamples
      .map((sample) => improvementOf(metric, compute(sample, 'model'), compute(sample, 'baseline')))
      .filter((v): v is number => v !== null)
      .sort((a, b) => a - b);
    const interval: [number, number] | undefined =
      draws.length >= 20
        ? [draws[Math.floor(0.025 * (draws.length - 1))]!, draws[Math.ceil(0.975 * (draws.length - 1))]!]
        : undefined;
    return { metric, model, baseline, improvement, ...(interval ? { interval } : {}), n: points.length };
  });
}

/**
 * Trains on what was known at the cut and predicts every mature post published after it that
 * has a baseline, each from what was known when it was published (the slot lifts and the
 * baseline move on; the coefficients do not). The baseline predicts the same posts with the
 * account's trailing median ("same as your median").
 */
export function backtestPoints(
  outcomes: readonly PostOutcome[],
  options: BacktestOptions,
): { points: BacktestPoint[]; trainedOn: number; basis: 'model' | 'priors'; reason?: string } {
  const model = trainEngagementModel(outcomes, {
    asOf: options.cut,
    zones: options.zones,
    ...(options.sentiment ? { sentiment: options.sentiment } : {}),
  });
  const points: BacktestPoint[] = [];
  for (const post of model.history.all()) {
    if (post.publishedMs < options.cut.getTime() || post.baseline === null) continue;
    const prediction = predictPost(model, asPostInput(post.outcome), post.outcome.publishedAt);
    if (!prediction) continue;
    points.push({
      socialAccountId: post.outcome.socialAccountId,
      publishedAt: post.outcome.publishedAt,
      actual: post.engagement,
      model: prediction.engagement,
      modelLow: prediction.low,
      modelHigh: prediction.high,
      basis: prediction.basis,
      baseline: post.baseline.engagement,
      baselineLow: post.baseline.low,
      baselineHigh: post.baseline.high,
    });
  }
  return {
    points,
    trainedOn: model.trainedOn,
    basis: model.basis,
    ...(model.basis === 'priors' ? { reason: model.reason } : {}),
  };
}

/** The accountable-AI check (README, "Engagement predictor"): the model against the trailing median after a cut. */
export function backtestEngagementModel(
  outcomes: readonly PostOutcome[],
  options: BacktestOptions,
): EngagementBacktest {
  const run = backtestPoints(outcomes, options);
  const common = { cut: options.cut.toISOString(), trainedOn: run.trainedOn, tested: run.points.length };
  if (run.basis === 'priors')
    return {
      supported: false,
      reason: `no model before the cut: ${run.reason ?? 'too little history'}`,
      ...common,
    };
  if (run.points.length < SETTINGS.minTestPosts)
    return {
      supported: false,
      reason: `${run.points.length} mature posts with a baseline after the cut; the backtest needs ${SETTINGS.minTestPosts}`,
      ...common,
    };
  return { supported: true, ...common, metrics: backtestMetrics(run.points) };
}

/** The cut the predictor backtests itself with: the publication of the mature post at 75 % of the history. */
export function defaultCut(outcomes: readonly PostOutcome[], zones: ZoneLookup, share = 0.75): Date | null {
  const posts = new OrganizationHistory(outcomes, zones).all();
  if (posts.length === 0) return null;
  return posts[Math.min(posts.length - 1, Math.floor(posts.length * share))]!.outcome.publishedAt;
}
