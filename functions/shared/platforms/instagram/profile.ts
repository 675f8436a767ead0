import * as z from 'zod';
import { appSettings, OAUTH_APP_SETTINGS, type PlatformProfile } from '../profile';
import { DEFAULT_LOOKUP_SETTLE_MS, DEFAULT_PUBLISH_TIMEOUT_MS } from '../types';
import { INSTAGRAM_FORMATS, INSTAGRAM_LIMITS } from './limits';

/** Instagram professional accounts: Meta login with the operator's app; media is required. */
export const INSTAGRAM_PROFILE = {
  name: 'Instagram',
  look: {
    badge: 'Ig',
    colour: '#e1306c',
    preview: { link: '#00376b', mediaFirst: true, corners: 'md', when: 'now' },
  },
  connect: { method: 'oauth' },
  app: appSettings({ ...OAUTH_APP_SETTINGS, appSecret: z.string().min(1) }, ['clientId', 'appSecret']),
  limits: INSTAGRAM_LIMITS,
  media: { imageTypes: INSTAGRAM_FORMATS.image, videoTypes: INSTAGRAM_FORMATS.video, namedInLibrary: true },
  // A publish may upload media and poll processing for minutes: the default bound, inside the
  // publish worker's 3-minute Lambda timeout.
  publishing: { publishTimeoutMs: DEFAULT_PUBLISH_TIMEOUT_MS, lookupSettleMs: DEFAULT_LOOKUP_SETTLE_MS },
  // What its API counts (functions/platforms/instagram/metrics.ts); the rest is null with this reason.
  metrics: {
    source: 'Instagram Graph API, media fields and insights',
    unavailable: {
      clicks: 'Links in Instagram captions are not clickable, so posts have no link clicks.',
    },
  },
  accountMetrics: {
    source: 'Instagram Graph API, account fields and insights (views, profile_views)',
    unavailable: {},
    audience: {
      source: 'Instagram Graph API, insights follower_demographics',
      unavailable: {
        locale: 'Instagram reports followers by age, gender, country and city, not by language.',
        function: 'Job functions are a LinkedIn dimension.',
        seniority: 'Seniority is a LinkedIn dimension.',
        industry: 'Industries are a LinkedIn dimension.',
      },
    },
  },
} satisfies PlatformProfile;
