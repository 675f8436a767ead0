import type { MediaItem, PlatformLimits, PlatformRules, PostDraft, ValidationIssue } from '../types';
import { utf16Length } from '../text-measures';
import { error, formatIssues, lengthIssue, mediaIssues } from '../meta-graph/validation-helpers';
import { FACEBOOK_COMMENT_MAX_LENGTH, FACEBOOK_FORMATS } from './limits';

const NETWORK = 'Facebook';

/** Pure: the dashboard runs the same rules for its live counter. */
export function validateFacebookDraft(draft: PostDraft, limits: PlatformLimits): ValidationIssue[] {
  const text = typeof draft?.text === 'string' ? draft.text : '';
  const media: MediaItem[] = Array.isArray(draft?.media) ? draft.media : [];
  const issues: ValidationIssue[] = [];
  const length = lengthIssue('text', utf16Length(text), limits.maxTextLength, NETWORK);
  if (length) issues.push(length);
  if (!text.trim() && media.length === 0) {
    issues.push(error('text', 'empty_post', 'A Facebook post needs text, photos or a video.'));
  }
  issues.push(...mediaIssues(media, limits, NETWORK), ...formatIssues(media, FACEBOOK_FORMATS, NETWORK));
  const thread = Array.isArray(draft?.thread)
    ? draft.thread.filter((reply) => typeof reply === 'string' && reply.trim())
    : [];
  if (thread.length > 0 && !limits.supportsThreads) {
    issues.push(
      error('thread', 'threads_unsupported', 'Facebook Pages have no threads; use a first comment instead.'),
    );
  }
  if (typeof draft?.firstComment === 'string' && draft.firstComment.trim()) {
    if (!limits.supportsFirstComment) {
      issues.push(
        error('firstComment', 'first_comment_unsupported', 'This account cannot add a first comment.'),
      );
    }
    const comment = lengthIssue(
      'firstComment',
      utf16Length(draft.firstComment),
      FACEBOOK_COMMENT_MAX_LENGTH,
      NETWORK,
    );
    if (comment) issues.push(comment);
  }
  return issues;
}

/** UTF-16 units. */
export const FACEBOOK_RULES: PlatformRules = {
  measureText: (text) => utf16Length(text),
  validate: validateFacebookDraft,
};
