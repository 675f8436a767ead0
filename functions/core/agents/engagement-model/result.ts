import * as z from 'zod';
import { PLATFORM_IDS } from '../../../shared/platforms/catalog';

/**
 * The engagement predictor's answer, as the pipeline validates it before storing: the advice
 * (prediction, factors, edits) with its evidence (baseline, coefficients, counts) and the
 * model's own backtest against the trailing median. All figures are plain numbers: engagement
 * in interactions (likes + comments + shares + saves + clicks), effects as multipliers or
 * percentages.
 */
const finite = z.number().refine(Number.isFinite, 'finite number');
const count = z.number().int().nonnegative();

const FEATURE_GROUPS = [
  'timing',
  'length',
  'hashtags',
  'link',
  'question',
  'media',
  'sentiment',
  'audience',
  'recent level',
] as const;

export const factorSchema = z.object({
  factor: z.enum(FEATURE_GROUPS),
  value: z.string(),
  typical: z.string(),
  multiplier: finite.positive(),
  interval: z.tuple([finite.nonnegative(), finite.nonnegative()]),
  supported: z.boolean(),
  percent: finite,
  text: z.string(),
});

export const editSuggestionSchema = z.object({
  kind: z.enum(['media', 'hashtags', 'link', 'question', 'length', 'timing']),
  text: z.string(),
  from: z.string(),
  to: z.string(),
  at: z.iso.datetime().optional(),
  engagement: finite.nonnegative(),
  gainPercent: finite,
  gainInterval: z.tuple([finite, finite]),
});

export const withheldSuggestionSchema = editSuggestionSchema.extend({ reason: z.string() });

export const backtestMetricSchema = z.object({
  metric: z.enum(['mae', 'mae_log', 'spearman', 'coverage_80']),
  model: finite.nullable(),
  baseline: finite.nullable(),
  improvement: finite.nullable(),
  interval: z.tuple([finite, finite]).optional(),
  n: count,
});

const backtestCommon = { cut: z.iso.datetime(), trainedOn: count, tested: count };

export const engagementBacktestSchema = z.discriminatedUnion('supported', [
  z.object({ supported: z.literal(true), ...backtestCommon, metrics: z.array(backtestMetricSchema) }),
  z.object({ supported: z.literal(false), reason: z.string(), ...backtestCommon }),
]);

export const coefficientSchema = z.object({
  feature: z.string(),
  group: z.enum(FEATURE_GROUPS),
  /** Change of log engagement per unit of the feature, and its standard error. */
  perUnit: finite,
  standardError: finite.nonnegative(),
});

export const engagementPredictionSchema = z.discriminatedUnion('supported', [
  z.object({
    supported: z.literal(true),
    basis: z.enum(['model', 'priors']),
    /** Why the priors were used (thin history, a new account, an untrained network). */
    reason: z.string().optional(),
    draft: z.object({
      socialAccountId: z.string(),
      platform: z.enum(PLATFORM_IDS),
      plannedAt: z.iso.datetime(),
      timeZone: z.string(),
      length: count,
      hashtags: count,
      links: count,
      question: z.boolean(),
      mediaCount: count,
      sentiment: finite,
    }),
    prediction: z.object({
      engagement: finite.nonnegative(),
      interval: z.object({ low: finite.nonnegative(), high: finite.nonnegative(), level: finite }),
      baseline: z.object({
        engagement: finite.nonnegative(),
        posts: count,
        source: z.enum(['account median', 'followers', 'organization median']),
      }),
    }),
    factors: z.array(factorSchema),
    suggestions: z.array(editSuggestionSchema),
    withheld: z.array(withheldSuggestionSchema),
    evidence: z.object({
      asOf: z.iso.datetime(),
      trainedOn: count,
      calibrationPosts: count.optional(),
      lambda: finite.optional(),
      residualScale: finite.optional(),
      coefficients: z.array(coefficientSchema),
    }),
    backtest: engagementBacktestSchema,
  }),
  z.object({ supported: z.literal(false), reason: z.string(), backtest: engagementBacktestSchema }),
]);

export type EngagementPredictionResult = z.infer<typeof engagementPredictionSchema>;
