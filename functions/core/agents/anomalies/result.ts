import * as z from 'zod';
import type { Anomaly, DayAssessment } from './anomaly-runs';
import type { BacktestResult } from './backtest';
import { ACCOUNT_METRICS } from './daily-series';
import type { PostGrowthReading } from './post-growth';
import { SEVERITIES } from './severity';

/** The performance tracker's output, as the task pipeline validates it before storing. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const severity = z.enum(SEVERITIES);
const direction = z.enum(['spike', 'drop']);
const metric = z.enum(ACCOUNT_METRICS);

export const anomalySchema = z.object({
  start: day,
  end: day,
  days: z.number().int().positive(),
  direction,
  kind: z.enum(['outlier', 'level-shift']),
  severity,
  severityAtStart: severity,
  peak: z.object({
    day,
    observed: z.number(),
    expected: z.number(),
    change: z.number().nullable(),
    z: z.number(),
  }),
});

export const dayAssessmentSchema = z.object({
  day,
  observed: z.number().nullable(),
  expected: z.number().nullable(),
  z: z.number().nullable(),
  change: z.number().nullable(),
  severity: severity.nullable(),
  direction: direction.nullable(),
});

export const backtestSchema = z.union([
  z.object({
    supported: z.literal(true),
    metric: z.string(),
    model: z.number(),
    baseline: z.number(),
    improvement: z.number(),
    interval: z.object({ low: z.number(), high: z.number() }),
    n: z.object({ train: z.number().int(), test: z.number().int() }),
    cut: day,
  }),
  z.object({ supported: z.literal(false), reason: z.string() }),
]);

export const seriesResultSchema = z.object({
  socialAccountId: z.string(),
  metric,
  now: z.object({
    day,
    status: z.enum(['usual', 'unusual', 'no-reading', 'insufficient-history']),
    assessment: dayAssessmentSchema.nullable(),
    anomaly: anomalySchema.nullable(),
    alert: z.object({ severity, reason: z.enum(['new', 'escalated', 'level-shift']) }).nullable(),
  }),
  /** Anomalies of the series in the look-back, most recent first. */
  anomalies: z.array(anomalySchema),
  backtest: backtestSchema,
});

export const postReadingSchema = z.object({
  at: z.string(),
  hoursAfterPublish: z.number(),
  observed: z.number(),
  expected: z.number(),
  z: z.number(),
  severity: severity.nullable(),
  direction: direction.nullable(),
  reference: z.number().int(),
});

export const postResultSchema = z.object({
  targetId: z.string(),
  socialAccountId: z.string(),
  publishedAt: z.string(),
  status: z.enum(['unusual', 'usual', 'insufficient-history']),
  firstAlert: postReadingSchema.nullable(),
  peak: postReadingSchema.nullable(),
});

export const alertSchema = z.object({
  socialAccountId: z.string(),
  /** An account metric, or `post` for a post growing unlike the account's others. */
  subject: z.union([metric, z.literal('post')]),
  targetId: z.string().nullable(),
  severity,
  direction,
  reason: z.enum(['new', 'escalated', 'level-shift']),
  /** The day (account metrics) or the instant (posts) it is about. */
  at: z.string(),
  observed: z.number(),
  expected: z.number(),
  change: z.number().nullable(),
});

export const summarySchema = z.object({
  from: day,
  to: day,
  movers: z.array(
    z.object({
      socialAccountId: z.string(),
      metric,
      current: z.number(),
      previous: z.number(),
      change: z.number().nullable(),
    }),
  ),
  anomalies: z.array(z.object({ socialAccountId: z.string(), metric, anomaly: anomalySchema })),
  severities: z.object({ info: z.number().int(), warning: z.number().int(), critical: z.number().int() }),
});

export const performanceTrackerResultSchema = z.object({
  asOf: z.string(),
  series: z.array(seriesResultSchema),
  posts: z.array(postResultSchema),
  /** What to notify now, most severe first. */
  alerts: z.array(alertSchema),
  summary: summarySchema,
});

export type PerformanceTrackerResult = z.infer<typeof performanceTrackerResultSchema>;
export type TrackerAlert = z.infer<typeof alertSchema>;

// The schemas describe the modules' own types: these fail to compile when the two drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _anomaly: Same<z.infer<typeof anomalySchema>, Anomaly> = true;
const _day: Same<z.infer<typeof dayAssessmentSchema>, DayAssessment> = true;
const _backtest: Same<z.infer<typeof backtestSchema>, BacktestResult> = true;
const _reading: Same<z.infer<typeof postReadingSchema>, PostGrowthReading> = true;
