import { noAudience } from '../../analytics/account-metrics';
import { appSettings, OAUTH_APP_SETTINGS, type PlatformProfile } from '../profile';
import { DEFAULT_LOOKUP_SETTLE_MS, DEFAULT_PUBLISH_TIMEOUT_MS } from '../types';
import { TIKTOK_IMAGE_TYPES, TIKTOK_LIMITS, TIKTOK_VIDEO_TYPES } from './limits';

/** TikTok: OAuth with the operator's app (Direct Post); media is required. */
export const TIKTOK_PROFILE = {
  name: 'TikTok',
  look: {
    badge: 'Tt',
    colour: '#010101',
    preview: { link: '#fe2c55', mediaFirst: true, corners: 'md', when: 'now' },
  },
  connect: { method: 'oauth' },
  app: appSettings(OAUTH_APP_SETTINGS, ['clientId', 'clientSecret']),
  limits: TIKTOK_LIMITS,
  media: { imageTypes: TIKTOK_IMAGE_TYPES, videoTypes: TIKTOK_VIDEO_TYPES, namedInLibrary: true },
  // A publish may upload media and poll processing for minutes: the default bound, inside the
  // publish worker's 3-minute Lambda timeout.
  publishing: { publishTimeoutMs: DEFAULT_PUBLISH_TIMEOUT_MS, lookupSettleMs: DEFAULT_LOOKUP_SETTLE_MS },
  // What its API counts (functions/platforms/tiktok/metrics.ts); the rest is null with this reason.
  metrics: {
    source: 'TikTok Display API, POST /v2/video/query',
    unavailable: {
      impressions: "TikTok's Display API reports a video's views (shown as video views), not impressions.",
      reach: "TikTok's Display API reports no count of accounts reached.",
      clicks: "TikTok's Display API reports no clicks.",
      saves: "TikTok's Display API reports no count of saves.",
    },
  },
  accountMetrics: {
    source: 'TikTok Display API, GET /v2/user/info',
    unavailable: {
      impressions: "TikTok's Display API reports no daily views of an account.",
      profileViews: "TikTok's Display API reports no profile views.",
    },
    audience: { source: null, unavailable: noAudience("TikTok's Display API offers no follower demographics.") },
  },
} satisfies PlatformProfile;
