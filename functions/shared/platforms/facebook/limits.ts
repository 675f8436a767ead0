import type { PlatformLimits } from '../types';

/**
 * Facebook Page posts. Pure data: the dashboard imports it.
 * - Text: 63,206 characters (Postiz, Shoutrrr).
 * - Photos: "smaller than 4 MB" (Graph error 1366046 as quoted by Postiz); older Pages docs
 *   said 10 MB. Several photos go into one post through `attached_media`; Meta documents no
 *   cap, 10 keeps one publish (one upload per photo) well inside the worker's time.
 * - Video: one per post, no mixing with photos; `file_url` uploads are limited to 1 GB
 *   (resumable uploads allow more, but need the app id and chunking).
 * - First comment: yes (`POST /{post-id}/comments`, 8,000 characters). Threads: no.
 */
export const FACEBOOK_LIMITS: PlatformLimits = {
  maxTextLength: 63_206,
  textCounting: 'characters',
  maxImages: 10,
  maxVideos: 1,
  maxImageBytes: 4 * 1024 * 1024,
  maxVideoBytes: 1024 * 1024 * 1024,
  mixedMedia: false,
  supportsThreads: false,
  supportsFirstComment: true,
  requiresMedia: false,
};

export const FACEBOOK_COMMENT_MAX_LENGTH = 8_000;

export const FACEBOOK_FORMATS = {
  image: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/tiff', 'image/heif', 'image/bmp'],
  video: ['video/mp4', 'video/quicktime'],
} as const;
