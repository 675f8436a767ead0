import type { MediaItem, PlatformLimits, PlatformRules, PostDraft, ValidationIssue } from '../types';
import { countOver, mediaError, megabytes, sizeOver } from '../media-checks';
import { utf16Length } from '../text-measures';
import {
  LINKEDIN_IMAGE_TYPES,
  LINKEDIN_MAX_ALT_TEXT_LENGTH,
  LINKEDIN_MAX_COMMENT_LENGTH,
  LINKEDIN_MAX_IMAGE_PIXELS,
  LINKEDIN_MIN_VIDEO_BYTES,
  LINKEDIN_MIN_VIDEO_SECONDS,
  LINKEDIN_VIDEO_TYPES,
  LINKEDIN_VISIBILITIES,
} from './limits';

/*
 * Pure (no Node, no fetch): the dashboard imports this for its live counters. LinkedIn counts
 * commentary in characters as the composer does (UTF-16 units); the backslashes added by the
 * little-format escaping are transport, not text the member typed, so they are not counted.
 */

const error = mediaError;
const includes = (list: readonly string[], value: string) => list.includes(value.toLowerCase());

function textIssues(draft: PostDraft, limits: PlatformLimits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const used = draft.text.length;
  if (used > limits.maxTextLength) {
    issues.push(
      error({
        field: 'text',
        code: 'text_too_long',
        message: `LinkedIn posts are limited to ${limits.maxTextLength} characters.`,
        used,
        limit: limits.maxTextLength,
      }),
    );
  }
  if (draft.text.trim() === '' && draft.media.length === 0) {
    issues.push(
      error({ field: 'text', code: 'empty_post', message: 'Add text or media to post on LinkedIn.' }),
    );
  }
  return issues;
}

function imageIssues(item: MediaItem, limits: PlatformLimits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!includes(LINKEDIN_IMAGE_TYPES, item.mimeType)) {
    issues.push(
      error({
        field: 'media',
        code: 'unsupported_type',
        message: `LinkedIn images must be JPEG, PNG or GIF (got ${item.mimeType}).`,
      }),
    );
  }
  issues.push(
    ...sizeOver(
      item.bytes,
      limits.maxImageBytes,
      `Images must be at most ${megabytes(limits.maxImageBytes)}.`,
    ),
  );
  if (item.width && item.height && item.width * item.height > LINKEDIN_MAX_IMAGE_PIXELS) {
    issues.push(
      error({
        field: 'media',
        code: 'too_many_pixels',
        message: 'LinkedIn images must have fewer than 36,152,320 pixels (width x height).',
        used: item.width * item.height,
        limit: LINKEDIN_MAX_IMAGE_PIXELS,
      }),
    );
  }
  if (item.altText && item.altText.length > LINKEDIN_MAX_ALT_TEXT_LENGTH) {
    issues.push(
      error({
        field: 'media',
        code: 'alt_text_too_long',
        message: `Alt text is limited to ${LINKEDIN_MAX_ALT_TEXT_LENGTH} characters.`,
        used: item.altText.length,
        limit: LINKEDIN_MAX_ALT_TEXT_LENGTH,
      }),
    );
  }
  return issues;
}

