import { noAudience } from '../../analytics/account-metrics';
import * as z from 'zod';
import { appSettings, OAUTH_APP_SETTINGS, type PlatformProfile } from '../profile';
import { DEFAULT_LOOKUP_SETTLE_MS, DEFAULT_PUBLISH_TIMEOUT_MS } from '../types';
import {
  TWITTER_DEFAULT_LIMITS,
  TWITTER_GIF_TYPES,
  TWITTER_IMAGE_TYPES,
  TWITTER_MAX_GIF_BYTES,
  TWITTER_VIDEO_TYPES,
} from './limits';

/** X: OAuth 2.0 with the operator's app; 280 weighted characters (25,000 for subscribers). */
export const TWITTER_PROFILE = {
  name: 'X',
  look: {
    badge: 'X',
    colour: '#0f1419',
    preview: { link: '#1d9bf0', mediaFirst: false, corners: '2xl', when: 'now' },
  },
  connect: { method: 'oauth' },
  app: appSettings(
    {
      ...OAUTH_APP_SETTINGS,
      consumerSecret: z.string().min(1).optional().describe('For CRC and webhook signatures'),
    },
    ['clientId'],
  ),
  limits: TWITTER_DEFAULT_LIMITS,
  media: {
    imageTypes: [...TWITTER_IMAGE_TYPES, ...TWITTER_GIF_TYPES],
    videoTypes: TWITTER_VIDEO_TYPES,
    maxGifBytes: TWITTER_MAX_GIF_BYTES,
    namedInLibrary: true,
  },
  // A publish may upload media and poll processing for minutes: the default bound, inside the
  // publish worker's 3-minute Lambda timeout.
  publishing: { publishTimeoutMs: DEFAULT_PUBLISH_TIMEOUT_MS, lookupSettleMs: DEFAULT_LOOKUP_SETTLE_MS },
  // What its API counts (functions/platforms/twitter/metrics.ts); the rest is null with this reason.
  metrics: {
    source: 'X API v2, GET /2/tweets (public_metrics)',
    unavailable: {
      reach: 'X reports impressions, not the number of accounts reached.',
      clicks: "Link clicks are among X's non-public metrics, which Plume does not read.",
    },
  },
  accountMetrics: {
    source: 'X API v2, GET /2/users/me (public_metrics)',
    unavailable: {
      impressions: "X reports impressions per post only; an account's daily total is not in its API.",
      profileViews: 'X does not report profile views in its API.',
    },
    audience: { source: null, unavailable: noAudience("X's API offers no follower demographics.") },
  },
} satisfies PlatformProfile;
