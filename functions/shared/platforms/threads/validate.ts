import type { MediaItem, PlatformLimits, PlatformRules, PostDraft, ValidationIssue } from '../types';
import { hashtags, links, threadsTextLength } from '../meta-graph/text-rules';
import {
  carouselMediaIssues,
  error,
  firstCommentIssues,
  isVideo,
  lengthIssue,
  warning,
} from '../meta-graph/validation-helpers';
import {
  THREADS_FORMATS,
  THREADS_MAX_CAROUSEL_ITEMS,
  THREADS_MAX_LINKS,
  THREADS_VIDEO_MAX_SECONDS,
} from './limits';

const NETWORK = 'Threads';

function textIssues(
  field: ValidationIssue['field'],
  text: string,
  limits: PlatformLimits,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const length = lengthIssue(field, threadsTextLength(text), limits.maxTextLength, NETWORK);
  if (length) issues.push(length);
  const linkCount = links(text).length;
  if (linkCount > THREADS_MAX_LINKS) {
    issues.push(
      error(
        field,
        'too_many_links',
        `Threads allows ${THREADS_MAX_LINKS} links per post; this has ${linkCount}.`,
        {
          used: linkCount,
          limit: THREADS_MAX_LINKS,
        },
      ),
    );
  }
  const tags = hashtags(text).length;
  if (limits.maxHashtags !== undefined && tags > limits.maxHashtags) {
    issues.push(
      warning(
        field,
        'one_topic_tag',
        'Threads turns only the first hashtag into a topic; the others stay plain text.',
        {
          used: tags,
          limit: limits.maxHashtags,
        },
      ),
    );
  }
  return issues;
}

function replies(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((reply): reply is string => typeof reply === 'string') : [];
}

/** Pure: the dashboard runs the same rules for its live counter. */
export function validateThreadsDraft(draft: PostDraft, limits: PlatformLimits): ValidationIssue[] {
  const text = typeof draft?.text === 'string' ? draft.text : '';
  const media: MediaItem[] = Array.isArray(draft?.media) ? draft.media : [];
  const issues = textIssues('text', text, limits);
  if (!text.trim() && media.length === 0) {
    issues.push(error('text', 'empty_post', 'A Threads post needs text or media.'));
  }
  issues.push(
    ...carouselMediaIssues(media, limits, {
      network: NETWORK,
      maxItems: THREADS_MAX_CAROUSEL_ITEMS,
      tooManyItems: `A Threads carousel holds up to ${THREADS_MAX_CAROUSEL_ITEMS} items.`,
      formats: THREADS_FORMATS,
    }),
  );
  for (const item of media) {
    if (
      isVideo(item) &&
      typeof item.durationSeconds === 'number' &&
      item.durationSeconds > THREADS_VIDEO_MAX_SECONDS
    ) {
      issues.push(
        error('media', 'video_duration', 'Threads videos can last up to 5 minutes.', {
          used: Math.round(item.durationSeconds),
          limit: THREADS_VIDEO_MAX_SECONDS,
        }),
      );
    }
  }
  const thread = replies(draft?.thread);
  if (thread.length > 0 && !limits.supportsThreads) {
    issues.push(error('thread', 'threads_unsupported', 'This account cannot post threads.'));
  }
  thread.forEach((reply) => {
    if (!reply.trim()) issues.push(error('thread', 'empty_reply', 'A reply in the thread is empty.'));
    issues.push(...textIssues('thread', reply, limits));
  });
  issues.push(
    ...firstCommentIssues(draft?.firstComment, limits, (comment) =>
      textIssues('firstComment', comment, limits),
    ),
  );
  return issues;
}

/** Code points, emoji as their UTF-8 bytes. */
export const THREADS_RULES: PlatformRules = {
  measureText: (text) => threadsTextLength(text),
  validate: validateThreadsDraft,
};
