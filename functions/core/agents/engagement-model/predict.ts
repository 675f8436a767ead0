import { median } from 'simple-statistics';
import { designRow } from './design';
import { FEATURES, featureRow, featureValues, type FeatureRow, type PostInput } from './features';
import { PRIOR_ENGAGEMENT_PER_FOLLOWER, PRIOR_SPREAD } from './priors';
import { predictRow } from './ridge';
import { ENGAGEMENT_MODEL_SETTINGS as SETTINGS } from './settings';
import type { EngagementModel, FittedEngagementModel } from './train';

export type BaselineSource = 'account median' | 'followers' | 'organization median';

/** A predicted engagement with its interval, and what it rests on. */
export interface PostPrediction {
  basis: 'model' | 'priors';
  /** Why priors were used; absent for the model. */
  reason?: string;
  /** Predicted interactions (likes + comments + shares + saves + clicks): the typical outcome, not the mean. */
  engagement: number;
  /** The `intervalLevel` interval, in interactions. */
  low: number;
  high: number;
  baseline: { engagement: number; posts: number; source: BaselineSource };
  /** The features, when the model predicted. */
  row?: FeatureRow;
}

const fromLog = (value: number): number => Math.max(0, Math.expm1(value));

const clamp = (value: number, range: { min: number; max: number }) =>
  Math.min(range.max, Math.max(range.min, value));

/**
 * The row as the model may read it: length, hashtags and media clamped into what the training
 * posts had (then the features recomputed, so a square follows its base), and every other
 * feature that is not derived clamped into its training range (train.ts, `ranges`). `content`
 * stays the post's own, so what is said about it (factors, suggestions) is what it holds.
 */
export function clampedRow(model: FittedEngagementModel, row: FeatureRow): FeatureRow {
  const content = {
    ...row.content,
    length: clamp(row.content.length, model.contentRanges.length),
    hashtags: clamp(row.content.hashtags, model.contentRanges.hashtags),
    mediaCount: clamp(row.content.mediaCount, model.contentRanges.mediaCount),
  };
  const fresh = featureValues(content, row.local, {
    slot: row.slot,
    audience: row.audience,
    baseline: row.baseline,
  });
  const values = fresh.map((v, j) => (FEATURES[j]!.derived ? v : clamp(v, model.ranges[j]!)));
  return { ...row, values };
}

/** Applies the fitted model to a row on a network it was trained on, its values clamped into training's. */
export function modelPrediction(
  model: FittedEngagementModel,
  platform: PostInput['platform'],
  unclamped: FeatureRow,
): PostPrediction {
  const row = clampedRow(model, unclamped);
  const point =
    Math.log1p(row.baseline.engagement) +
    predictRow(model.fit, designRow(model.design, platform, row.values));
  return {
    basis: 'model',
    engagement: fromLog(point),
    low: fromLog(point + model.offsets.low),
    high: fromLog(point + model.offsets.high),
    baseline: { engagement: row.baseline.engagement, posts: row.baseline.posts, source: 'account median' },
    row,
  };
}

function spread(center: number, factor: number): { low: number; high: number } {
  return { low: center / factor, high: center * factor };
}

/** The documented priors (priors.ts) for a post, as known at `knownAt`; null when there is nothing to start from. */
export function priorPrediction(
  model: EngagementModel,
  post: PostInput,
  knownAt: Date,
  reason: string,
): PostPrediction | null {
  const { history } = model;
  const own = history.knownAt(post.socialAccountId, knownAt).slice(-SETTINGS.baselinePosts);
  if (own.length > 0) {
    const engagement = median(own.map((p) => p.engagement));
    return {
      basis: 'priors',
      reason,
      engagement,
      ...spread(engagement, PRIOR_SPREAD.accountMedian),
      baseline: { engagement, posts: own.length, source: 'account median' },
    };
  }
  const followers = post.followersAtPublish ?? history.followersOf(post.socialAccountId);
  if (followers !== null && followers > 0) {
    const engagement = followers * PRIOR_ENGAGEMENT_PER_FOLLOWER[post.platform];
    return {
      basis: 'priors',
      reason,
      engagement,
      ...spread(engagement, PRIOR_SPREAD.followers),
      baseline: { engagement, posts: 0, source: 'followers' },
    };
  }
  const known = history.accounts().flatMap((account) => history.knownAt(account, knownAt));
  const sameNetwork = known.filter((p) => p.outcome.platform === post.platform);
  const pool = sameNetwork.length > 0 ? sameNetwork : known;
  if (pool.length === 0) return null;
  const engagement = median(pool.map((p) => p.engagement));
  return {
    basis: 'priors',
    reason,
    engagement,
    ...spread(engagement, PRIOR_SPREAD.organizationMedian),
    baseline: { engagement, posts: pool.length, source: 'organization median' },
  };
}

/**
 * Predicts `post` from what was known at `knownAt` (its publication in a backtest, now for a
 * draft): the model when it is fitted, knows the network and the account has a baseline;
 * otherwise the priors, saying which of those was missing. Null only when the organization has
 * no mature post and the account no follower count.
 */
export function predictPost(model: EngagementModel, post: PostInput, knownAt: Date): PostPrediction | null {
  if (model.basis === 'priors') return priorPrediction(model, post, knownAt, model.reason);
  if (!model.design.platforms.includes(post.platform))
    return priorPrediction(model, post, knownAt, `the model has no trained posts on ${post.platform}`);
  const row = featureRow(post, model.history, knownAt, model.sentiment);
  if (!row)
    return priorPrediction(
      model,
      post,
      knownAt,
      `the account has fewer than ${SETTINGS.minBaselinePosts} mature posts, so no baseline to predict against`,
    );
  return modelPrediction(model, post.platform, row);
}
