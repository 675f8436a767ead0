import * as z from 'zod';
import { appSettings, OAUTH_APP_SETTINGS, type PlatformProfile } from '../profile';
import { DEFAULT_LOOKUP_SETTLE_MS, DEFAULT_PUBLISH_TIMEOUT_MS } from '../types';
import { FACEBOOK_FORMATS, FACEBOOK_LIMITS } from './limits';

/** Facebook Pages: Meta login with the operator's app; the app secret also signs webhooks. */
export const FACEBOOK_PROFILE = {
  name: 'Facebook Page',
  look: {
    badge: 'f',
    colour: '#0866ff',
    preview: { link: '#0866ff', mediaFirst: false, corners: 'lg', when: 'Just now · Public' },
  },
  connect: { method: 'oauth' },
  app: appSettings(
    {
      ...OAUTH_APP_SETTINGS,
      appSecret: z.string().min(1),
      webhookVerifyToken: z.string().min(1).optional(),
    },
    ['clientId', 'appSecret'],
  ),
  limits: FACEBOOK_LIMITS,
  media: { imageTypes: FACEBOOK_FORMATS.image, videoTypes: FACEBOOK_FORMATS.video, namedInLibrary: true },
  // A publish may upload media and poll processing for minutes: the default bound, inside the
  // publish worker's 3-minute Lambda timeout.
  publishing: { publishTimeoutMs: DEFAULT_PUBLISH_TIMEOUT_MS, lookupSettleMs: DEFAULT_LOOKUP_SETTLE_MS },
  // What its API counts (functions/platforms/facebook/metrics.ts); the rest is null with this reason.
  metrics: {
    source: 'Facebook Graph API, post fields and insights',
    unavailable: {
      impressions: 'Meta retired post impressions on 2025-06-15; reach (unique viewers) replaces them.',
      saves: 'Facebook reports no saves of Page posts.',
      videoViews: "Page videos' views are in Facebook's video insights, which Plume does not read.",
    },
  },
  accountMetrics: {
    source: 'Facebook Graph API, Page fields followers_count and insights page_views_total',
    unavailable: {
      following: 'A Facebook Page follows no one in the sense of a follower count.',
      posts: "Facebook's Page fields give no count of the Page's posts.",
      impressions: 'Meta retired Page impressions (page_impressions*) between June and November 2025.',
    },
    // Read in functions/platforms/facebook/audience.ts (why page_follows_country/city, there).
    audience: {
      source: 'Facebook Graph API, insights page_follows_country and page_follows_city',
      unavailable: {
        age: 'Meta retired Page followers by age and gender (page_fans_gender_age, page_follows_gender_age) on 2024-03-14.',
        gender:
          'Meta retired Page followers by age and gender (page_fans_gender_age, page_follows_gender_age) on 2024-03-14.',
        locale:
          'Meta retired Page followers by language (page_follows_locale on 2024-03-14, page_fans_locale on 2025-11-15).',
        function: 'Job functions are a LinkedIn dimension.',
        seniority: 'Seniority is a LinkedIn dimension.',
        industry: 'Industries are a LinkedIn dimension.',
      },
    },
  },
} satisfies PlatformProfile;
