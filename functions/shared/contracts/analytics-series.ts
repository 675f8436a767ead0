import * as z from 'zod';
import { DEFINITIONS } from '../analytics/definitions';
import { timestamp } from './common';

/** The most snapshots a posts-table row's sparkline carries (its newest). */
export const SPARKLINE_POINTS = 24;

/** One of the viewer's days in an overview period, for the trend charts. */
export const analyticsDay = z
  .object({
    date: z.string().describe('The day (YYYY-MM-DD) in the viewer zone'),
    posts: z.number().int().describe('Posts published that day, one per network copy'),
    engagement: z
      .number()
      .nullable()
      .describe(
        `Engagement of the posts published that day, each by its latest snapshot (snapshots hold running totals, so a post counts on the day it went out, with all it has gathered since). ${DEFINITIONS.engagement} Null when no post of that day has any of its parts, and on a day without posts: never 0 for missing data.`,
      ),
    impressions: z
      .number()
      .nullable()
      .describe(
        'Impressions of the posts published that day, each by its latest snapshot; null when none of them has impressions (or no post went out).',
      ),
  })
  .meta({ id: 'AnalyticsDay' });

export const analyticsDays = z
  .array(analyticsDay)
  .describe('Every day of the period in order, days without posts included (with nulls)');

/** One point of a post's sparkline: its engagement as one sync found it. */
export const sparklinePoint = z
  .object({
    at: timestamp.describe('When the snapshot was taken'),
    engagement: z
      .number()
      .nullable()
      .describe(
        `${DEFINITIONS.engagement} As of that snapshot (a running total); null when the network reports none of its parts.`,
      ),
  })
  .meta({ id: 'SparklinePoint' });

export const sparkline = z
  .array(sparklinePoint)
  .describe(`The post's engagement at each of its latest ${SPARKLINE_POINTS} metric snapshots, oldest first`);
