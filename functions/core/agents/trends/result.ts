import * as z from 'zod';
import { TREND_SOURCES } from '../../analytics/trends';
import type { TrendAnalysis } from './analyze-trends';

/** The trend analyzer's output, as the task pipeline validates it before storing. */
const sources = z.object(Object.fromEntries(TREND_SOURCES.map((s) => [s, z.number().int()])) as Record<
  (typeof TREND_SOURCES)[number],
  z.ZodNumber
>);

export const burstSchema = z.object({
  term: z.string(),
  kind: z.enum(['hashtag', 'word']),
  countWindow: z.number().int(),
  countBaseline: z.number().int(),
  expected: z.number(),
  growth: z.number().nullable(),
  pValue: z.number(),
  qValue: z.number(),
  score: z.number(),
  sources,
  counts: z.array(z.number().int()),
  peak: z.object({ bucket: z.string(), count: z.number().int() }),
  firstSeen: z.string(),
  related: z.array(z.string()),
});

export const trendAnalysisSchema = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  baseline: z.object({ from: z.string(), to: z.string() }),
  buckets: z.array(z.string()),
  texts: z.object({ window: sources, baseline: sources }),
  bursts: z.array(burstSchema),
  tested: z.number().int(),
  support: z.union([
    z.object({ supported: z.literal(true) }),
    z.object({ supported: z.literal(false), reason: z.string() }),
  ]),
  backtest: z.union([
    z.object({
      supported: z.literal(true),
      metric: z.string(),
      model: z.number(),
      baseline: z.number(),
      improvement: z.number(),
      n: z.object({ windows: z.number().int(), modelFlags: z.number().int(), baselineFlags: z.number().int() }),
    }),
    z.object({ supported: z.literal(false), reason: z.string() }),
  ]),
});

// The schema describes the module's own type: this fails to compile when the two drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _analysis: Same<z.infer<typeof trendAnalysisSchema>, TrendAnalysis> = true;
