import * as z from 'zod';
import { PLATFORM_IDS } from '../../../shared/platforms/catalog';

/**
 * The smart scheduler's output as the pipeline stores it (smartSchedule's result, JSON): the
 * pipeline validates with `smartScheduleResult` before storing. Dates are ISO strings.
 */
const interval = z.object({ low: z.number(), high: z.number() });
const basis = z.enum(['posts', 'posts and prior', 'prior']);
const weekday = z.number().int().min(0).max(6);
const hour = z.number().int().min(0).max(23);
const byWeekdayAndHour = <T extends z.ZodType>(cell: T) => z.array(z.array(cell).length(24)).length(7);

export const rankedSlot = z.object({
  weekday,
  hour,
  label: z.string(),
  multiplier: z.number().positive(),
  interval,
  posts: z.number().int().nonnegative(),
  observed: z.number().positive().nullable(),
  basis,
});

export const backtestResult = z.discriminatedUnion('supported', [
  z.object({
    supported: z.literal(true),
    metric: z.string(),
    model: z.number(),
    baseline: z.number(),
    improvement: z.number(),
    interval: interval.optional(),
    n: z.object({
      model: z.number().int(),
      baseline: z.number().int(),
      train: z.number().int(),
      test: z.number().int(),
    }),
    cut: z.iso.datetime(),
    k: z.number().int().positive(),
    modelSlots: z.array(z.string()),
    baselineSlots: z.array(z.string()),
  }),
  z.object({
    supported: z.literal(false),
    reason: z.string(),
    n: z.object({ train: z.number().int(), test: z.number().int() }).optional(),
  }),
]);

export const accountBestTimes = z.object({
  accountId: z.string(),
  platform: z.enum(PLATFORM_IDS),
  timeZone: z.string(),
  supported: z.boolean(),
  reason: z.string().optional(),
  ranked: z.array(rankedSlot),
  grid: z.object({
    multiplier: byWeekdayAndHour(z.number().positive()),
    low: byWeekdayAndHour(z.number().positive()),
    high: byWeekdayAndHour(z.number().positive()),
    posts: byWeekdayAndHour(z.number().int().nonnegative()),
    basis: byWeekdayAndHour(basis),
  }),
  evidence: z.object({
    postsUsed: z.number().int().nonnegative(),
    excluded: z.object({
      immature: z.number().int().nonnegative(),
      noFigures: z.number().int().nonnegative(),
      noFollowers: z.number().int().nonnegative(),
    }),
    baseline: z.enum(['followers', 'rolling-median']),
    postSpread: z.number().nonnegative(),
    specialShare: z.number().min(0).max(1),
    slotsWithPosts: z.number().int().nonnegative(),
    prior: z.string(),
  }),
  backtest: backtestResult,
});

export const plannedPost = z.object({
  draftId: z.string(),
  socialAccountId: z.string(),
  at: z.iso.datetime(),
  timeZone: z.string(),
  localTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
  label: z.string(),
  multiplier: z.number().positive(),
  interval,
  basis,
  reason: z.string(),
});

export const schedulePlan = z.object({
  planned: z.array(plannedPost),
  unplaced: z.array(z.object({ draftId: z.string(), socialAccountId: z.string(), reason: z.string() })),
  settings: z.object({
    days: z.number(),
    minSpacingHours: z.number(),
    maxPerDay: z.number(),
    leadMinutes: z.number(),
    minute: z.number(),
    networkDailyLimits: z.partialRecord(z.enum(PLATFORM_IDS), z.number()),
  }),
});

export const smartScheduleResult = z.object({
  accounts: z.array(accountBestTimes),
  plan: schedulePlan.nullable(),
});

export type SmartScheduleResultJson = z.infer<typeof smartScheduleResult>;
