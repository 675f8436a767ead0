import * as z from 'zod';
import { PLATFORM_IDS } from '../platforms/catalog';
import { DEFINITIONS } from '../analytics/definitions';
import { POST_METRICS } from '../analytics/metrics';
import { timestamp, uuidParam } from './common';
import type { AreaContracts } from './contract';

export const platformSchema = z.enum(PLATFORM_IDS).meta({ id: 'Platform' });

const limitsSummary = z
  .object({
    maxTextLength: z.number().int(),
    textCounting: z.string(),
    maxImages: z.number().int(),
    maxVideos: z.number().int(),
    maxImageBytes: z.number().int(),
    maxVideoBytes: z.number().int(),
    maxVideoDurationSeconds: z.number().optional(),
    supportsThreads: z.boolean(),
    supportsFirstComment: z.boolean(),
    requiresMedia: z.boolean(),
  })
  .meta({ id: 'PlatformLimitsSummary' });

const quota = z
  .object({
    used: z.number(),
    limit: z.number(),
    windowSeconds: z.number(),
    readAt: timestamp,
  })
  .meta({ id: 'PublishingQuota' });

export const socialAccount = z
  .object({
    id: z.uuid(),
    platform: platformSchema,
    platformName: z.string().describe('The network as users know it, e.g. "X" or "Facebook Page"'),
    accountId: z.string().describe("The network's own id of the account"),
    name: z.string().nullable().describe('The label shown in Plume (the profile name unless renamed)'),
    profileName: z.string().nullable(),
    handle: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    profileUrl: z.string().nullable(),
    serviceUrl: z
      .string()
      .nullable()
      .describe('Server of a federated network (Mastodon instance, Bluesky PDS)'),
    status: z.enum(['active', 'needs_reauth', 'disconnected']),
    statusReason: z.string().nullable().describe('Why the account needs attention, in words to act on'),
    isActive: z.boolean().describe('Inactive accounts stay connected but are not offered in the composer'),
    scopes: z.array(z.string()),
    tokenExpiresAt: timestamp.nullable(),
    defaultSettings: z.record(z.string(), z.unknown()),
    limits: limitsSummary.nullable(),
    quota: quota.nullable(),
    lastSync: timestamp.nullable(),
    lastSyncError: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'SocialAccount' });

export const platformAvailability = z
  .object({
    platform: platformSchema,
    name: z.string(),
    connect: z.enum(['oauth', 'app-password', 'instant']),
    configured: z
      .boolean()
      .describe('False until the operator adds the app credentials to the platform-apps secret'),
    missingSettings: z.array(z.string()),
  })
  .meta({ id: 'PlatformAvailability' });

const connectBody = z
  .object({
    platform: platformSchema,
    serviceUrl: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .optional()
      .describe('Mastodon: the instance, e.g. mastodon.social'),
    identifier: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .optional()
      .describe('Bluesky: handle or email; Sandbox: the handle to use'),
    appPassword: z
      .string()
      .min(1)
      .max(255)
      .optional()
      .describe('Bluesky: an app password (never the account password)'),
    service: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .optional()
      .describe('Bluesky: another entryway or PDS than bsky.social'),
  })
  .meta({ id: 'ConnectSocialAccountRequest' });

const connectAnswer = z
  .object({
    authorizationUrl: z.string().optional().describe('OAuth networks: send the browser here'),
    expiresAt: timestamp.optional().describe('The authorization must be completed before this'),
    account: socialAccount.optional().describe('App-password and Sandbox connections: the connected account'),
  })
  .meta({ id: 'ConnectSocialAccountResponse' });

const updateBody = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .nullable()
      .optional()
      .describe('A label; null restores the profile name'),
    defaultSettings: z
      .record(z.string().max(100), z.unknown())
      .refine((value) => JSON.stringify(value).length <= 8_192, 'At most 8 KB of settings')
      .optional(),
    isActive: z.boolean().optional(),
  })
  .meta({ id: 'UpdateSocialAccountRequest' });

const figure = (what: string) =>
  z
    .number()
    .nullable()
    .describe(`${what}; null where the network gives no figure (the reason is in \`unavailable\`), never 0`);

const unavailableMetrics = z
  .partialRecord(z.enum(POST_METRICS), z.string())
  .describe('Why each null figure is null, by metric, in words for a person');

const metricsSnapshot = z.object({
  postPlatformId: z.uuid().nullable(),
  postId: z.uuid().nullable(),
  platformPostId: z.string().nullable(),
  text: z.string().nullable().describe('The text as published on this network'),
  impressions: figure('Times the post was shown'),
  reach: figure('Accounts that saw the post'),
  likes: figure('Likes (reactions on Facebook, favourites on Mastodon)'),
  comments: figure('Comments and replies'),
  shares: figure('Shares, reposts, boosts and quotes'),
  clicks: figure('Link clicks'),
  saves: figure('Saves and bookmarks'),
  videoViews: figure('Video views or plays'),
  engagementRate: figure(DEFINITIONS.engagementRate),
  unavailable: unavailableMetrics,
  recordedAt: timestamp.describe('When the network gave these figures (as of)'),
  source: z.string().nullable().describe('Where the figures came from: the network and the API call'),
});

export const socialAccountInsights = z
  .object({
    account: socialAccount,
    totals: z
      .object({
        posts: z.number().int(),
        impressions: figure('Impressions of these posts'),
        likes: figure('Likes of these posts'),
        comments: figure('Comments on these posts'),
        shares: figure('Shares of these posts'),
        clicks: figure('Link clicks on these posts'),
        unavailable: unavailableMetrics,
      })
      .describe(DEFINITIONS.total),
    recentPosts: z.array(metricsSnapshot).describe('The latest metrics of each post of the last 30 days'),
  })
  .meta({ id: 'SocialAccountInsights' });

/** Contracts of the social-accounts routes. */
export const socialAccountsContracts = {
  listSocialAccounts: {
    response: z.object({ accounts: z.array(socialAccount), platforms: z.array(platformAvailability) }),
  },
  connectSocialAccount: {
    body: connectBody,
    response: connectAnswer,
    otherResponses: {
      '201': { description: 'Connected at once (app password, Sandbox)', schema: connectAnswer },
    },
    errors: {
      403: 'The plan allows no more accounts',
      409: 'The network is not set up on this Plume (its app credentials are missing)',
      422: 'The network refused the credentials or the server address, or this build cannot connect it',
      503: 'The network cannot be reached right now; try again',
    },
  },
  completeSocialAccountConnection: {
    params: z.object({ platform: z.string().max(32) }),
    query: z.object({
      code: z.string().max(2048).optional(),
      state: z.string().max(256).optional(),
      error: z.string().max(256).optional(),
      error_description: z.string().max(1024).optional(),
    }),
    successStatus: 302,
  },
  updateSocialAccount: {
    params: uuidParam,
    body: updateBody,
    response: socialAccount,
    errors: { 409: 'A disconnected account cannot be activated; connect it again' },
  },
  disconnectSocialAccount: { params: uuidParam, successStatus: 204 },
  syncSocialAccount: {
    params: uuidParam,
    successStatus: 202,
    errors: { 409: 'The account must be reconnected first' },
    response: z.object({ accountId: z.uuid(), queued: z.literal(true) }),
  },
  getSocialAccountInsights: { params: uuidParam, response: socialAccountInsights },
} satisfies AreaContracts<'social-accounts'>;
