import type { MediaItem, PlatformLimits, PlatformRules, PostDraft, ValidationIssue } from '../types';
import { countGraphemes } from '../text-measures';
import { hashtagsOf, mentionsOf } from './content-features';
import { parseSandboxMarkers } from './failure-markers';
import {
  SANDBOX_GIF_TYPES,
  SANDBOX_HASHTAG_SWEET_SPOT,
  SANDBOX_IMAGE_TYPES,
  SANDBOX_MAX_THREAD_REPLIES,
  SANDBOX_VIDEO_TYPES,
} from './limits';

/**
 * Checks a draft against the Sandbox network's rules. Pure and synchronous (the composer runs
 * it for its live counters) and total: whatever a JSON body holds, it returns issues and never
 * throws.
 */
export function validateSandboxDraft(draft: PostDraft, limits: PlatformLimits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const raw = (typeof draft === 'object' && draft !== null ? draft : {}) as Partial<
    Record<keyof PostDraft, unknown>
  >;
  const media = Array.isArray(raw.media) ? raw.media : [];
  if (raw.media !== undefined && !Array.isArray(raw.media)) {
    issues.push({
      field: 'media',
      code: 'invalid_media',
      message: 'Attachments must be a list.',
      severity: 'error',
    });
  }

  if (typeof raw.text !== 'string') {
    issues.push({
      field: 'text',
      code: 'invalid_text',
      message: 'The post text is missing.',
      severity: 'error',
    });
  } else {
    if (raw.text.trim() === '' && media.length === 0) {
      issues.push({
        field: 'text',
        code: 'empty_post',
        message: 'Write something or attach media.',
        severity: 'error',
      });
    }
    issues.push(...textIssues(raw.text, limits, 'text', 'The post'));
    issues.push(...markerIssues(raw.text, 'text'));
  }

  if (raw.thread !== undefined) issues.push(...threadIssues(raw.thread, limits));
  if (raw.firstComment !== undefined) issues.push(...firstCommentIssues(raw.firstComment, limits));
  if (Array.isArray(raw.media)) issues.push(...mediaIssues(media, limits));
  if (raw.options !== undefined) issues.push(...optionIssues(raw.options));
  return issues;
}

function textIssues(
  text: string,
  limits: PlatformLimits,
  field: ValidationIssue['field'],
  label: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const prefix = field === 'text' ? 'text' : field === 'thread' ? 'thread_reply' : 'first_comment';
  const length = countGraphemes(text);
  if (length > limits.maxTextLength) {
    issues.push({
      field,
      code: `${prefix}_too_long`,
      message: `${label} is ${length} characters long; the Sandbox network allows ${limits.maxTextLength}.`,
      severity: 'error',
      used: length,
      limit: limits.maxTextLength,
    });
  }
  const hashtags = hashtagsOf(text).length;
  if (limits.maxHashtags !== undefined && hashtags > limits.maxHashtags) {
    issues.push({
      field,
      code: 'too_many_hashtags',
      message: `${label} has ${hashtags} hashtags; the Sandbox network allows ${limits.maxHashtags}.`,
      severity: 'error',
      used: hashtags,
      limit: limits.maxHashtags,
    });
  } else if (field === 'text' && hashtags > SANDBOX_HASHTAG_SWEET_SPOT) {
    issues.push({
      field,
      code: 'many_hashtags',
      message: `More than ${SANDBOX_HASHTAG_SWEET_SPOT} hashtags reduce reach on the Sandbox network.`,
      severity: 'warning',
      used: hashtags,
      limit: SANDBOX_HASHTAG_SWEET_SPOT,
    });
  }
  const mentions = mentionsOf(text).length;
  if (limits.maxMentions !== undefined && mentions > limits.maxMentions) {
    issues.push({
      field,
      code: 'too_many_mentions',
      message: `${label} mentions ${mentions} accounts; the Sandbox network allows ${limits.maxMentions}.`,
      severity: 'error',
      used: mentions,
      limit: limits.maxMentions,
    });
  }
  return issues;
}

/** Failure markers are legal (that is their point) but the author should know what they do. */
function markerIssues(text: string, field: ValidationIssue['field']): ValidationIssue[] {
  const markers = parseSandboxMarkers(text);
  const issues: ValidationIssue[] = markers.unknown.map((marker) => ({
    field,
    code: 'unknown_sandbox_marker',
    message: `${marker} is not a Sandbox marker; it is posted as a plain hashtag.`,
    severity: 'warning' as const,
  }));
  if (markers.failure) {
    const times =
      markers.failure.times === undefined ? '' : ` for the first ${markers.failure.times} attempt(s)`;
    issues.push({
      field,
      code: 'simulated_failure',
      message: `The Sandbox network will simulate a ${markers.failure.kind} failure${times} for this ${field === 'text' ? 'post' : 'follow-up'}.`,
      severity: 'warning',
    });
  }
  if (markers.slow) {
    issues.push({
      field,
      code: 'simulated_slow_response',
      message: 'The Sandbox network will answer slowly (#slow).',
      severity: 'warning',
    });
  }
  return issues;
}

