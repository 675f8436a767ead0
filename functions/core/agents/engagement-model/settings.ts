/**
 * The engagement predictor's fixed choices, in one place so the README and the tests can name
 * them. Each says why it has the value it has.
 */
export const ENGAGEMENT_MODEL_SETTINGS = {
  /**
   * A post's figures are taken as final this long after publication. Networks keep counting for
   * days, but most interactions arrive in the first 48 hours (the Sandbox's attention decays with
   * a two-hour e-folding time; real feeds are similar), so three days is past the bulk of it
   * while keeping recent posts usable. Younger posts neither train the model nor count in a
   * baseline: their totals are still growing and would read as "did badly".
   */
  matureDays: 3,
  /** The account baseline: the median engagement of the account's last this-many mature posts. */
  baselinePosts: 12,
  /** Fewer mature earlier posts than this and a post has no baseline (it neither trains nor is tested). */
  minBaselinePosts: 3,
  /**
   * Below this many trainable posts (mature, with figures and a baseline) in the organization,
   * the model is not fitted and the prediction comes from the documented priors (priors.ts):
   * about 20 features need several posts each before their effects mean anything.
   */
  minTrainingPosts: 60,
  /**
   * Out-of-fold residuals the interval needs. An 80 % interval has finite ends from 9 ((n + 1) * 0.9 <= n);
   * 15 keeps its ends from resting on one or two posts.
   */
  minCalibrationPosts: 15,
  /** The interval's coverage. */
  intervalLevel: 0.8,
  /**
   * Slot lift (the account's own weekday x hour effect) is shrunk toward 0 by n / (n + this):
   * with three posts in a slot it counts half, with thirty nine-tenths.
   */
  slotShrinkage: 3,
  /**
   * One post's deviation from its baseline counts at most this much (log units, about x7.4) in a
   * slot's lift: one viral post must not make its hour look like the best.
   */
  slotDeviationCap: 2,
  /** Ridge penalties tried, chosen by chronological cross-validation (features are standardised). */
  lambdaGrid: [0.3, 1, 3, 10, 30, 100],
  /** Chronological folds of that cross-validation (whose out-of-fold residuals also make the interval). */
  cvFolds: 5,
  /** Huber's tuning constant: 95 % efficiency under normal errors, bounded influence of viral posts. */
  huberK: 1.345,
  /** Iteratively reweighted least squares steps for the Huber fit. */
  huberIterations: 10,
  /** A timing suggestion goes only to a weekday-hour the account has published in at least this often. */
  minSlotPosts: 3,
  /** An edit is suggested only when its predicted gain is at least this (5 %) ... */
  minSuggestedGain: 0.05,
  /** ... and the two-sided 95 % interval of that gain excludes 0 (z = 1.96). */
  suggestionZ: 1.96,
  /** The backtest needs at least this many test posts (after the cut, mature, with a baseline). */
  minTestPosts: 20,
  /** Paired bootstrap resamples for the backtest's improvement interval (seeded). */
  bootstrapResamples: 500,
} as const;

export const DAY_MS = 86_400_000;
