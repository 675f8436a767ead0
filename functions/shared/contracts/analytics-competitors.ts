import * as z from 'zod';
import { DEFINITIONS } from '../analytics/definitions';
import { PLATFORM_IDS } from '../platforms/catalog';
import { figure, rangeQuery } from './analytics-query';
import { timestamp, uuidParam } from './common';
import type { AreaContracts } from './contract';

const TRACKING =
  'Competitors are read where the network shows a public account to anyone without its consent: Bluesky (public AppView), Mastodon (the server’s public API), Instagram professional accounts (Business Discovery, through one of your connected Instagram professional accounts) and the Sandbox. X, LinkedIn, Facebook, TikTok and Threads are refused with the reason.';

const competitorAccount = z
  .object({
    id: z.uuid(),
    platform: z.enum(PLATFORM_IDS),
    handle: z.string().describe('As the network spells it; `name@server` on Mastodon'),
    name: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    profileUrl: z.string().nullable(),
    platformAccountId: z.string().nullable().describe('Bluesky DID, Mastodon account id, Instagram user id'),
    serviceUrl: z.string().nullable().describe('Mastodon: the server read'),
    notes: z.string().nullable(),
    isActive: z.boolean(),
    createdAt: timestamp,
    lastCheckedAt: timestamp.nullable().describe('The last read, good or not (daily, and at once on add)'),
    lastCheckError: z
      .string()
      .nullable()
      .describe('Why the last read failed; null after a good one. Earlier figures are kept.'),
    latest: z
      .object({
        followers: figure('Followers'),
        postsCount: figure('Posts on the network, all time'),
        postsPerWeek: figure(`${DEFINITIONS.postsPerWeek} Over the 30 days before the read.`),
        engagementRateByFollowers: figure(
          `${DEFINITIONS.engagementRateByFollowers} Over the 30 days before the read.`,
        ),
        capturedAt: timestamp,
      })
      .nullable()
      .describe('The newest snapshot'),
  })
  .meta({ id: 'CompetitorAccount' });

const addBody = z
  .object({
    platform: z.enum(PLATFORM_IDS).describe(TRACKING),
    handle: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .describe(
        'The account: `name.bsky.social`, `@name@mastodon.social`, an Instagram user name, a Sandbox handle',
      ),
    instance: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .optional()
      .describe('Mastodon only: the server, when the handle does not name it (public https servers only)'),
    notes: z.string().max(2000).optional(),
  })
  .strict();

const topPost = z
  .object({
    text: z.string(),
    url: z.string().nullable(),
    publishedAt: timestamp,
    likes: figure('Likes'),
    comments: figure('Comments and replies'),
    shares: figure('Shares, reposts, boosts and quotes'),
    engagement: figure(DEFINITIONS.publicEngagement),
  })
  .meta({ id: 'CompetitorTopPost' });

const partyFigures = z
  .object({
    posts: z.number().int().describe('Posts published in the period (own posts: one per network copy)'),
    postsPerWeek: z.number().describe(DEFINITIONS.postsPerWeek),
    engagement: figure(DEFINITIONS.publicEngagement),
    engagementRateByFollowers: figure(DEFINITIONS.engagementRateByFollowers),
    shareOfPosts: figure(`Share of voice by posts, percent. ${DEFINITIONS.shareOfVoice}`),
    shareOfEngagement: figure(`Share of voice by engagement, percent. ${DEFINITIONS.shareOfVoice}`),
  })
  .meta({ id: 'CompetitorPeriodFigures' });

const party = z
  .object({
    kind: z.enum(['organization', 'competitor']),
    competitorId: z.uuid().nullable(),
    platform: z.enum(PLATFORM_IDS).nullable().describe('Null for the organization (all its networks)'),
    handle: z.string().nullable(),
    name: z.string().nullable(),
    followers: figure(
      'Followers at the end of the period: the nearest competitor snapshot; for the organization the sum of its accounts’ latest daily counts up to then',
    ),
    current: partyFigures,
    previous: partyFigures.describe('The same number of days just before'),
    change: z
      .object({
        posts: z.number().nullable(),
        engagement: z.number().nullable(),
        engagementRateByFollowers: z.number().nullable(),
        shareOfPosts: z.number().nullable(),
        shareOfEngagement: z.number().nullable(),
      })
      .describe(
        'posts, engagement, engagement rate: percent change from the previous period (null where either is null or the previous is 0); shares: change in percentage points',
      ),
    topPosts: z.array(topPost).describe('Up to 3 posts of the period with the most public engagement'),
    unavailable: z.record(z.string(), z.string()).describe('Why each null figure is null'),
    asOf: timestamp.nullable().describe('When the figures used were read'),
    source: z.string().nullable(),
    lastCheckError: z.string().nullable().describe('Competitors: why the last read failed'),
  })
  .meta({ id: 'CompetitorParty' });

const competitorAnalytics = z
  .object({
    timeZone: z.string(),
    from: z.string(),
    to: z.string(),
    parties: z
      .array(party)
      .describe('The organization first, then each tracked competitor (filtered by `platforms` when given)'),
    asOf: timestamp.nullable(),
    sources: z.array(z.string()),
  })
  .describe(
    `Benchmarks of the organization against its tracked competitors in the viewer's days, with the previous period. Competitors' posts and figures are those Plume read (daily, 30 days back at each read), so a period before tracking started has fewer of them. Impressions of competitors are never public, so rates here are by followers. ${DEFINITIONS.shareOfVoice}`,
  )
  .meta({ id: 'CompetitorAnalytics' });

export const competitorContracts = {
  listCompetitors: {
    response: z.object({ items: z.array(competitorAccount) }).meta({ id: 'CompetitorList' }),
  },
  addCompetitor: {
    body: addBody,
    response: competitorAccount,
    successStatus: 201,
    errors: {
      409: 'This account is tracked already',
      422: `The network offers no public read (the message says why), or the account cannot be read (unknown handle, private server, no connected Instagram professional account). ${TRACKING}`,
      503: 'The network cannot be reached right now; try again',
    },
  },
  removeCompetitor: { params: uuidParam, successStatus: 204 },
  getCompetitorAnalytics: {
    query: rangeQuery,
    response: competitorAnalytics,
    errors: { 400: 'The range runs backwards or spans more than 730 days.' },
  },
} satisfies AreaContracts<'analytics'>;
