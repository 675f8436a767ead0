import type { PlatformLimits } from '../types';

/**
 * TikTok Content Posting API (Direct Post) limits. The creator's own maximum video duration
 * and allowed privacy levels come from `creator_info/query` at run time (`readLimits`).
 * https://developers.tiktok.com/doc/content-posting-api-reference-direct-post
 * https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide
 */
export const TIKTOK_LIMITS: PlatformLimits = {
  // Video `title` (the caption): "maximum length 2200 in UTF-16 runes". Postiz caps at 2,000;
  // photo posts use `description` instead (TIKTOK_PHOTO_DESCRIPTION_MAX).
  maxTextLength: 2200,
  textCounting: 'characters',
  // Photo posts: up to 35 images (`photo_images`), JPEG or WebP, 20 MB each (Ayrshare media
  // guidelines; the photo reference gives formats and count).
  maxImages: 35,
  maxVideos: 1,
  maxImageBytes: 20 * 1024 * 1024,
  // Media transfer guide: video files up to 4 GB.
  maxVideoBytes: 4 * 1024 * 1024 * 1024,
  // Every creator may post 10-minute videos; creator_info may allow longer (or shorter).
  maxVideoDurationSeconds: 600,
  mixedMedia: false,
  supportsThreads: false,
  supportsFirstComment: false,
  requiresMedia: true,
};

/** Photo posts carry a short `title` and a `description` (the caption). */
export const TIKTOK_PHOTO_TITLE_MAX = 90;
export const TIKTOK_PHOTO_DESCRIPTION_MAX = 4000;

export const TIKTOK_IMAGE_TYPES = ['image/jpeg', 'image/webp'] as const;
export const TIKTOK_VIDEO_TYPES = ['video/mp4', 'video/webm', 'video/quicktime'] as const;

export const TIKTOK_PRIVACY_LEVELS = [
  'PUBLIC_TO_EVERYONE',
  'MUTUAL_FOLLOW_FRIENDS',
  'FOLLOWER_OF_CREATOR',
  'SELF_ONLY',
] as const;
export type TikTokPrivacyLevel = (typeof TIKTOK_PRIVACY_LEVELS)[number];
