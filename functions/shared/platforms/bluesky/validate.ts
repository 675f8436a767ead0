import type { MediaItem, PlatformLimits, PlatformRules, PostDraft, ValidationIssue } from '../types';
import {
  BLUESKY_IMAGE_TYPES,
  BLUESKY_MAX_IMAGE_ALT,
  BLUESKY_MAX_TEXT_BYTES,
  BLUESKY_MAX_VIDEO_ALT_GRAPHEMES,
  BLUESKY_VIDEO_TYPES,
} from './limits';
import { readBlueskyOptions } from './options';
import { countGraphemes, utf8Length } from '../text-measures';
import { emptyPostIssues } from '../media-checks';

/** Both measures of one post's text, for the composer's counter. */
export function blueskyTextLength(text: string): { graphemes: number; bytes: number } {
  return { graphemes: countGraphemes(text), bytes: utf8Length(text) };
}

/** GIFs travel through the video service and show as looping video, so they count as video. */
export function isBlueskyVideo(item: Pick<MediaItem, 'kind'>): boolean {
  return item.kind === 'video' || item.kind === 'gif';
}

function textIssues(
  text: string,
  limits: PlatformLimits,
  field: 'text' | 'thread',
  label: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { graphemes, bytes } = blueskyTextLength(text);
  if (graphemes > limits.maxTextLength) {
    issues.push({
      field,
      code: field === 'text' ? 'text_too_long' : 'thread_reply_too_long',
      message: `${label} is ${graphemes} characters long; Bluesky allows ${limits.maxTextLength}.`,
      severity: 'error',
      used: graphemes,
      limit: limits.maxTextLength,
    });
  } else if (bytes > BLUESKY_MAX_TEXT_BYTES) {
    // Only reachable with long runs of multi-byte characters (e.g. 300 family emoji).
    issues.push({
      field,
      code: field === 'text' ? 'text_too_many_bytes' : 'thread_reply_too_many_bytes',
      message: `${label} takes ${bytes} bytes; Bluesky allows ${BLUESKY_MAX_TEXT_BYTES} (emoji and accented letters take several).`,
      severity: 'error',
      used: bytes,
      limit: BLUESKY_MAX_TEXT_BYTES,
    });
  }
  return issues;
}

function isMediaItem(value: unknown): value is MediaItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    (item.kind === 'image' || item.kind === 'video' || item.kind === 'gif') &&
    typeof item.mimeType === 'string' &&
    typeof item.bytes === 'number'
  );
}

