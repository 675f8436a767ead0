import type { MediaItem, PlatformLimits, PlatformRules, PostDraft, ValidationIssue } from '../types';
import { countOver, mediaError, megabytes, sizeOver } from '../media-checks';
import { utf16Length } from '../text-measures';
import {
  TIKTOK_IMAGE_TYPES,
  TIKTOK_PHOTO_DESCRIPTION_MAX,
  TIKTOK_PHOTO_TITLE_MAX,
  TIKTOK_VIDEO_TYPES,
} from './limits';
import { parseTikTokOptions } from './options';

/*
 * Pure (no Node, no fetch): the dashboard imports this for its live counters. TikTok measures
 * captions in UTF-16 units ("runes"); a video caption is the post `title` (2,200), a photo
 * post's caption its `description` (4,000).
 */

const error = mediaError;
const includes = (list: readonly string[], value: string) => list.includes(value.toLowerCase());

function mediaIssues(media: MediaItem[], limits: PlatformLimits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const videos = media.filter((item) => item.kind === 'video');
  const images = media.filter((item) => item.kind !== 'video');
  if (media.length === 0 && limits.requiresMedia) {
    issues.push(
      error({ field: 'media', code: 'media_required', message: 'TikTok posts need a video or photos.' }),
    );
  }
  if (videos.length > 0 && images.length > 0 && !limits.mixedMedia) {
    issues.push(
      error({
        field: 'media',
        code: 'mixed_media',
        message: 'A TikTok post is either one video or photos, not both.',
      }),
    );
  }
  issues.push(
    ...countOver(
      'too_many_videos',
      videos.length,
      limits.maxVideos,
      `A TikTok post can have ${limits.maxVideos} video.`,
    ),
    ...countOver(
      'too_many_images',
      images.length,
      limits.maxImages,
      `A TikTok photo post can have up to ${limits.maxImages} photos.`,
    ),
  );
  for (const item of images) {
    if (item.kind === 'gif' || !includes(TIKTOK_IMAGE_TYPES, item.mimeType)) {
      issues.push(
        error({
          field: 'media',
          code: 'unsupported_type',
          message: `TikTok photos must be JPEG or WebP (got ${item.mimeType}).`,
        }),
      );
    }
    issues.push(
      ...sizeOver(
        item.bytes,
        limits.maxImageBytes,
        `Photos must be at most ${megabytes(limits.maxImageBytes)}.`,
      ),
    );
  }
  for (const item of videos) {
    if (!includes(TIKTOK_VIDEO_TYPES, item.mimeType)) {
      issues.push(
        error({
          field: 'media',
          code: 'unsupported_type',
          message: `TikTok videos must be MP4, WebM or MOV (got ${item.mimeType}).`,
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
    const max = limits.maxVideoDurationSeconds;
    if (item.durationSeconds !== undefined && max !== undefined && item.durationSeconds > max) {
      issues.push(
        error({
          field: 'media',
          code: 'video_too_long',
          message: `This TikTok account can post videos up to ${max} seconds.`,
          used: item.durationSeconds,
          limit: max,
        }),
      );
    }
  }
  return issues;
}

function textIssues(draft: PostDraft, limits: PlatformLimits, isPhotoPost: boolean): ValidationIssue[] {
  const limit = isPhotoPost ? TIKTOK_PHOTO_DESCRIPTION_MAX : limits.maxTextLength;
  const used = draft.text.length;
  if (used <= limit) return [];
  return [
    error({
      field: 'text',
      code: 'text_too_long',
      message: `TikTok ${isPhotoPost ? 'photo descriptions' : 'video captions'} are limited to ${limit} characters.`,
      used,
      limit,
    }),
  ];
}

function optionIssues(draft: PostDraft, isPhotoPost: boolean): ValidationIssue[] {
  const { options, invalid } = parseTikTokOptions(draft.options);
  const issues = invalid.map((key) =>
    error({
      field: 'options',
      code: 'invalid_option',
      message: `The TikTok setting "${key}" has an invalid value.`,
    }),
  );
  if (!options.privacyLevel && !invalid.includes('privacyLevel')) {
    issues.push(
      error({
        field: 'options',
        code: 'privacy_level_required',
        message: 'Choose who can view this TikTok post.',
      }),
    );
  }
  if (options.brandedContent && options.privacyLevel === 'SELF_ONLY') {
    issues.push(
      error({
        field: 'options',
        code: 'branded_content_private',
        message: 'Branded content cannot be private on TikTok.',
      }),
    );
  }
  if (isPhotoPost && options.photoTitle && options.photoTitle.length > TIKTOK_PHOTO_TITLE_MAX) {
    issues.push(
      error({
        field: 'options',
        code: 'photo_title_too_long',
        message: `TikTok photo titles are limited to ${TIKTOK_PHOTO_TITLE_MAX} characters.`,
        used: options.photoTitle.length,
        limit: TIKTOK_PHOTO_TITLE_MAX,
      }),
    );
  }
  return issues;
}

function followUpIssues(draft: PostDraft): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if ((draft.thread ?? []).some((reply) => reply.trim() !== '')) {
    issues.push(error({ field: 'thread', code: 'threads_unsupported', message: 'TikTok has no threads.' }));
  }
  if ((draft.firstComment ?? '').trim() !== '') {
    issues.push(
      error({
        field: 'firstComment',
        code: 'first_comment_unsupported',
        message: 'TikTok does not let apps post comments.',
      }),
    );
  }
  return issues;
}

/** Every problem TikTok would reject the draft for; never throws. */
export function validateTikTokDraft(draft: PostDraft, limits: PlatformLimits): ValidationIssue[] {
  const isPhotoPost = draft.media.length > 0 && draft.media.every((item) => item.kind !== 'video');
  return [
    ...mediaIssues(draft.media, limits),
    ...textIssues(draft, limits, isPhotoPost),
    ...optionIssues(draft, isPhotoPost),
    ...followUpIssues(draft),
  ];
}

/** UTF-16 units (the caption's "UTF-16 runes"). */
export const TIKTOK_RULES: PlatformRules = {
  measureText: (text) => utf16Length(text),
  validate: validateTikTokDraft,
};
