import type { PlatformLimits } from '../types';

/**
 * Instagram professional accounts, content publishing API. Pure data: the dashboard imports it.
 * - Caption: 2,200 characters, 30 hashtags and 20 @-tags (IG User Media reference). Sources
 *   conflict on hashtags: Ayrshare's English docs say 30 (and 3 mentions), its translated docs
 *   and a 2026 Apify actor report a "new 5-hashtag limit". The limit is configurable
 *   (`createInstagramConnector(context, { hashtagLimit })`); re-check Meta's docs.
 * - Media is required: one image, one video (published as a Reel since 2023-07-01), or a
 *   carousel of 2-10 images and/or videos. Images are JPEG up to 8 MiB (error 2207004 / 36000);
 *   Reels MP4/MOV up to 300 MB and 3 s - 15 min; carousel videos up to 60 s.
 * - First comment: yes (`POST /{media-id}/comments`). Threads: no.
 * - Publishing quota: 50 posts per moving 24 h in the current `media_publish` reference
 *   (25 in 2023 docs, "usually 100" in third-party tools): read it with `quota()`.
 */
export const INSTAGRAM_LIMITS: PlatformLimits = {
  maxTextLength: 2_200,
  textCounting: 'characters',
  maxImages: 10,
  maxVideos: 10,
  maxImageBytes: 8 * 1024 * 1024,
  maxVideoBytes: 300 * 1024 * 1024,
  mixedMedia: true,
  maxHashtags: 30,
  maxMentions: 20,
  supportsThreads: false,
  supportsFirstComment: true,
  requiresMedia: true,
};

export const INSTAGRAM_MAX_CAROUSEL_ITEMS = 10;
/** Feed images must be between 4:5 (portrait) and 1.91:1 (landscape), error 36003 otherwise. */
export const INSTAGRAM_ASPECT_RATIO = { min: 4 / 5, max: 1.91 };
export const INSTAGRAM_REEL_SECONDS = { min: 3, max: 15 * 60 };
export const INSTAGRAM_CAROUSEL_VIDEO_MAX_SECONDS = 60;
export const INSTAGRAM_DAILY_PUBLISH_LIMIT = 50;

export const INSTAGRAM_FORMATS = {
  image: ['image/jpeg'],
  video: ['video/mp4', 'video/quicktime'],
} as const;