function mediaIssues(raw: unknown[], limits: PlatformLimits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const error = (code: string, message: string, extra: Partial<ValidationIssue> = {}) =>
    issues.push({ field: 'media', code, message, severity: 'error', ...extra });
  const items = raw.filter(isMediaItem);
  if (items.length < raw.length)
    error('invalid_media', 'An attachment could not be read; remove it and add it again.');

  const images = items.filter((item) => !isBlueskyVideo(item));
  const videos = items.filter(isBlueskyVideo);
  if (images.length > limits.maxImages) {
    error(
      'too_many_images',
      `Bluesky allows ${limits.maxImages} images per post; this one has ${images.length}.`,
      {
        used: images.length,
        limit: limits.maxImages,
      },
    );
  }
  if (videos.length > limits.maxVideos) {
    error(
      'too_many_videos',
      limits.maxVideos === 0
        ? 'This Bluesky account cannot upload videos right now (daily limit reached or email not verified).'
        : `Bluesky allows ${limits.maxVideos} video per post; this one has ${videos.length}.`,
      { used: videos.length, limit: limits.maxVideos },
    );
  }
  if (images.length > 0 && videos.length > 0 && !limits.mixedMedia) {
    error('mixed_media', 'A Bluesky post carries either images or one video, not both.');
  }

  items.forEach((item, index) => {
    const name = `Attachment ${index + 1}`;
    const type = item.mimeType.toLowerCase();
    const alt = typeof item.altText === 'string' ? item.altText : '';
    if (isBlueskyVideo(item)) {
      if (!BLUESKY_VIDEO_TYPES.includes(type)) {
        error(
          'unsupported_video_type',
          `${name}: Bluesky takes MP4, MPEG, WebM, QuickTime or GIF videos, not ${item.mimeType}.`,
        );
      }
      if (item.bytes > limits.maxVideoBytes) {
        error(
          'video_too_large',
          `${name} is ${megabytes(item.bytes)}; Bluesky allows ${megabytes(limits.maxVideoBytes)}.`,
          {
            used: item.bytes,
            limit: limits.maxVideoBytes,
          },
        );
      }
      const maxSeconds = limits.maxVideoDurationSeconds;
      if (
        maxSeconds !== undefined &&
        typeof item.durationSeconds === 'number' &&
        item.durationSeconds > maxSeconds
      ) {
        error(
          'video_too_long',
          `${name} lasts ${Math.ceil(item.durationSeconds)} s; Bluesky allows ${maxSeconds} s.`,
          {
            used: Math.ceil(item.durationSeconds),
            limit: maxSeconds,
          },
        );
      }
      if (countGraphemes(alt) > BLUESKY_MAX_VIDEO_ALT_GRAPHEMES) {
        error(
          'alt_text_too_long',
          `${name}: video descriptions are limited to ${BLUESKY_MAX_VIDEO_ALT_GRAPHEMES} characters.`,
        );
      }
    } else {
      if (!type.startsWith('image/') || !BLUESKY_IMAGE_TYPES.includes(type)) {
        error(
          'unsupported_image_type',
          `${name}: Bluesky takes JPEG, PNG, WebP, GIF, HEIC or AVIF images, not ${item.mimeType}.`,
        );
      }
      if (item.bytes > limits.maxImageBytes) {
        error(
          'image_too_large',
          `${name} is ${megabytes(item.bytes)}; Bluesky allows ${megabytes(limits.maxImageBytes)} per image.`,
          {
            used: item.bytes,
            limit: limits.maxImageBytes,
          },
        );
      }
      if (alt.length > BLUESKY_MAX_IMAGE_ALT) {
        error(
          'alt_text_too_long',
          `${name}: image descriptions are limited to ${BLUESKY_MAX_IMAGE_ALT} characters.`,
        );
      }
    }
    if (alt.trim() === '') {
      issues.push({
        field: 'media',
        code: 'missing_alt_text',
        message: `${name} has no description; people using screen readers will not know what it shows.`,
        severity: 'warning',
      });
    }
  });
  return issues;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

/**
 * Checks a draft against Bluesky's rules. Pure and synchronous (no Node APIs, no network), so
 * the dashboard runs the same code for its live counters; any input yields a list of issues
 * and never an exception.
 */
export function validateBlueskyDraft(draft: PostDraft, limits: PlatformLimits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const text = typeof draft?.text === 'string' ? draft.text : '';
  const media: unknown[] = Array.isArray(draft?.media) ? draft.media : [];

  issues.push(...readBlueskyOptions(draft?.options).issues);
  issues.push(...textIssues(text, limits, 'text', 'The post'));
  issues.push(...emptyPostIssues(text, media));
  issues.push(...mediaIssues(media, limits));

  const thread: unknown[] = Array.isArray(draft?.thread) ? draft.thread : [];
  if (thread.length > 0 && !limits.supportsThreads) {
    issues.push({
      field: 'thread',
      code: 'threads_unsupported',
      message: 'Threads are not available.',
      severity: 'error',
    });
  }
  thread.forEach((reply, index) => {
    const replyText = typeof reply === 'string' ? reply : '';
    if (replyText.trim() === '') {
      issues.push({
        field: 'thread',
        code: 'thread_reply_empty',
        message: `Reply ${index + 1} of the thread is empty.`,
        severity: 'error',
      });
      return;
    }
    issues.push(...textIssues(replyText, limits, 'thread', `Reply ${index + 1} of the thread`));
  });

  if (typeof draft?.firstComment === 'string' && draft.firstComment.trim() !== '') {
    issues.push({
      field: 'firstComment',
      code: 'first_comment_unsupported',
      message: 'Bluesky has no first comment; add it as the first reply of a thread instead.',
      severity: 'error',
    });
  }
  return issues;
}

/** Graphemes (the byte limit is checked by `validate`). */
export const BLUESKY_RULES: PlatformRules = {
  measureText: (text) => countGraphemes(text),
  validate: validateBlueskyDraft,
};
