import * as z from 'zod';
import { rangeQuery } from './analytics-query';
import type { AreaContracts } from './contract';

const SOURCES =
  'the organization’s published posts (each network copy), its mentions, and its tracked competitors’ posts (as Plume read them)';

const sourceCounts = z
  .object({
    ownPosts: z.number().int(),
    mentions: z.number().int(),
    competitorPosts: z.number().int(),
  })
  .meta({ id: 'TrendSourceCounts' });

const trendTerm = z
  .object({
    term: z.string().describe('A hashtag with its `#` (lower-case, NFKC) or a word (lower-case)'),
    kind: z.enum(['hashtag', 'word']),
    total: z
      .number()
      .int()
      .describe('Texts of the period using it; a text counts once however often it says it'),
    previous: z.number().int().describe('The same count in the period of the same length just before'),
    growth: z
      .number()
      .nullable()
      .describe('Percent change from the previous period; null when it was not used then (new)'),
    counts: z.array(z.number().int()).describe('Per bucket, in the order of `buckets`'),
    bySource: sourceCounts.describe('Of `total`, how many texts came from each source'),
  })
  .meta({ id: 'TrendTerm' });

export const trendContracts = {
  getTrendAnalytics: {
    query: rangeQuery
      .extend({
        bucket: z
          .enum(['day', 'week'])
          .default('day')
          .describe('Count per viewer day, or per ISO week (Monday first)'),
        limit: z.coerce
          .number()
          .int()
          .min(1)
          .max(100)
          .default(20)
          .describe('How many terms and rising terms'),
      })
      .strict(),
    response: z
      .object({
        timeZone: z.string(),
        from: z.string(),
        to: z.string(),
        bucket: z.enum(['day', 'week']),
        buckets: z.array(z.string()).describe('Each bucket’s first day (YYYY-MM-DD, viewer zone)'),
        texts: sourceCounts.describe('Texts read in the period, by source'),
        terms: z.array(trendTerm).describe('The most used terms of the period, most used first'),
        rising: z
          .array(trendTerm)
          .describe(
            `Rising terms: used at least twice in the period and more than in the previous one, by how many more texts use them, new terms first among equals`,
          ),
        asOf: z.string().describe('When this was computed (the texts are as stored then)'),
        source: z.string(),
      })
      .describe(
        `Terms and hashtags over time across ${SOURCES}. Hashtags: a # not inside a word or link, followed by letters, digits or underscores with one letter at least, compared case-insensitively. Words: Unicode word segmentation (Intl.Segmenter), lower-cased, without links, mentions, hashtags, numbers, one- or two-letter Latin words and the stop words of English, German, French and Spanish (the stopword package's lists).`,
      )
      .meta({ id: 'TrendAnalytics' }),
    errors: { 400: 'The range runs backwards or spans more than 730 days.' },
  },
} satisfies AreaContracts<'analytics'>;
