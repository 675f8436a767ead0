import type { PlatformLimits } from '../types';

/**
 * `app.bsky.feed.post` text: at most 300 graphemes AND 3,000 UTF-8 bytes (lexicon
 * `maxGraphemes` / `maxLength`, https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/post.json).
 */
export const BLUESKY_MAX_TEXT_GRAPHEMES = 300;
export const BLUESKY_MAX_TEXT_BYTES = 3000;

/** `langs` holds at most 3 languages; `tags` (hashtags outside the text) at most 8. */
export const BLUESKY_MAX_LANGS = 3;
export const BLUESKY_MAX_TAGS = 8;
/** Each tag (facet or `tags`): 64 graphemes / 640 bytes (`app.bsky.richtext.facet#tag`). */
export const BLUESKY_MAX_TAG_GRAPHEMES = 64;

/**
 * Alt text: the lexicon sets no limit for images; the official app stops at 2,000 characters
 * (social-app `MAX_ALT_TEXT`), and video alt text is capped at 1,000 graphemes by
 * `app.bsky.embed.video`.
 */
export const BLUESKY_MAX_IMAGE_ALT = 2000;
export const BLUESKY_MAX_VIDEO_ALT_GRAPHEMES = 1000;

/** Image blobs are accepted as any `image/*` by the lexicon; these are the ones the app renders. */
export const BLUESKY_IMAGE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/heic',
  'image/avif',
];

/**
 * The video service (video.bsky.app) transcodes these (social-app `SUPPORTED_MIME_TYPES`;
 * GIFs are sent to it as well and shown as looping video). Uploading straight to the PDS
 * instead only works for mp4, the single type `app.bsky.embed.video` accepts.
 */
export const BLUESKY_VIDEO_TYPES = ['video/mp4', 'video/mpeg', 'video/webm', 'video/quicktime', 'image/gif'];

/**
 * Configured limits (`PlatformLimits`). Sources:
 * - 4 images of at most 1,000,000 bytes each (`app.bsky.embed.images`, and
 *   https://docs.bsky.app/docs/advanced-guides/posts#images-embeds), or 1 video, never both
 *   (a post has a single `embed`).
 * - Video: 100,000,000 bytes ("May be up to 100mb, formerly limited to 50mb", the
 *   `app.bsky.embed.video` lexicon shipped with @atproto/api 0.19). Bluesky-hosted PDSes cap
 *   a direct `uploadBlob` at 50 MB (https://docs.bsky.app/docs/advanced-guides/rate-limits),
 *   which is one reason the video service is used. The current official app accepts source
 *   files up to 300 MB and 10 minutes because it compresses them first; Plume uploads files
 *   as they are, so it keeps the documented 100 MB.
 * - Duration: 3 minutes (Bluesky's announcement of March 2025; older limit 60 s; the current
 *   app's constant says 10 minutes). The run-time quota (`app.bsky.video.getUploadLimits`)
 *   refines `maxVideos` / `maxVideoBytes` per account.
 * - Replies make threads; there is no "first comment" concept separate from a reply.
 */
export const BLUESKY_LIMITS: PlatformLimits = {
  maxTextLength: BLUESKY_MAX_TEXT_GRAPHEMES,
  textCounting: 'graphemes',
  maxImages: 4,
  maxVideos: 1,
  maxImageBytes: 1_000_000,
  maxVideoBytes: 100_000_000,
  maxVideoDurationSeconds: 180,
  mixedMedia: false,
  supportsThreads: true,
  supportsFirstComment: false,
  requiresMedia: false,
};
