import type { PlatformLimits } from '../types';

/**
 * The Sandbox network's rules: generous, round numbers in the range of the real networks,
 * so drafts that pass here look like real posts. Pure configuration (the composer reads it).
 */
export const SANDBOX_LIMITS: PlatformLimits = {
  maxTextLength: 500,
  textCounting: 'graphemes',
  maxImages: 4,
  maxVideos: 1,
  maxImageBytes: 10 * 1024 * 1024,
  maxVideoBytes: 512 * 1024 * 1024,
  mixedMedia: false,
  maxHashtags: 30,
  maxMentions: 20,
  supportsThreads: true,
  supportsFirstComment: true,
  requiresMedia: false,
  maxVideoDurationSeconds: 600,
};

/** Longest thread accepted: the first post plus this many replies. */
export const SANDBOX_MAX_THREAD_REPLIES = 24;

/** Beyond this many hashtags the engagement model starts to cut reach; the composer warns. */
export const SANDBOX_HASHTAG_SWEET_SPOT = 5;

export const SANDBOX_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const SANDBOX_GIF_TYPES = ['image/gif'] as const;
export const SANDBOX_VIDEO_TYPES = ['video/mp4', 'video/quicktime', 'video/webm'] as const;
