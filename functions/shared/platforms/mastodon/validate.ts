import type { MediaItem, PlatformLimits, PlatformRules, PostDraft, ValidationIssue } from '../types';
import { altTextIssues, emptyPostIssues, megabytesOneDecimal } from '../media-checks';
import { MASTODON_ALT_TEXT_LIMIT, MASTODON_MEDIA_TYPES } from './limits';
import { readMastodonOptions } from './options';
import { countGraphemes } from '../text-measures';
import { countMastodonCharacters } from './text-length';

/**
 * What Mastodon measures for one status: the content warning as typed plus the text with
 * URLs and remote mentions shortened (`StatusLengthValidator#combined_text`).
 */
export function mastodonStatusLength(
  text: string,
  spoilerText: string | undefined,
  urlLength?: number,
): number {
  return countGraphemes(spoilerText ?? '') + countMastodonCharacters(text, urlLength);
}

/**
 * Checks a draft against an instance's limits. Pure and synchronous (no Node APIs, no
 * network) so the dashboard runs the same rules for its live counters. Any input yields a
 * list of issues; it never throws.
 */
export function validateMastodonDraft(draft: PostDraft, limits: PlatformLimits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const text = typeof draft?.text === 'string' ? draft.text : '';
  const media: MediaItem[] = Array.isArray(draft?.media) ? draft.media : [];
  const { options, issues: optionIssues } = readMastodonOptions(draft?.options);
  issues.push(...optionIssues);
  const used = mastodonStatusLength(text, options.spoilerText, limits.urlLength);

  if (used > limits.maxTextLength) {
    issues.push({
      field: 'text',
      code: 'text_too_long',
      message: `The post${options.spoilerText ? ' and its content warning' : ''} is ${used} characters long; this Mastodon server allows ${limits.maxTextLength}.`,
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
    const replyUsed = mastodonStatusLength(replyText, options.spoilerText, limits.urlLength);
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
        message: `Reply ${index + 1} of the thread is ${replyUsed} characters long; this server allows ${limits.maxTextLength}.`,
        severity: 'error',
        used: replyUsed,
        limit: limits.maxTextLength,
      });
    }
  });
  if (thread.length > 0 && !limits.supportsThreads) {
    issues.push({
      field: 'thread',
      code: 'threads_unsupported',
      message: 'Threads are not supported.',
      severity: 'error',
    });
  }

  if (typeof draft?.firstComment === 'string' && draft.firstComment.trim() !== '') {
    issues.push({
      field: 'firstComment',
      code: 'first_comment_unsupported',
      message: 'Mastodon has no first comment; add it as a thread reply instead. It will not be posted.',
      severity: 'warning',
    });
  }
  return issues;
}

function validateMedia(media: MediaItem[], limits: PlatformLimits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  // Mastodon converts GIFs to silent looping video ("gifv"), but they may sit next to
  // images; only real video (and audio) must stand alone.
  const videos = media.filter((item) => item?.kind === 'video');
  const maxAttachments = limits.maxImages;
  if (media.length > maxAttachments) {
    issues.push({
      field: 'media',
      code: 'too_many_media',
      message: `This server allows ${maxAttachments} attachments per post; the draft has ${media.length}.`,
      severity: 'error',
      used: media.length,
      limit: maxAttachments,
    });
  }
  if (videos.length > limits.maxVideos) {
    issues.push({
      field: 'media',
      code: 'too_many_videos',
      message: `A Mastodon post can carry ${limits.maxVideos} video.`,
      severity: 'error',
      used: videos.length,
      limit: limits.maxVideos,
    });
  }
  if (!limits.mixedMedia && videos.length > 0 && media.length > videos.length) {
    issues.push({
      field: 'media',
      code: 'mixed_media',
      message: 'A video cannot be combined with images in one Mastodon post.',
      severity: 'error',
    });
  }
  media.forEach((item, index) => {
    const label = `Attachment ${index + 1}`;
    const mimeType = typeof item?.mimeType === 'string' ? item.mimeType.toLowerCase() : '';
    if (!MASTODON_MEDIA_TYPES.includes(mimeType)) {
      issues.push({
        field: 'media',
        code: 'unsupported_media_type',
        message: `${label}: ${mimeType || 'unknown type'} is not a format Mastodon accepts.`,
        severity: 'error',
      });
    }
    const limit = item?.kind === 'video' ? limits.maxVideoBytes : limits.maxImageBytes;
    if (typeof item?.bytes === 'number' && item.bytes > limit) {
      issues.push({
        field: 'media',
        code: 'media_too_large',
        message: `${label} is ${megabytesOneDecimal(item.bytes)}; this server accepts up to ${megabytesOneDecimal(limit)}.`,
        severity: 'error',
        used: item.bytes,
        limit,
      });
    }
    const altText = typeof item?.altText === 'string' ? item.altText : '';
    issues.push(...altTextIssues(label, altText, MASTODON_ALT_TEXT_LIMIT, 'Mastodon'));
  });
  return issues;
}

/** Graphemes with URLs as the server's reserved length and remote mentions as their local part. */
export const MASTODON_RULES: PlatformRules = {
  measureText: (text, limits) => mastodonStatusLength(text, undefined, limits.urlLength),
  validate: validateMastodonDraft,
};