function videoIssues(item: MediaItem, limits: PlatformLimits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!includes(LINKEDIN_VIDEO_TYPES, item.mimeType)) {
    issues.push(
      error({
        field: 'media',
        code: 'unsupported_type',
        message: `LinkedIn videos must be MP4 (got ${item.mimeType}).`,
      }),
    );
  }
  issues.push(
    ...sizeOver(
      item.bytes,
      limits.maxVideoBytes,
      `Videos must be at most ${megabytes(limits.maxVideoBytes)}.`,
    ),
  );
  if (item.bytes < LINKEDIN_MIN_VIDEO_BYTES) {
    issues.push(
      error({
        field: 'media',
        code: 'file_too_small',
        message: 'LinkedIn videos must be at least 75 KB.',
        used: item.bytes,
        limit: LINKEDIN_MIN_VIDEO_BYTES,
      }),
    );
  }
  const duration = item.durationSeconds;
  if (
    duration !== undefined &&
    limits.maxVideoDurationSeconds !== undefined &&
    duration > limits.maxVideoDurationSeconds
  ) {
    issues.push(
      error({
        field: 'media',
        code: 'video_too_long',
        message: `LinkedIn videos can be at most ${limits.maxVideoDurationSeconds / 60} minutes long.`,
        used: duration,
        limit: limits.maxVideoDurationSeconds,
      }),
    );
  }
  if (duration !== undefined && duration < LINKEDIN_MIN_VIDEO_SECONDS) {
    issues.push(
      error({
        field: 'media',
        code: 'video_too_short',
        message: 'LinkedIn videos must be at least 3 seconds long.',
        used: duration,
        limit: LINKEDIN_MIN_VIDEO_SECONDS,
      }),
    );
  }
  return issues;
}

function mediaIssues(media: MediaItem[], limits: PlatformLimits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const videos = media.filter((item) => item.kind === 'video');
  const images = media.filter((item) => item.kind !== 'video');
  if (videos.length > 0 && images.length > 0 && !limits.mixedMedia) {
    issues.push(
      error({
        field: 'media',
        code: 'mixed_media',
        message: 'A LinkedIn post has either images or one video, not both.',
      }),
    );
  }
  issues.push(
    ...countOver(
      'too_many_videos',
      videos.length,
      limits.maxVideos,
      `A LinkedIn post can have ${limits.maxVideos} video.`,
    ),
    ...countOver(
      'too_many_images',
      images.length,
      limits.maxImages,
      `A LinkedIn post can have up to ${limits.maxImages} images.`,
    ),
  );
  for (const item of images) issues.push(...imageIssues(item, limits));
  for (const item of videos) issues.push(...videoIssues(item, limits));
  return issues;
}

function followUpIssues(draft: PostDraft, limits: PlatformLimits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!limits.supportsThreads && (draft.thread ?? []).some((reply) => reply.trim() !== '')) {
    issues.push(
      error({
        field: 'thread',
        code: 'threads_unsupported',
        message: 'LinkedIn has no threads; use a first comment instead.',
      }),
    );
  }
  const comment = draft.firstComment ?? '';
  if (comment.trim() !== '' && !limits.supportsFirstComment) {
    issues.push(
      error({
        field: 'firstComment',
        code: 'first_comment_unsupported',
        message: 'First comments are not supported here.',
      }),
    );
  }
  if (comment.length > LINKEDIN_MAX_COMMENT_LENGTH) {
    issues.push(
      error({
        field: 'firstComment',
        code: 'comment_too_long',
        message: `LinkedIn comments are limited to ${LINKEDIN_MAX_COMMENT_LENGTH} characters.`,
        used: comment.length,
        limit: LINKEDIN_MAX_COMMENT_LENGTH,
      }),
    );
  }
  return issues;
}

function optionIssues(draft: PostDraft): ValidationIssue[] {
  const visibility = draft.options?.visibility;
  if (visibility === undefined || LINKEDIN_VISIBILITIES.some((value) => value === visibility)) return [];
  return [
    error({
      field: 'options',
      code: 'invalid_visibility',
      message: `Visibility must be one of ${LINKEDIN_VISIBILITIES.join(', ')}.`,
    }),
  ];
}

/** Every problem LinkedIn would reject the draft for; never throws. */
export function validateLinkedInDraft(draft: PostDraft, limits: PlatformLimits): ValidationIssue[] {
  return [
    ...textIssues(draft, limits),
    ...mediaIssues(draft.media, limits),
    ...followUpIssues(draft, limits),
    ...optionIssues(draft),
  ];
}

/** UTF-16 units. */
export const LINKEDIN_RULES: PlatformRules = {
  measureText: (text) => utf16Length(text),
  validate: validateLinkedInDraft,
};
