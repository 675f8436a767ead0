import * as z from 'zod';
import { ALERT_LEVELS } from './alert-rules';

/**
 * The crisis manager's outputs as the pipeline stores them (JSON, instants as ISO strings):
 * `crisisAlert` for `assessCrisisNow` (the hourly sweep), `crisisReport` for `detectCrisis`.
 */
const level = z.enum(ALERT_LEVELS);
const probability = z.number().min(0).max(1);

export const crisisEvidence = z.object({
  windowHours: z.number().int().positive(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  mentions: z.number().int().nonnegative(),
  expected: z.number().nonnegative(),
  ratio: z.number().nonnegative(),
  negative: z.number().int().nonnegative(),
  labelled: z.number().int().nonnegative(),
  negativeShare: probability.nullable(),
  baselineNegativeShare: probability,
  expectedNegative: z.number().nonnegative(),
  pVolume: probability,
  pNegativeShare: probability,
  pNegativeVolume: probability,
  zVolume: z.number(),
});

export const baselineSummary = z.discriminatedUnion('supported', [
  z.object({
    supported: z.literal(true),
    days: z.number().int().nonnegative(),
    excludedDays: z.number().int().nonnegative(),
    mentions: z.number().int().nonnegative(),
    hourlyMean: z.number().nonnegative(),
    negativeShare: probability,
    dispersion: z.number().min(1),
    timeZone: z.string(),
  }),
  z.object({
    supported: z.literal(false),
    reason: z.string(),
    days: z.number().int().nonnegative(),
    mentions: z.number().int().nonnegative(),
  }),
]);

export const crisisAlert = z.object({
  level,
  previousLevel: level,
  notify: z.boolean(),
  startedAt: z.iso.datetime().nullable(),
  assessedAt: z.iso.datetime(),
  evidence: crisisEvidence.nullable(),
  baseline: baselineSummary,
});

export const crisisBacktest = z.discriminatedUnion('supported', [
  z.object({
    supported: z.literal(true),
    metric: z.string(),
    model: z.number(),
    baseline: z.number(),
    improvement: z.number(),
    n: z.number().int().positive(),
    note: z.string(),
  }),
  z.object({ supported: z.literal(false), reason: z.string() }),
]);

export const crisisReport = z.object({
  current: crisisAlert,
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  timeline: z.array(
    z.object({
      hour: z.iso.datetime(),
      level,
      mentions: z.number().int().nonnegative(),
      negative: z.number().int().nonnegative(),
    }),
  ),
  episodes: z.array(
    z.object({
      from: z.iso.datetime(),
      to: z.iso.datetime(),
      peak: level,
      peakAt: z.iso.datetime(),
      mentions: z.number().int().nonnegative(),
      negative: z.number().int().nonnegative(),
    }),
  ),
  backtest: crisisBacktest,
});
