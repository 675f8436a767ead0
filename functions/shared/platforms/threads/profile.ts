import { noAudience } from '../../analytics/account-metrics';
import * as z from 'zod';
import { appSettings, OAUTH_APP_SETTINGS, type PlatformProfile } from '../profile';
import { DEFAULT_LOOKUP_SETTLE_MS, DEFAULT_PUBLISH_TIMEOUT_MS } from '../types';
import { THREADS_FORMATS, THREADS_LIMITS } from './limits';

/** Threads: Meta's Threads login with the operator's app. */
export const THREADS_PROFILE = {
  name: 'Threads',
  look: {
    badge: '@',
    colour: '#000000',
    preview: { link: '#0095f6', mediaFirst: false, corners: '2xl', when: 'now' },
  },
  connect: { method: 'oauth' },
  app: appSettings({ ...OAUTH_APP_SETTINGS, appSecret: z.string().min(1) }, ['clientId', 'appSecret']),
  limits: THREADS_LIMITS,
  media: { imageTypes: THREADS_FORMATS.image, videoTypes: THREADS_FORMATS.video, namedInLibrary: true },
  // A publish may upload media and poll processing for minutes: the default bound, inside the
  // publish worker's 3-minute Lambda timeout.
  publishing: { publishTimeoutMs: DEFAULT_PUBLISH_TIMEOUT_MS, lookupSettleMs: DEFAULT_LOOKUP_SETTLE_MS },
  // What its API counts (functions/platforms/threads/metrics.ts); the rest is null with this reason.
  metrics: {
    source: 'Threads API, media insights',
    unavailable: {
      reach: 'Threads reports views, not the number of accounts reached.',
      clicks: 'Threads reports no link clicks per post.',
      saves: 'Threads reports no saves of a post.',
      videoViews: "Threads counts a video's plays as views of the post.",
    },
  },
  accountMetrics: {
    source: 'Threads API, threads_insights (followers_count)',
    unavailable: {
      following: 'The Threads API reports no count of the accounts a profile follows.',
      posts: 'The Threads API reports no count of the posts of a profile.',
      impressions:
        "Threads counts views per post (in each post's figures), not for the whole profile per day.",
      profileViews: 'Threads reports views of posts and the profile together, as views.',
    },
    audience: {
      source: null,
      unavailable: noAudience('Plume does not read Threads follower demographics yet.'),
    },
  },
} satisfies PlatformProfile;
