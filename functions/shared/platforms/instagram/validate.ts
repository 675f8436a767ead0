import type { MediaItem, PlatformLimits, PlatformRules, PostDraft, ValidationIssue } from '../types';
import { hashtags, mentions } from '../meta-graph/text-rules';
import { utf16Length } from '../text-measures';
import {
  carouselMediaIssues,
  error,
  firstCommentIssues,
  isVideo,
  lengthIssue,
} from '../meta-graph/validation-helpers';
import {
  INSTAGRAM_ASPECT_RATIO,
  INSTAGRAM_CAROUSEL_VIDEO_MAX_SECONDS,
  INSTAGRAM_FORMATS,
  INSTAGRAM_MAX_CAROUSEL_ITEMS,
  INSTAGRAM_REEL_SECONDS,
} from './limits';

const NETWORK = 'Instagram';

function positive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function captionIssues(
  field: 'text' | 'firstComment',
  text: string,
  limits: PlatformLimits,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const length = lengthIssue(field, utf16Length(text), limits.maxTextLength, NETWORK);
  if (length) issues.push(length);
  const tags = hashtags(text).length;
  if (limits.maxHashtags !== undefined && tags > limits.maxHashtags) {
    issues.push(
      error(
        field,
        'too_many_hashtags',
        `Instagram allows ${limits.maxHashtags} hashtags; this has ${tags}.`,
        {
          used: tags,
          limit: limits.maxHashtags,
        },
      ),
    );
  }
  const tagged = mentions(text).length;
  if (limits.maxMentions !== undefined && tagged > limits.maxMentions) {
    issues.push(
      error(
        field,
        'too_many_mentions',
        `Instagram allows ${limits.maxMentions} @-mentions; this has ${tagged}.`,
        {
          used: tagged,
          limit: limits.maxMentions,
        },
      ),
    );
  }
  return issues;
}

function shapeIssues(media: MediaItem[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const carousel = media.length > 1;
  for (const item of media) {
    if (!isVideo(item) && positive(item.width) && positive(item.height)) {
      const ratio = item.width / item.height;
      if (ratio < INSTAGRAM_ASPECT_RATIO.min - 0.005 || ratio > INSTAGRAM_ASPECT_RATIO.max + 0.005) {
        issues.push(
          error(
            'media',
            'aspect_ratio',
            'Instagram images must be between 4:5 (portrait) and 1.91:1 (landscape).',
          ),
        );
      }
    }
    if (isVideo(item) && positive(item.durationSeconds)) {
      const max = carousel ? INSTAGRAM_CAROUSEL_VIDEO_MAX_SECONDS : INSTAGRAM_REEL_SECONDS.max;
      if (item.durationSeconds < INSTAGRAM_REEL_SECONDS.min || item.durationSeconds > max) {
        issues.push(
          error(
            'media',
            'video_duration',
            carousel
              ? `Videos in an Instagram carousel must last 3 to ${max} seconds.`
              : `Instagram Reels must last 3 seconds to ${max / 60} minutes.`,
            { used: Math.round(item.durationSeconds), limit: max },
          ),
        );
      }
    }
  }
  return issues;
}

/** Pure: the dashboard runs the same rules for its live counter. */
export function validateInstagramDraft(draft: PostDraft, limits: PlatformLimits): ValidationIssue[] {
  const text = typeof draft?.text === 'string' ? draft.text : '';
  const media: MediaItem[] = Array.isArray(draft?.media) ? draft.media : [];
  const issues = captionIssues('text', text, limits);
  if (limits.requiresMedia && media.length === 0) {
    issues.push(error('media', 'media_required', 'Instagram posts need at least one image or video.'));
  }
  issues.push(
    ...carouselMediaIssues(media, limits, {
      network: NETWORK,
      maxItems: INSTAGRAM_MAX_CAROUSEL_ITEMS,
      tooManyItems: `An Instagram carousel holds up to ${INSTAGRAM_MAX_CAROUSEL_ITEMS} items.`,
      formats: INSTAGRAM_FORMATS,
    }),
    ...shapeIssues(media),
  );
  const thread = Array.isArray(draft?.thread)
    ? draft.thread.filter((reply) => typeof reply === 'string' && reply.trim())
    : [];
  if (thread.length > 0 && !limits.supportsThreads) {
    issues.push(
      error('thread', 'threads_unsupported', 'Instagram has no threads; use a first comment instead.'),
    );
  }
  issues.push(
    ...firstCommentIssues(draft?.firstComment, limits, (comment) =>
      captionIssues('firstComment', comment, limits),
    ),
  );
  return issues;
}

/** UTF-16 units. */
export const INSTAGRAM_RULES: PlatformRules = {
  measureText: (text) => utf16Length(text),
  validate: validateInstagramDraft,
};
