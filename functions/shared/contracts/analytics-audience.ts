import * as z from 'zod';
import { AUDIENCE_DIMENSIONS } from '../analytics/account-metrics';
import { DEFINITIONS } from '../analytics/definitions';
import { PLATFORM_IDS } from '../platforms/catalog';
import { figure, rangeQuery } from './analytics-query';
import { timestamp } from './common';
import type { AreaContracts } from './contract';

const ERRORS = {
  400: 'The range runs backwards or spans more than 730 days, or the zone is unknown.',
} as const;

const STALE =
  'True when the account’s last good sync is older than its schedule allows: twice its cadence (2 hours while it has a post from the last 48 hours, else 2 days), or it never synced. Its figures are the last ones Plume has.';

const periodGrowth = z
  .object({
    start: figure(DEFINITIONS.followersAtStart),
    end: figure('Followers at the end: the last follower count synced within the range'),
    change: figure(DEFINITIONS.netFollowerChange),
    growthRate: figure(DEFINITIONS.followerGrowthRate),
  })
  .meta({ id: 'FollowerPeriodGrowth' });

const account = {
  id: z.uuid(),
  platform: z.enum(PLATFORM_IDS),
  name: z.string().nullable(),
  handle: z.string().nullable(),
  stale: z.boolean().describe(STALE),
  lastSync: timestamp.nullable().describe('The account’s last good sync'),
  asOf: timestamp.nullable().describe('When the newest reading used was taken'),
  source: z.string().nullable().describe('Where it came from: the network and the API call'),
};

const accountGrowth = z
  .object({
    ...account,
    current: periodGrowth.describe('The range asked for'),
    previous: periodGrowth.describe('The same number of days just before it'),
    days: z
      .array(z.object({ date: z.string(), followers: figure('The last follower count synced that day') }))
      .describe(
        'Every day of the range in the viewer zone; a day without a reading is null, never filled in',
      ),
    unavailable: z.record(z.string(), z.string()).describe('Why followers are null, when they are'),
  })
  .meta({ id: 'AccountFollowerGrowth' });

const totalGrowth = periodGrowth
  .extend({ accounts: z.number().int().describe('Accounts with a reading at both ends, added up') })
  .meta({ id: 'FollowerTotalGrowth' });

export const followerGrowthAnswer = z
  .object({
    timeZone: z.string(),
    from: z.string(),
    to: z.string(),
    previousFrom: z.string(),
    previousTo: z.string(),
    accounts: z.array(accountGrowth),
    total: z.object({
      current: totalGrowth,
      previous: totalGrowth,
      days: z.array(
        z.object({
          date: z.string(),
          followers: figure('The accounts’ follower counts that day, added up'),
          accounts: z.number().int().describe('How many accounts had a reading that day'),
        }),
      ),
    }),
    asOf: timestamp.nullable().describe('When the newest reading used was taken'),
    sources: z.array(z.string()).describe('Where the readings came from: each network and API call'),
  })
  .describe(
    `Follower growth per account and in total over the viewer's days, with the previous period of the same length, from the daily readings the sync keeps. ${DEFINITIONS.followersAtStart} ${DEFINITIONS.followerGrowthRate} ${DEFINITIONS.followerTotals}`,
  )
  .meta({ id: 'FollowerGrowth' });

const accountAudience = z
  .object({
    ...account,
    followers: figure('Followers at the end of the range'),
    demographics: z
      .partialRecord(z.enum(AUDIENCE_DIMENSIONS), z.record(z.string(), z.number().min(0).max(1)))
      .describe(
        'The latest audience reading in the range, by dimension: bucket -> share 0..1 of the followers (a dimension’s shares add up to 1)',
      ),
    engagement: figure(`${DEFINITIONS.engagement} Of the account’s posts published in the range`),
    engagementRateByFollowers: figure(DEFINITIONS.accountEngagementRateByFollowers),
    unavailable: z
      .record(z.string(), z.string())
      .describe('Why each missing dimension, followers or the rate is null, by name'),
  })
  .meta({ id: 'AccountAudience' });

export const audienceAnswer = z
  .object({
    timeZone: z.string(),
    from: z.string(),
    to: z.string(),
    accounts: z.array(accountAudience),
    asOf: timestamp.nullable(),
    sources: z.array(z.string()),
  })
  .describe(
    `Who follows each account (demographics where the network offers them: Instagram, LinkedIn Pages; the Sandbox simulates them) and how much its followers engage. ${DEFINITIONS.accountEngagementRateByFollowers}`,
  )
  .meta({ id: 'AudienceInsights' });

/** GET /api/analytics/growth and /api/analytics/audience. */
export const audienceContracts = {
  getGrowthAnalytics: { query: rangeQuery, response: followerGrowthAnswer, errors: ERRORS },
  getAudienceAnalytics: { query: rangeQuery, response: audienceAnswer, errors: ERRORS },
} satisfies AreaContracts<'analytics'>;
