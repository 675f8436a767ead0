import type { PlatformLimits } from '../types';

/**
 * Threads posts (https://developers.facebook.com/documentation/threads/posts, 2026-04-14).
 * Pure data: the dashboard imports it.
 * - Text: 500 characters, emoji counted as their UTF-8 bytes (`textCounting: 'threads'`);
 *   at most 5 links per post since 2025-12-22 (THREADS_API__LINK_LIMIT_EXCEEDED).
 * - One topic tag per post: later hashtags stay plain text (Ayrshare), so more is a warning.
 * - Media: an image (JPEG/PNG, 8 MB) or a video (MP4/MOV, 1 GB, 5 min), or a carousel of
 *   2-20 of them, mixed.
 * - Thread replies and a first comment are replies (`reply_to_id`).
 * - Quotas: 250 published posts and 1,000 replies per moving 24 h (read with `quota()`).
 */
export const THREADS_LIMITS: PlatformLimits = {
  maxTextLength: 500,
  textCounting: 'threads',
  maxImages: 20,
  maxVideos: 20,
  maxImageBytes: 8 * 1024 * 1024,
  maxVideoBytes: 1024 * 1024 * 1024,
  mixedMedia: true,
  maxHashtags: 1,
  supportsThreads: true,
  supportsFirstComment: true,
  requiresMedia: false,
};

export const THREADS_MAX_CAROUSEL_ITEMS = 20;
export const THREADS_MAX_LINKS = 5;
export const THREADS_VIDEO_MAX_SECONDS = 5 * 60;
export const THREADS_DAILY_PUBLISH_LIMIT = 250;

export const THREADS_FORMATS = {
  image: ['image/jpeg', 'image/png'],
  video: ['video/mp4', 'video/quicktime'],
} as const;
