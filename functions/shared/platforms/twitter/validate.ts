import type { MediaItem, PlatformLimits, PlatformRules, PostDraft, ValidationIssue } from '../types';
import { altTextIssues, emptyPostIssues, megabytesOneDecimal } from '../media-checks';
import {
  TWITTER_ALT_TEXT_LIMIT,
  TWITTER_GIF_TYPES,
  TWITTER_IMAGE_TYPES,
  TWITTER_MAX_GIF_BYTES,
  TWITTER_MIN_VIDEO_SECONDS,
  TWITTER_VIDEO_TYPES,
} from './limits';
import { readTwitterOptions } from './options';
import { twitterWeightedLength } from './text-length';

/**
 * Checks a draft against X's rules. Pure and synchronous (no Node APIs, no network) so the
 * dashboard runs the same rules for its live counters. Any input yields a list of issues;
 * it never throws.
 */
export function validateTwitterDraft(draft: PostDraft, limits: PlatformLimits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const text = typeof draft?.text === 'string' ? draft.text : '';
  const media: MediaItem[] = Array.isArray(draft?.media) ? draft.media : [];
  issues.push(...readTwitterOptions(draft?.options).issues);

  const used = twitterWeightedLength(text, limits.urlLength);
  if (used > limits.maxTextLength) {
    issues.push({
      field: 'text',
      code: 'text_too_long',
      message: `The post counts ${used} of ${limits.maxTextLength} characters (emoji and CJK count double, links count 23).`,
      severity: 'error',
      used,
      limit: limits.maxTextLength,
    });
  }
  issues.push(...emptyPostIssues(text, media));

  issues.push(...validateMedia(media, limits));

  const thread = Array.isArray(draft?.thread) ? draft.thread : [];
  thread.forEach((reply, index) => {
    const replyText = typeof reply === 'string' ? reply : '';
    const replyUsed = twitterWeightedLength(replyText, limits.urlLength);
    if (replyText.trim() === '') {
      issues.push({
        field: 'thread',
        code: 'thread_reply_empty',
        message: `Reply ${index + 1} of the thread is empty.`,
        severity: 'error',
      });
    } else if (replyUsed > limits.maxTextLength) {
      issues.push({
        field: 'thread',
        code: 'thread_reply_too_long',
        message: `Reply ${index + 1} of the thread counts ${replyUsed} of ${limits.maxTextLength} characters.`,
        severity: 'error',
        used: replyUsed,
        limit: limits.maxTextLength,
      });
    }
  });

  if (typeof draft?.firstComment === 'string' && draft.firstComment.trim() !== '') {
    issues.push({
      field: 'firstComment',
      code: 'first_comment_unsupported',
      message: 'X has no first comment; add it as a thread reply instead. It will not be posted.',
      severity: 'warning',
    });
  }
  return issues;
}

function validateMedia(media: MediaItem[], limits: PlatformLimits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const images = media.filter((item) => item?.kind === 'image');
  const videos = media.filter((item) => item?.kind === 'video');
  const gifs = media.filter((item) => item?.kind === 'gif');

  if (images.length > limits.maxImages) {
    issues.push({
      field: 'media',
      code: 'too_many_images',
      message: `X allows ${limits.maxImages} images per post; the draft has ${images.length}.`,
      severity: 'error',
      used: images.length,
      limit: limits.maxImages,
    });
  }
  if (videos.length > limits.maxVideos) {
    issues.push({
      field: 'media',
      code: 'too_many_videos',
      message: `X allows ${limits.maxVideos} video per post.`,
      severity: 'error',
      used: videos.length,
      limit: limits.maxVideos,
    });
  }
  if (gifs.length > 1) {
    issues.push({
      field: 'media',
      code: 'too_many_gifs',
      message: 'X allows one GIF per post.',
      severity: 'error',
    });
  }
  const kinds = [images, videos, gifs].filter((group) => group.length > 0).length;
  if (!limits.mixedMedia && kinds > 1) {
    issues.push({
      field: 'media',
      code: 'mixed_media',
      message: 'An X post carries images, or one video, or one GIF; they cannot be combined.',
      severity: 'error',
    });
  }

  media.forEach((item, index) => {
    const label = `Attachment ${index + 1}`;
    const mimeType = typeof item?.mimeType === 'string' ? item.mimeType.toLowerCase() : '';
    const accepted =
      item?.kind === 'video'
        ? TWITTER_VIDEO_TYPES
        : item?.kind === 'gif'
          ? TWITTER_GIF_TYPES
          : TWITTER_IMAGE_TYPES;
    if (!accepted.includes(mimeType)) {
      issues.push({
        field: 'media',
        code: 'unsupported_media_type',
        message: `${label}: ${mimeType || 'unknown type'} is not accepted by X as ${item?.kind === 'video' ? 'a video' : item?.kind === 'gif' ? 'a GIF' : 'an image'}.`,
        severity: 'error',
      });
    }
    const maxBytes =
      item?.kind === 'video'
        ? limits.maxVideoBytes
        : item?.kind === 'gif'
          ? TWITTER_MAX_GIF_BYTES
          : limits.maxImageBytes;
    if (typeof item?.bytes === 'number' && item.bytes > maxBytes) {
      issues.push({
        field: 'media',
        code: 'media_too_large',
        message: `${label} is ${megabytesOneDecimal(item.bytes)}; X accepts up to ${megabytesOneDecimal(maxBytes)}.`,
        severity: 'error',
        used: item.bytes,
        limit: maxBytes,
      });
    }
    if (item?.kind === 'video' && typeof item.durationSeconds === 'number') {
      if (item.durationSeconds < TWITTER_MIN_VIDEO_SECONDS) {
        issues.push({
          field: 'media',
          code: 'video_too_short',
          message: `${label} is shorter than half a second.`,
          severity: 'error',
        });
      } else if (
        limits.maxVideoDurationSeconds !== undefined &&
        item.durationSeconds > limits.maxVideoDurationSeconds
      ) {
        issues.push({
          field: 'media',
          code: 'video_too_long',
          message: `${label} lasts ${Math.round(item.durationSeconds)} s; X allows ${limits.maxVideoDurationSeconds} s.`,
          severity: 'error',
          used: item.durationSeconds,
          limit: limits.maxVideoDurationSeconds,
        });
      }
    }
    const altText = typeof item?.altText === 'string' ? item.altText : '';
    if (item?.kind === 'video') {
      if (altText.trim() !== '') {
        issues.push({
          field: 'media',
          code: 'alt_text_unsupported',
          message: `${label}: X's API takes descriptions for images and GIFs only; this one will not be sent.`,
          severity: 'warning',
        });
      }
    } else {
      issues.push(...altTextIssues(label, altText, TWITTER_ALT_TEXT_LIMIT, 'X'));
    }
  });
  return issues;
}

/** X's weighted length, URLs as `limits.urlLength`. */
export const TWITTER_RULES: PlatformRules = {
  measureText: (text, limits) => twitterWeightedLength(text, limits.urlLength),
  validate: validateTwitterDraft,
};
