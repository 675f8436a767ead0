import * as z from 'zod';
import { DEFINITIONS } from '../analytics/definitions';
import { POST_TABLE_SORTS } from '../analytics/metrics';
import { PLATFORM_IDS } from '../platforms/catalog';
import { audienceContracts } from './analytics-audience';
import { analyticsExportContracts } from './analytics-export';
import { analyticsReportContracts } from './analytics-reports';
import { competitorContracts } from './analytics-competitors';
import { trendContracts } from './analytics-trends';
import { figure, rangeQuery } from './analytics-query';
import { analyticsDays, sparkline } from './analytics-series';
import { timestamp } from './common';
import type { AreaContracts } from './contract';

const periodFigures = z
  .object({
    from: z.string().describe('First day (YYYY-MM-DD, viewer zone)'),
    to: z.string().describe('Last day, inclusive'),
    start: timestamp.describe('The instant the first day starts'),
    end: timestamp.describe('The instant after the last day ends'),
    posts: z
      .number()
      .int()
      .describe('Posts published in the period, one per network (a post on three networks counts three)'),
    impressions: figure('Times these posts were shown'),
    reach: figure('Accounts that saw them, added per post'),
    likes: figure('Likes'),
    comments: figure('Comments and replies'),
    shares: figure('Shares, reposts and quotes'),
    clicks: figure('Link clicks'),
    engagement: figure(DEFINITIONS.engagement),
    engagementRate: figure(
      `${DEFINITIONS.engagementRate} Over a period: the engagement of the posts that have impressions / their impressions x 100.`,
    ),
    unavailable: z.record(z.string(), z.string()).describe('Why each null figure is null'),
    days: analyticsDays,
  })
  .meta({ id: 'AnalyticsPeriod' });

export const analyticsOverview = z
  .object({
    timeZone: z.string(),
    current: periodFigures.describe('The period asked for'),
    previous: periodFigures.describe('The same number of days just before it, for comparison'),
    change: z
      .record(z.string(), z.number().nullable())
      .describe(
        'Change from the previous period in percent, by figure; null where either is null or the previous is 0',
      ),
    asOf: timestamp.nullable().describe('When the newest metrics used were synced'),
    sources: z.array(z.string()).describe('Where the metrics came from: each network and API call'),
    staleAccounts: z
      .array(
        z.object({
          id: z.uuid(),
          platform: z.enum(PLATFORM_IDS),
          name: z.string().nullable(),
          lastSync: timestamp.nullable().describe('Its last good sync; null when it never synced'),
        }),
      )
      .describe(
        'Accounts in scope whose figures are stale: their last good sync is older than twice their cadence (2 hours while they have a post from the last 48 hours, else 2 days), or they never synced. Their posts count with the last figures Plume has.',
      ),
  })
  .describe(
    `Headline figures of the organization's posts published in the viewer's days, from each post's latest synced metrics, with the previous period of the same length. ${DEFINITIONS.total}`,
  )
  .meta({ id: 'AnalyticsOverview' });

const postPerformanceRow = z
  .object({
    targetId: z.uuid(),
    postId: z.uuid(),
    platform: z.enum(PLATFORM_IDS),
    accountName: z.string().nullable(),
    publishedAt: timestamp,
    title: z.string().nullable(),
    text: z.string().describe("The text as published on this network (its variant, else the post's)"),
    url: z.string().nullable().describe('The post on the network'),
    mediaId: z.uuid().nullable().describe('The first attachment, for a thumbnail (GET /api/media/{id})'),
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
    unavailable: z.record(z.string(), z.string()).describe('Why each null figure is null'),
    asOf: timestamp.nullable().describe('When these metrics were synced; null before the first sync'),
    source: z.string().nullable().describe('Where they came from: the network and the API call'),
    sparkline,
  })
  .meta({ id: 'PostPerformance' });

const heatmapCell = z
  .object({
    weekday: z
      .number()
      .int()
      .min(1)
      .max(7)
      .describe('ISO weekday in the viewer zone: 1 = Monday ... 7 = Sunday'),
    hour: z.number().int().min(0).max(23).describe('Hour of the day in the viewer zone'),
    posts: z.number().int().describe('Posts published then (one per network copy)'),
    measured: z.number().int().describe('Of those, posts with synced metrics that report some engagement'),
    engagement: figure(DEFINITIONS.engagement),
    averageEngagement: figure('Engagement per measured post'),
    engagementRate: figure(
      `${DEFINITIONS.engagementRate} Per cell: the engagement of the posts that have impressions / their impressions x 100.`,
    ),
  })
  .meta({ id: 'EngagementHeatmapCell' });

/** Contracts of the analytics routes built so far (the others answer 501 until they are). */
export const analyticsContracts = {
  ...analyticsExportContracts,
  ...audienceContracts,
  ...analyticsReportContracts,
  ...competitorContracts,
  ...trendContracts,
  getAnalyticsOverview: {
    query: rangeQuery,
    response: analyticsOverview,
    errors: { 400: 'The range runs backwards or spans more than 730 days.' },
  },
  getPostAnalytics: {
    query: rangeQuery.extend({
      sort: z
        .enum(POST_TABLE_SORTS)
        .default('engagement')
        .describe('The figure to sort by; posts without it come last'),
      order: z.enum(['desc', 'asc']).default('desc'),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      limit: z.coerce.number().int().min(1).max(100).default(50),
    }),
    response: z
      .object({
        items: z
          .array(postPerformanceRow)
          .describe('Each network copy of each post published in the range, with its latest metrics'),
        total: z.number().int(),
        page: z.number().int(),
        limit: z.number().int(),
      })
      .meta({ id: 'PostPerformanceList' }),
    errors: { 400: 'The range runs backwards or spans more than 730 days.' },
  },
  getEngagementAnalytics: {
    query: rangeQuery,
    response: z
      .object({
        timeZone: z.string(),
        from: z.string(),
        to: z.string(),
        cells: z
          .array(heatmapCell)
          .describe(
            'All 168 weekday x hour cells of the viewer week, Monday 00:00 first, empty ones with 0 posts',
          ),
      })
      .meta({ id: 'EngagementHeatmap' }),
    errors: { 400: 'The range runs backwards or spans more than 730 days.' },
  },
} satisfies AreaContracts<'analytics'>;
