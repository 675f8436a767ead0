import type { ValidationIssue } from '../types';

/**
 * Per-target settings the composer may pass in `PostDraft.options` for X, mapped to the
 * `POST /2/tweets` body (https://docs.x.com/x-api/posts/create-post).
 */
export interface TwitterPostOptions {
  /** Who may reply; omitted means everyone. */
  replySettings?: 'following' | 'mentionedUsers' | 'subscribers' | 'verified';
}

const REPLY_SETTINGS = ['following', 'mentionedUsers', 'subscribers', 'verified'] as const;

/** Reads the valid options and reports the invalid ones; never throws. */
export function readTwitterOptions(raw: unknown): { options: TwitterPostOptions; issues: ValidationIssue[] } {
  const options: TwitterPostOptions = {};
  const issues: ValidationIssue[] = [];
  if (raw === undefined || raw === null) return { options, issues };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push({
      field: 'options',
      code: 'invalid_options',
      message: 'Post options must be an object.',
      severity: 'error',
    });
    return { options, issues };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'replySettings') {
      if ((REPLY_SETTINGS as readonly unknown[]).includes(value)) {
        options.replySettings = value as TwitterPostOptions['replySettings'];
      } else {
        issues.push({
          field: 'options',
          code: 'invalid_reply_settings',
          message: `Who can reply must be one of ${REPLY_SETTINGS.join(', ')}.`,
          severity: 'error',
        });
      }
    } else {
      issues.push({
        field: 'options',
        code: 'unknown_option',
        message: `X ignores the option "${key}".`,
        severity: 'warning',
      });
    }
  }
  return { options, issues };
}
