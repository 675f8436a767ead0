import type { PlatformLimits } from '../types';

/**
 * LinkedIn publishing limits. LinkedIn publishes no run-time quota endpoint for organic posts
 * (daily call limits per app and member are only visible in the Developer Portal), so these
 * are configuration. Re-check the docs before relying on a number:
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
 */
export const LINKEDIN_LIMITS: PlatformLimits = {
  // Post commentary: 3,000 characters (Postiz maxLength, Shoutrrr README, LinkedIn composer).
  maxTextLength: 3000,
  textCounting: 'characters',
  // Posts API MultiImage: 2 to 20 images; one image is a plain `media` post.
  maxImages: 20,
  maxVideos: 1,
  // The Images API documents a pixel limit (below), not a byte limit; 8 MiB is what the LinkedIn
  // composer and peer tools accept for feed images [unverified against an official byte limit].
  maxImageBytes: 8 * 1024 * 1024,
  // Videos API: organic video up to 5 GiB (CData's LinkedIn connector docs; older Videos API
  // pages listed 500 MB, which still applies to ads).
  maxVideoBytes: 5 * 1024 * 1024 * 1024,
  maxVideoDurationSeconds: 30 * 60,
  mixedMedia: false,
  supportsThreads: false,
  supportsFirstComment: true,
  requiresMedia: false,
};

/** Images API: "Only images with a total pixel count (width x height) less than 36,152,320". */
export const LINKEDIN_MAX_IMAGE_PIXELS = 36_152_320;
/** Videos API: minimum file size 75 KB and duration of at least 3 seconds. */
export const LINKEDIN_MIN_VIDEO_BYTES = 75 * 1024;
export const LINKEDIN_MIN_VIDEO_SECONDS = 3;
/** Comments API: comment text up to 1,250 characters. */
export const LINKEDIN_MAX_COMMENT_LENGTH = 1250;
/** Posts API: `altText` of an image, up to 4,086 characters. */
export const LINKEDIN_MAX_ALT_TEXT_LENGTH = 4086;

export const LINKEDIN_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif'] as const;
export const LINKEDIN_VIDEO_TYPES = ['video/mp4'] as const;

/** Post visibility accepted by the Posts API for organic posts. */
export const LINKEDIN_VISIBILITIES = ['PUBLIC', 'CONNECTIONS', 'LOGGED_IN'] as const;
export type LinkedInVisibility = (typeof LINKEDIN_VISIBILITIES)[number];
