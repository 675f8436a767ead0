import { noAudience } from '../../analytics/account-metrics';
import { type PlatformProfile } from '../profile';
import { DEFAULT_LOOKUP_SETTLE_MS, DEFAULT_PUBLISH_TIMEOUT_MS } from '../types';
import { MASTODON_DEFAULT_LIMITS, MASTODON_MEDIA_TYPES } from './limits';

/** Mastodon: OAuth on the user's own server (Plume registers an app there at connect time, so
 * the operator sets nothing up); limits are the stock server's, replaced by the instance's own. */
export const MASTODON_PROFILE = {
  name: 'Mastodon',
  look: {
    badge: 'Ma',
    colour: '#6364ff',
    preview: { link: '#6364ff', mediaFirst: false, corners: 'lg', when: 'now' },
  },
  connect: { method: 'oauth', asksForServer: true },
  limits: MASTODON_DEFAULT_LIMITS,
  media: {
    imageTypes: MASTODON_MEDIA_TYPES.filter((type) => type.startsWith('image/')),
    videoTypes: MASTODON_MEDIA_TYPES.filter((type) => type.startsWith('video/')),
    namedInLibrary: true,
  },
  // A publish may upload media and poll processing for minutes: the default bound, inside the
  // publish worker's 3-minute Lambda timeout.
  publishing: { publishTimeoutMs: DEFAULT_PUBLISH_TIMEOUT_MS, lookupSettleMs: DEFAULT_LOOKUP_SETTLE_MS },
  // What its API counts (functions/platforms/mastodon/metrics.ts); the rest is null with this reason.
  metrics: {
    source: 'Mastodon API, GET /api/v1/statuses/:id',
    unavailable: {
      impressions: 'Mastodon publishes no view count for a post.',
      reach: 'Mastodon publishes no count of accounts reached.',
      clicks: 'Mastodon does not count link clicks.',
      saves: 'Bookmarks on Mastodon are private: no count is published.',
      videoViews: 'Mastodon publishes no play count for videos.',
    },
  },
  accountMetrics: {
    source: 'Mastodon API, GET /api/v1/accounts/verify_credentials',
    unavailable: {
      impressions: 'Mastodon publishes no view counts for an account.',
      profileViews: 'Mastodon does not count profile views.',
    },
    audience: {
      source: null,
      unavailable: noAudience('Mastodon publishes nothing about who follows an account (by design).'),
    },
  },
} satisfies PlatformProfile;
