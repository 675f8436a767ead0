import type { PostOutcome } from '../post-outcomes';
import { OrganizationHistory, type MatureOutcome, type ZoneLookup } from './account-history';
import { conformalOffsets } from './conformal';
import { designFor, designRow, penalisedColumns, type Design } from './design';
import { featureRow, type FeatureRow, type PostInput } from './features';
import { chooseLambda, fitHuberRidge, type RidgeFit } from './ridge';
import { postTone, type SentimentScorer } from './sentiment';
import { DAY_MS, ENGAGEMENT_MODEL_SETTINGS as SETTINGS } from './settings';

export interface TrainOptions {
  /** Train on what was known at this instant: posts mature by then. */
  asOf: Date;
  zones: ZoneLookup;
  /** The tone scorer; the local lexicon stand-in unless the organization's sentiment core is passed. */
  sentiment?: SentimentScorer;
}

/** One post the model learns from: its features when it was published and how it did against its baseline. */
export interface TrainingRow {
  post: MatureOutcome;
  row: FeatureRow;
  /** log1p(engagement) - log1p(baseline). */
  target: number;
}

interface ModelCommon {
  asOf: Date;
  history: OrganizationHistory;
  sentiment: SentimentScorer;
  /** Trainable posts (mature by `asOf`, with figures and a baseline). */
  trainedOn: number;
}

export interface FittedEngagementModel extends ModelCommon {
  basis: 'model';
  design: Design;
  fit: RidgeFit;
  /** Conformal offsets (log units) of the `intervalLevel` interval. */
  offsets: { low: number; high: number };
  /** Out-of-fold residuals the offsets come from. */
  calibrationPosts: number;
  /** Each account's mean feature values over its training posts: its typical post. */
  typical: Map<string, number[]>;
  /**
   * Each feature's smallest and largest value in training. The model does not extrapolate: a
   * draft is predicted with its values clamped into these, and no edit is suggested outside them.
   */
  ranges: { min: number; max: number }[];
  /** The same for what the content features derive from. */
  contentRanges: Record<'length' | 'hashtags' | 'mediaCount', { min: number; max: number }>;
}

export interface PriorsModel extends ModelCommon {
  basis: 'priors';
  reason: string;
}

export type EngagementModel = FittedEngagementModel | PriorsModel;

export const asPostInput = (outcome: PostOutcome): PostInput => ({
  socialAccountId: outcome.socialAccountId,
  platform: outcome.platform,
  text: outcome.text,
  mediaCount: outcome.mediaCount,
  publishedAt: outcome.publishedAt,
  followersAtPublish: outcome.followersAtPublish,
});

/** The trainable posts known at `asOf`, oldest first. */
export function trainingRows(
  history: OrganizationHistory,
  asOf: Date,
  sentiment: SentimentScorer,
): TrainingRow[] {
  const limit = asOf.getTime() - SETTINGS.matureDays * DAY_MS;
  const rows: TrainingRow[] = [];
  for (const post of history.all()) {
    if (post.publishedMs > limit || post.relative === null) continue;
    const row = featureRow(asPostInput(post.outcome), history, post.outcome.publishedAt, sentiment);
    if (row) rows.push({ post, row, target: post.relative });
  }
  return rows;
}

/** Standardises, chooses λ, fits; with the out-of-fold residuals of the chosen λ. */
function fitRows(rows: readonly TrainingRow[]): {
  design: Design;
  fit: RidgeFit;
  residuals: (number | null)[];
} {
  const design = designFor(rows.map((r) => ({ platform: r.post.outcome.platform, values: r.row.values })));
  const matrix = rows.map((r) => designRow(design, r.post.outcome.platform, r.row.values));
  const y = rows.map((r) => r.target);
  const penalised = penalisedColumns(design);
  const { lambda, residuals } = chooseLambda(matrix, y, penalised);
  return { design, fit: fitHuberRidge(matrix, y, penalised, lambda), residuals };
}

/**
 * Fits the organization's model on what was known at `asOf` (README, "Engagement predictor"):
 * log1p(engagement) minus log1p(the account's trailing median) regressed on the post's
 * features by Huber ridge with per-network intercepts, λ by chronological 5-fold
 * cross-validation. The interval is conformal on the out-of-fold residuals of that
 * cross-validation (every training post predicted by a fit that did not see it; "cross-conformal",
 * Vovk 2015): a single split's held-out posts are one stretch of time, and on the Sandbox
 * histories the last quarter before the cut held the year-end holidays and the planted drop,
 * which made the split's interval cover 89 % instead of 80 % (README). With fewer than
 * `minTrainingPosts` trainable posts, a priors model (priors.ts) says why.
 */
export function trainEngagementModel(
  outcomes: readonly PostOutcome[],
  options: TrainOptions,
): EngagementModel {
  const sentiment = options.sentiment ?? postTone;
  const history = new OrganizationHistory(outcomes, options.zones);
  const rows = trainingRows(history, options.asOf, sentiment);
  const common = { asOf: options.asOf, history, sentiment, trainedOn: rows.length };
  if (rows.length < SETTINGS.minTrainingPosts)
    return {
      ...common,
      basis: 'priors',
      reason: `${rows.length} trainable posts (mature for ${SETTINGS.matureDays} days, with figures, after each account's first ${SETTINGS.minBaselinePosts}); the model needs ${SETTINGS.minTrainingPosts}.`,
    };
  const { design, fit, residuals } = fitRows(rows);
  const held = residuals.filter((r): r is number => r !== null);
  const offsets = conformalOffsets(held, SETTINGS.intervalLevel);
  if (!offsets || held.length < SETTINGS.minCalibrationPosts)
    return { ...common, basis: 'priors', reason: `too few held-out posts (${held.length}) for an interval` };
  const calibrationPosts = held.length;

  const sums = new Map<string, { sum: number[]; n: number }>();
  const ranges = rows[0]!.row.values.map((_, j) => {
    const column = rows.map((r) => r.row.values[j] as number);
    return { min: Math.min(...column), max: Math.max(...column) };
  });
  const rangeOf = (read: (row: FeatureRow) => number) => {
    const column = rows.map((r) => read(r.row));
    return { min: Math.min(...column), max: Math.max(...column) };
  };
  const contentRanges = {
    length: rangeOf((r) => r.content.length),
    hashtags: rangeOf((r) => r.content.hashtags),
    mediaCount: rangeOf((r) => r.content.mediaCount),
  };
  for (const { post, row } of rows) {
    const entry = sums.get(post.outcome.socialAccountId) ?? { sum: row.values.map(() => 0), n: 0 };
    row.values.forEach((v, j) => {
      entry.sum[j] = (entry.sum[j] as number) + v;
    });
    entry.n += 1;
    sums.set(post.outcome.socialAccountId, entry);
  }
  const typical = new Map([...sums].map(([account, { sum, n }]) => [account, sum.map((s) => s / n)]));
  return {
    ...common,
    basis: 'model',
    design,
    fit,
    offsets,
    calibrationPosts,
    typical,
    ranges,
    contentRanges,
  };
}
