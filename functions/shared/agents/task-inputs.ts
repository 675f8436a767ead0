import * as z from 'zod';
import { timestamp, timeZone as zone } from '../contracts/common';
import { PLATFORM_IDS } from '../platforms/catalog';

/**
 * What each agent task takes: the request body of its route, stored as the task's
 * `input_data` and read again by the worker (the queue message carries only the task id).
 */
const platforms = z.array(z.enum(PLATFORM_IDS)).min(1).max(PLATFORM_IDS.length);
const timeZone = zone.describe('IANA zone in which days and hours are read');

export const generateContentInput = z
  .object({
    brief: z
      .string()
      .trim()
      .min(3)
      .max(2000)
      .describe('What the post is about: the idea, the news, the offer'),
    platforms: platforms.describe('The networks to draft for: one draft per network and variant'),
    variants: z.number().int().min(1).max(5).default(2).describe('Drafts per network'),
    goal: z
      .enum(['engagement', 'clicks', 'awareness', 'conversation'])
      .default('engagement')
      .describe('What the post should do'),
    includeHashtags: z.boolean().default(true),
  })
  .strict();

export const improveContentInput = z
  .object({
    text: z.string().trim().min(1).max(10_000),
    platform: z.enum(PLATFORM_IDS).describe('The network the text is for (its rules apply)'),
    goal: z
      .enum(['engagement', 'clarity', 'shorter', 'friendlier', 'more_formal', 'call_to_action'])
      .describe('What to improve the text toward'),
  })
  .strict();

export const suggestHashtagsInput = z
  .object({
    text: z.string().trim().min(1).max(10_000),
    platform: z.enum(PLATFORM_IDS),
    count: z.number().int().min(1).max(30).default(5),
  })
  .strict();

export const analyzeTrendsInput = z
  .object({
    days: z
      .number()
      .int()
      .min(1)
      .max(90)
      .default(7)
      .describe('The recent window, compared with the weeks before it'),
    timeZone,
  })
  .strict();

export const optimizeScheduleInput = z
  .object({
    accountIds: z
      .array(z.uuid())
      .max(100)
      .optional()
      .describe('The accounts to plan for (all when left out)'),
    postIds: z
      .array(z.uuid())
      .max(100)
      .optional()
      .describe('Drafts to place in the best upcoming slots; without them, the best times alone'),
    days: z.number().int().min(1).max(28).default(7).describe('How far ahead to plan'),
    timeZone: timeZone.describe("The audience's zone: the weekday and hour the slots are read in"),
    apply: z
      .boolean()
      .default(false)
      .describe('Set the drafts’ proposed times (they stay drafts awaiting approval)'),
  })
  .strict();

export const predictEngagementInput = z
  .object({
    text: z.string().trim().min(1).max(10_000),
    accountId: z.uuid().describe('The account it would be published on'),
    scheduledAt: timestamp.optional().describe('When; the next hour when left out'),
    mediaCount: z.number().int().min(0).max(20).default(0),
    timeZone,
  })
  .strict();

export const analyzeCompetitorsInput = z
  .object({
    days: z.number().int().min(7).max(365).default(30),
    timeZone,
  })
  .strict();

export type GenerateContentInput = z.infer<typeof generateContentInput>;
export type ImproveContentInput = z.infer<typeof improveContentInput>;
export type SuggestHashtagsInput = z.infer<typeof suggestHashtagsInput>;
export type AnalyzeTrendsInput = z.infer<typeof analyzeTrendsInput>;
export type OptimizeScheduleInput = z.infer<typeof optimizeScheduleInput>;
export type PredictEngagementInput = z.infer<typeof predictEngagementInput>;
export type AnalyzeCompetitorsInput = z.infer<typeof analyzeCompetitorsInput>;
