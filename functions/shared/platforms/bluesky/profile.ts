import { noAudience } from '../../analytics/account-metrics';
import { type PlatformProfile } from '../profile';
import { DEFAULT_LOOKUP_SETTLE_MS, DEFAULT_PUBLISH_TIMEOUT_MS } from '../types';
import { BLUESKY_IMAGE_TYPES, BLUESKY_LIMITS, BLUESKY_VIDEO_TYPES } from './limits';

/** Bluesky: an app password (no developer app), a 300-grapheme post, 4 images or 1 video. */
export const BLUESKY_PROFILE = {
  name: 'Bluesky',
  look: {
    badge: 'Bs',
    colour: '#1185fe',
    preview: { link: '#1185fe', mediaFirst: false, corners: 'xl', when: 'now' },
  },
  connect: { method: 'app-password' },
  limits: BLUESKY_LIMITS,
  media: { imageTypes: BLUESKY_IMAGE_TYPES, videoTypes: BLUESKY_VIDEO_TYPES, namedInLibrary: true },
  // A publish may upload media and poll processing for minutes: the default bound, inside the
  // publish worker's 3-minute Lambda timeout.
  publishing: { publishTimeoutMs: DEFAULT_PUBLISH_TIMEOUT_MS, lookupSettleMs: DEFAULT_LOOKUP_SETTLE_MS },
  // What its API counts (functions/platforms/bluesky/metrics.ts); the rest is null with this reason.
  metrics: {
    source: 'Bluesky App View, app.bsky.feed.getPosts',
    unavailable: {
      impressions: "Bluesky's App View publishes no view count for a post.",
      reach: "Bluesky's App View publishes no count of accounts reached.",
      clicks: 'Bluesky does not count link clicks.',
      videoViews: 'Bluesky publishes no play count for videos.',
    },
  },
  accountMetrics: {
    source: 'Bluesky App View, app.bsky.actor.getProfile',
    unavailable: {
      impressions: 'Bluesky publishes no view counts for an account.',
      profileViews: 'Bluesky does not count profile views.',
    },
    audience: { source: null, unavailable: noAudience('Bluesky publishes nothing about who follows an account.') },
  },
} satisfies PlatformProfile;
