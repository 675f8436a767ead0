import type { PlatformLimits } from '../types';

/**
 * X's documented limits for a standard account. Text: 280 weighted characters with every
 * URL counted as 23 (https://docs.x.com/fundamentals/counting-characters). Media: 4 images,
 * or 1 video, or 1 GIF, never mixed; images up to 5 MB, GIFs 15 MB, videos 512 MB and
 * 0.5-140 s (https://developer.x.com/en/docs/x-api/v1/media/upload-media/uploading-media/media-best-practices).
 */
export const TWITTER_DEFAULT_LIMITS: PlatformLimits = {
  maxTextLength: 280,
  textCounting: 'twitter-weighted',
  urlLength: 23,
  maxImages: 4,
  maxVideos: 1,
  maxImageBytes: 5 * 1024 * 1024,
  maxVideoBytes: 512 * 1024 * 1024,
  mixedMedia: false,
  supportsThreads: true,
  supportsFirstComment: false,
  requiresMedia: false,
  maxVideoDurationSeconds: 140,
};

/**
 * Subscribers (`subscription_type` Basic, Premium or PremiumPlus on `GET /2/users/me`) may post
 * up to 25,000 characters. Sources differ: Postiz still uses the older 4,000; Shoutrrr's
 * README says up to 25,000. Longer videos are also allowed for them, with no documented API cap.
 */
export const TWITTER_LONG_POST_LENGTH = 25_000;
export const LONG_POST_SUBSCRIPTIONS: readonly string[] = ['Basic', 'Premium', 'PremiumPlus'];

export const TWITTER_MAX_GIF_BYTES = 15 * 1024 * 1024;
export const TWITTER_MIN_VIDEO_SECONDS = 0.5;
/** `alt_text.text` of `POST /2/media/metadata` (images and GIFs only). */
export const TWITTER_ALT_TEXT_LIMIT = 1000;

export const TWITTER_IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];
export const TWITTER_GIF_TYPES: readonly string[] = ['image/gif'];
export const TWITTER_VIDEO_TYPES: readonly string[] = ['video/mp4', 'video/quicktime'];

/** The limits for an account, given what is known of its subscription. */
export function twitterLimitsFor(subscriptionType: unknown): PlatformLimits {
  if (typeof subscriptionType === 'string' && LONG_POST_SUBSCRIPTIONS.includes(subscriptionType)) {
    return {
      ...TWITTER_DEFAULT_LIMITS,
      maxTextLength: TWITTER_LONG_POST_LENGTH,
      maxVideoDurationSeconds: undefined,
    };
  }
  return { ...TWITTER_DEFAULT_LIMITS };
}
