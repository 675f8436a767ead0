import type { Platform } from '../../../shared/platforms/catalog';
import type { PostOutcome } from '../post-outcomes';
import { zoneOf, type ZoneLookup } from './account-history';
import { backtestEngagementModel, defaultCut, type EngagementBacktest } from './backtest';
import { contentOf, FEATURES, type PostInput } from './features';
import { topFactors } from './factors';
import { predictPost } from './predict';
import type { EngagementPredictionResult } from './result';
import type { SentimentScorer } from './sentiment';
import { ENGAGEMENT_MODEL_SETTINGS as SETTINGS } from './settings';
import { editSuggestions } from './suggestions';
import { trainEngagementModel, type EngagementModel } from './train';

/** What the user is about to publish. */
export interface EngagementDraft {
  socialAccountId: string;
  platform: Platform;
  text: string;
  mediaCount: number;
  plannedAt: Date;
  /** The account's followers now, when the caller has a reading; else its last post's. */
  followers?: number | null;
}

export interface EngagementPredictorInput {
  /** The organization's published copies (loadPostOutcomes), any order. */
  outcomes: readonly PostOutcome[];
  /** Each account's audience zone (loadAccountZones). */
  zones: ZoneLookup;
  draft: EngagementDraft;
  /** When the prediction is made: the model knows the posts mature by then. */
  now: Date;
  sentiment?: SentimentScorer;
  /** The backtest's cut; by default the publication of the mature post at 75 % of the history. */
  cut?: Date;
}

function coefficientsOf(model: EngagementModel) {
  if (model.basis !== 'model') return [];
  const offset = model.design.platforms.length;
  return model.design.active.map((j, k) => {
    const sd = model.design.sd[j] as number;
    return {
      feature: FEATURES[j]!.name,
      group: FEATURES[j]!.group,
      perUnit: (model.fit.coefficients[offset + k] as number) / sd,
      standardError: Math.sqrt(model.fit.covariance[offset + k]![offset + k] as number) / sd,
    };
  });
}

function backtestOf(input: EngagementPredictorInput): EngagementBacktest {
  const cut = input.cut ?? defaultCut(input.outcomes, input.zones);
  if (!cut)
    return {
      supported: false,
      reason: 'no mature post with figures to backtest on',
      cut: input.now.toISOString(),
      trainedOn: 0,
      tested: 0,
    };
  return backtestEngagementModel(input.outcomes, {
    cut,
    zones: input.zones,
    ...(input.sentiment ? { sentiment: input.sentiment } : {}),
  });
}

/**
 * The engagement predictor's entry (README, "Engagement predictor"): trains on the
 * organization's history as of `now`, predicts the draft with its 80 % interval, names the
 * three factors that move it most against the account's typical post, lists the edits whose
 * gain the history supports (and those it does not), and backtests the model against the
 * trailing median. Deterministic: the same input gives the same answer.
 */
export function predictDraftEngagement(input: EngagementPredictorInput): EngagementPredictionResult {
  const model = trainEngagementModel(input.outcomes, {
    asOf: input.now,
    zones: input.zones,
    ...(input.sentiment ? { sentiment: input.sentiment } : {}),
  });
  const { draft } = input;
  const post: PostInput = {
    socialAccountId: draft.socialAccountId,
    platform: draft.platform,
    text: draft.text,
    mediaCount: draft.mediaCount,
    publishedAt: draft.plannedAt,
    followersAtPublish: draft.followers ?? model.history.followersOf(draft.socialAccountId),
  };
  const backtest = backtestOf(input);
  const prediction = predictPost(model, post, input.now);
  if (!prediction)
    return {
      supported: false,
      reason:
        'nothing to predict from: the organization has no post with figures mature for ' +
        `${SETTINGS.matureDays} days and the account has no follower count`,
      backtest,
    };
  const content = prediction.row?.content ?? contentOf(post, model.sentiment);
  const advice =
    model.basis === 'model' && prediction.row
      ? {
          factors: topFactors(model, draft.socialAccountId, prediction.row),
          ...editSuggestions(model, post, prediction.row, input.now),
        }
      : { factors: [], suggestions: [], withheld: [] };
  return {
    supported: true,
    basis: prediction.basis,
    ...(prediction.reason ? { reason: prediction.reason } : {}),
    draft: {
      socialAccountId: draft.socialAccountId,
      platform: draft.platform,
      plannedAt: draft.plannedAt.toISOString(),
      timeZone: zoneOf(input.zones, draft.socialAccountId),
      length: content.length,
      hashtags: content.hashtags,
      links: content.links,
      question: content.question,
      mediaCount: content.mediaCount,
      sentiment: content.sentiment,
    },
    prediction: {
      engagement: prediction.engagement,
      interval: { low: prediction.low, high: prediction.high, level: SETTINGS.intervalLevel },
      baseline: prediction.baseline,
    },
    ...advice,
    evidence: {
      asOf: input.now.toISOString(),
      trainedOn: model.trainedOn,
      ...(model.basis === 'model'
        ? {
            calibrationPosts: model.calibrationPosts,
            lambda: model.fit.lambda,
            residualScale: model.fit.scale,
          }
        : {}),
      coefficients: coefficientsOf(model),
    },
    backtest,
  };
}
