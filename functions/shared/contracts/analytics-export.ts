import * as z from 'zod';
import { DEFINITIONS } from '../analytics/definitions';
import { EXPORT_DATASETS, EXPORT_FORMATS } from '../analytics/export-columns';
import { PLATFORM_IDS } from '../platforms/catalog';
import { figure, rangeQuery } from './analytics-query';
import { calendarDate, timeZone, timestamp } from './common';
import { report } from './analytics-reports';
import type { AreaContracts } from './contract';

const exportRow = z
  .object({
    day: z
      .string()
      .optional()
      .describe('`daily` only: the viewer-zone day whose last synced reading the figures are'),
    targetId: z.uuid().describe('The post as published on one network'),
    postId: z.uuid(),
    platform: z.enum(PLATFORM_IDS),
    accountName: z.string().nullable(),
    publishedAt: timestamp,
    url: z.string().nullable().describe('The post on the network'),
    text: z.string().optional().describe('`posts` only: the text as published on this network'),
    impressions: figure('Times it was shown'),
    reach: figure('Accounts that saw it'),
    likes: figure('Likes'),
    comments: figure('Comments and replies'),
    shares: figure('Shares, reposts and quotes'),
    clicks: figure('Link clicks'),
    saves: figure('Saves and bookmarks'),
    videoViews: figure('Video views or plays'),
    engagement: figure(DEFINITIONS.engagement),
    engagementRate: figure(DEFINITIONS.engagementRate),
    asOf: timestamp.nullable().describe('When these figures were synced; null before the first sync'),
    source: z.string().nullable().describe('Where they came from: the network and the API call'),
    unavailable: z.record(z.string(), z.string()).describe('Why each null figure is null'),
  })
  .meta({ id: 'AnalyticsExportRow' });

const RANGE_ERRORS = { 400: 'The range runs backwards or spans more than 730 days.' } as const;

const exportChoice = {
  format: z
    .enum(EXPORT_FORMATS)
    .default('csv')
    .describe('`csv` (a header line, then one line per row) or `json` (one array of rows)'),
  dataset: z
    .enum(EXPORT_DATASETS)
    .default('posts')
    .describe(
      '`posts`: each network copy of each post published in the range with its latest metrics; `daily`: the same copies, one row per day of the range on which their metrics were synced, with the figures as that day ended',
    ),
};

const queuedExport = {
  description:
    'In AWS, an export of more rows than one request can write (ANALYTICS_INLINE_EXPORT_ROWS, 50,000 by default) is made in the background instead: the answer is the pending export (`Location`: the reports list), whose file appears among the reports when it is ready; whoever asked is told in the app and by email.',
  schema: report,
};

export const analyticsExportContracts = {
  exportAnalytics: {
    query: rangeQuery.extend(exportChoice),
    otherResponses: { '202': queuedExport },
    responseContent: {
      'text/csv': z
        .string()
        .describe(
          'The rows as CSV with a header line; columns as in AnalyticsExportRow. A figure the network does not give is an empty cell (never 0) and `unavailable` says why (`metric: reason; …`). Text cells that a spreadsheet would run as a formula (starting with = + - @) begin with an apostrophe.',
        ),
      'application/json': z
        .array(exportRow)
        .describe('The rows as one JSON array; a figure the network does not give is null, with its reason'),
    },
    redirects: {
      303: 'In AWS, where API Gateway cannot stream a Lambda answer: the export was written to private storage, and `Location` is a link to it that works for 15 minutes.',
    },
    errors: RANGE_ERRORS,
  },
  requestAnalyticsExport: {
    body: z
      .object({
        from: calendarDate.describe('First day, in `timeZone`'),
        to: calendarDate.describe('Last day (inclusive); at most 730 days after `from`'),
        timeZone: timeZone.describe("The viewer's zone: days start and end at its midnight"),
        accountIds: z.array(z.uuid()).max(100).optional().describe('Only these accounts (all when left out)'),
        platforms: z
          .array(z.enum(PLATFORM_IDS))
          .max(PLATFORM_IDS.length)
          .optional()
          .describe('Only these networks (all when left out)'),
        ...exportChoice,
      })
      .strict()
      .describe('The same choice as `GET /api/analytics/export`, as a JSON body'),
    response: report.describe(
      'The pending export: its one file appears (`files`, `downloadPath`) once the background job wrote it; whoever asked is told in the app and by email',
    ),
    successStatus: 202,
    errors: RANGE_ERRORS,
  },
} satisfies AreaContracts<'analytics'>;