function threadIssues(thread: unknown, limits: PlatformLimits): ValidationIssue[] {
  if (!Array.isArray(thread)) {
    return [
      {
        field: 'thread',
        code: 'invalid_thread',
        message: 'The thread must be a list of replies.',
        severity: 'error',
      },
    ];
  }
  const issues: ValidationIssue[] = [];
  if (!limits.supportsThreads && thread.length > 0) {
    issues.push({
      field: 'thread',
      code: 'threads_unsupported',
      message: 'Threads are not available here.',
      severity: 'error',
    });
  }
  if (thread.length > SANDBOX_MAX_THREAD_REPLIES) {
    issues.push({
      field: 'thread',
      code: 'thread_too_long',
      message: `A Sandbox thread holds up to ${SANDBOX_MAX_THREAD_REPLIES} replies; this one has ${thread.length}.`,
      severity: 'error',
      used: thread.length,
      limit: SANDBOX_MAX_THREAD_REPLIES,
    });
  }
  thread.forEach((reply, index) => {
    const label = `Reply ${index + 1}`;
    if (typeof reply !== 'string' || reply.trim() === '') {
      issues.push({
        field: 'thread',
        code: 'thread_reply_empty',
        message: `${label} is empty.`,
        severity: 'error',
      });
      return;
    }
    issues.push(...textIssues(reply, limits, 'thread', label));
    issues.push(...markerIssues(reply, 'thread'));
  });
  return issues;
}

function firstCommentIssues(comment: unknown, limits: PlatformLimits): ValidationIssue[] {
  if (typeof comment !== 'string') {
    return [
      {
        field: 'firstComment',
        code: 'invalid_first_comment',
        message: 'The first comment must be text.',
        severity: 'error',
      },
    ];
  }
  if (comment.trim() === '') return [];
  const issues: ValidationIssue[] = [];
  if (!limits.supportsFirstComment) {
    issues.push({
      field: 'firstComment',
      code: 'first_comment_unsupported',
      message: 'First comments are not available here.',
      severity: 'error',
    });
  }
  issues.push(...textIssues(comment, limits, 'firstComment', 'The first comment'));
  issues.push(...markerIssues(comment, 'firstComment'));
  return issues;
}

function isMediaItem(value: unknown): value is MediaItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    (item.kind === 'image' || item.kind === 'video' || item.kind === 'gif') &&
    typeof item.mimeType === 'string' &&
    typeof item.bytes === 'number' &&
    Number.isFinite(item.bytes) &&
    typeof item.url === 'string'
  );
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function mediaIssues(raw: unknown[], limits: PlatformLimits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (code: string, message: string, extra: Partial<ValidationIssue> = {}) =>
    issues.push({ field: 'media', code, message, severity: 'error', ...extra });
  const items = raw.filter(isMediaItem);
  if (items.length < raw.length)
    add('invalid_media', 'An attachment could not be read; remove it and add it again.');

  // GIFs play inline like images and take an image slot.
  const stills = items.filter((item) => item.kind !== 'video');
  const videos = items.filter((item) => item.kind === 'video');
  if (stills.length > limits.maxImages) {
    add(
      'too_many_images',
      `The Sandbox network allows ${limits.maxImages} images per post; this one has ${stills.length}.`,
      {
        used: stills.length,
        limit: limits.maxImages,
      },
    );
  }
  if (videos.length > limits.maxVideos) {
    add(
      'too_many_videos',
      `The Sandbox network allows ${limits.maxVideos} video per post; this one has ${videos.length}.`,
      {
        used: videos.length,
        limit: limits.maxVideos,
      },
    );
  }
  if (stills.length > 0 && videos.length > 0 && !limits.mixedMedia) {
    add('mixed_media', 'A Sandbox post carries either images or one video, not both.');
  }

  items.forEach((item, index) => {
    const name = `Attachment ${index + 1}`;
    const type = item.mimeType.toLowerCase();
    const accepted: readonly string[] =
      item.kind === 'video'
        ? SANDBOX_VIDEO_TYPES
        : item.kind === 'gif'
          ? SANDBOX_GIF_TYPES
          : SANDBOX_IMAGE_TYPES;
    if (!accepted.includes(type)) {
      add(
        `unsupported_${item.kind}_type`,
        `${name}: the Sandbox network takes ${accepted.join(', ')} for a ${item.kind}, not ${item.mimeType}.`,
      );
    }
    const maxBytes = item.kind === 'video' ? limits.maxVideoBytes : limits.maxImageBytes;
    if (item.bytes > maxBytes) {
      add(
        `${item.kind === 'video' ? 'video' : 'image'}_too_large`,
        `${name} is ${megabytes(item.bytes)}; the limit is ${megabytes(maxBytes)}.`,
        {
          used: item.bytes,
          limit: maxBytes,
        },
      );
    }
    const maxSeconds = limits.maxVideoDurationSeconds;
    if (
      item.kind === 'video' &&
      maxSeconds !== undefined &&
      typeof item.durationSeconds === 'number' &&
      item.durationSeconds > maxSeconds
    ) {
      add(
        'video_too_long',
        `${name} lasts ${Math.round(item.durationSeconds)} s; the Sandbox network allows ${maxSeconds} s.`,
        {
          used: Math.round(item.durationSeconds),
          limit: maxSeconds,
        },
      );
    }
    if (item.kind !== 'video' && (typeof item.altText !== 'string' || item.altText.trim() === '')) {
      issues.push({
        field: 'media',
        code: 'missing_alt_text',
        message: `${name} has no description for screen readers.`,
        severity: 'warning',
      });
    }
  });
  return issues;
}

function optionIssues(options: unknown): ValidationIssue[] {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return [
      { field: 'options', code: 'invalid_options', message: 'Options must be an object.', severity: 'error' },
    ];
  }
  return Object.keys(options).map((key) => ({
    field: 'options' as const,
    code: 'unknown_option',
    message: `The Sandbox network has no setting "${key}"; it is ignored.`,
    severity: 'warning' as const,
  }));
}

/** Graphemes. */
export const SANDBOX_RULES: PlatformRules = {
  measureText: (text) => countGraphemes(text),
  validate: validateSandboxDraft,
};
