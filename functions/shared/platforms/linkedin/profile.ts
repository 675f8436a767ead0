import { appSettings, OAUTH_APP_SETTINGS, type PlatformProfile } from '../profile';
import { DEFAULT_LOOKUP_SETTLE_MS, DEFAULT_PUBLISH_TIMEOUT_MS } from '../types';
import { LINKEDIN_IMAGE_TYPES, LINKEDIN_LIMITS, LINKEDIN_VIDEO_TYPES } from './limits';

/** LinkedIn: OAuth with the operator's app, posting as a member or a Page. */
export const LINKEDIN_PROFILE = {
  name: 'LinkedIn',
  look: {
    badge: 'in',
    colour: '#0a66c2',
    preview: { link: '#0a66c2', mediaFirst: false, corners: 'lg', when: 'now • Public' },
  },
  connect: { method: 'oauth' },
  app: appSettings(OAUTH_APP_SETTINGS, ['clientId', 'clientSecret']),
  limits: LINKEDIN_LIMITS,
  media: { imageTypes: LINKEDIN_IMAGE_TYPES, videoTypes: LINKEDIN_VIDEO_TYPES, namedInLibrary: true },
  // A publish may upload media and poll processing for minutes: the default bound, inside the
  // publish worker's 3-minute Lambda timeout.
  publishing: { publishTimeoutMs: DEFAULT_PUBLISH_TIMEOUT_MS, lookupSettleMs: DEFAULT_LOOKUP_SETTLE_MS },
  // What its API counts (functions/platforms/linkedin/metrics.ts); the rest is null with this reason.
  metrics: {
    source: 'LinkedIn API, organizationalEntityShareStatistics / memberCreatorPostAnalytics',
    unavailable: {
      saves: 'LinkedIn reports no saves of a post.',
      videoViews: 'LinkedIn counts video views in its separate video analytics, which Plume does not read.',
    },
  },
  accountMetrics: {
    source: 'LinkedIn API, networkSizes (Page followers)',
    unavailable: {
      following: 'LinkedIn reports no count of the accounts a member or Page follows.',
      posts: 'LinkedIn reports no count of the posts of an account.',
      impressions:
        "LinkedIn reports impressions per post; Plume does not read a Page's daily share statistics.",
      profileViews: 'Page views are in LinkedIn page statistics, which Plume does not read.',
    },
    audience: {
      source: 'LinkedIn API, organizationalEntityFollowerStatistics',
      unavailable: {
        age: 'LinkedIn reports followers by function, seniority, industry and country, not by age.',
        gender: 'LinkedIn reports no gender of followers.',
        city: 'LinkedIn reports followers by country, not by city, in follower statistics Plume reads.',
        locale: 'LinkedIn reports no language of followers.',
      },
    },
  },
} satisfies PlatformProfile;
