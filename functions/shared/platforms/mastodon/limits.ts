import type { PlatformLimits } from '../types';

/**
 * Mastodon's own defaults (mastodon/mastodon `StatusLengthValidator`, `Status::MEDIA_ATTACHMENTS_LIMIT`,
 * `MediaAttachment::IMAGE_LIMIT` / `VIDEO_LIMIT`). Every instance may change them, so the
 * connector's `readLimits` replaces them with the instance's `configuration` at run time.
 * Alternatives seen in the wild: GoToSocial defaults to 5,000 characters and 6 attachments;
 * Mastodon before 4.3 allowed 10 MB images and 40 MB videos.
 */
export const MASTODON_DEFAULT_LIMITS: PlatformLimits = {
  maxTextLength: 500,
  textCounting: 'graphemes',
  // `characters_reserved_per_url` (https://docs.joinmastodon.org/entities/Instance/#characters_reserved_per_url)
  urlLength: 23,
  maxImages: 4,
  // A status may carry one video (or audio) and nothing else (PostStatusService#validate_media!).
  maxVideos: 1,
  maxImageBytes: 16 * 1024 * 1024,
  maxVideoBytes: 99 * 1024 * 1024,
  mixedMedia: false,
  supportsThreads: true,
  supportsFirstComment: false,
  requiresMedia: false,
};

/** `MediaAttachment::MAX_DESCRIPTION_LENGTH` (`configuration.media_attachments.description_limit`). */
export const MASTODON_ALT_TEXT_LIMIT = 1500;

/** Upload types a stock Mastodon accepts (`MediaAttachment::IMAGE_MIME_TYPES` + `VIDEO_MIME_TYPES`). */
export const MASTODON_MEDIA_TYPES: readonly string[] = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/avif',
  'video/mp4',
  'video/webm',
  'video/quicktime',
  'video/x-m4v',
];
