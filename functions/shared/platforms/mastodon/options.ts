import type { ValidationIssue } from '../types';

/**
 * Per-target settings the composer may pass in `PostDraft.options` for Mastodon, mapped to
 * `POST /api/v1/statuses` parameters (https://docs.joinmastodon.org/methods/statuses/#create).
 * Thread replies reuse them, as Mastodon's own composer does.
 */
export interface MastodonPostOptions {
  /** Omitted: the account's default visibility. */
  visibility?: 'public' | 'unlisted' | 'private' | 'direct';
  /** Content warning shown before the post; it counts toward the character limit. */
  spoilerText?: string;
  /** Hide media behind a click. */
  sensitive?: boolean;
  /** ISO 639 language code. */
  language?: string;
}

const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'] as const;
const KNOWN = new Set(['visibility', 'spoilerText', 'sensitive', 'language']);

/** Reads the valid options and reports the invalid ones; never throws. */
export function readMastodonOptions(raw: unknown): {
  options: MastodonPostOptions;
  issues: ValidationIssue[];
} {
  const options: MastodonPostOptions = {};
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
  const record = raw as Record<string, unknown>;
  const invalid = (code: string, message: string) =>
    issues.push({ field: 'options', code, message, severity: 'error' });

  if (record.visibility !== undefined) {
    if ((VISIBILITIES as readonly unknown[]).includes(record.visibility)) {
      options.visibility = record.visibility as MastodonPostOptions['visibility'];
    } else invalid('invalid_visibility', `Visibility must be one of ${VISIBILITIES.join(', ')}.`);
  }
  if (record.spoilerText !== undefined) {
    if (typeof record.spoilerText === 'string') options.spoilerText = record.spoilerText;
    else invalid('invalid_spoiler_text', 'The content warning must be text.');
  }
  if (record.sensitive !== undefined) {
    if (typeof record.sensitive === 'boolean') options.sensitive = record.sensitive;
    else invalid('invalid_sensitive', '"Sensitive" must be true or false.');
  }
  if (record.language !== undefined) {
    if (typeof record.language === 'string' && /^[a-z]{2,3}$/i.test(record.language))
      options.language = record.language.toLowerCase();
    else invalid('invalid_language', 'The language must be an ISO 639 code such as "en".');
  }
  for (const key of Object.keys(record)) {
    if (!KNOWN.has(key)) {
      issues.push({
        field: 'options',
        code: 'unknown_option',
        message: `Mastodon ignores the option "${key}".`,
        severity: 'warning',
      });
    }
  }
  return { options, issues };
}

/** The status parameters for a set of options. */
export function statusParameters(options: MastodonPostOptions): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  if (options.visibility) parameters.visibility = options.visibility;
  if (options.spoilerText) parameters.spoiler_text = options.spoilerText;
  if (options.sensitive !== undefined) parameters.sensitive = options.sensitive;
  if (options.language) parameters.language = options.language;
  return parameters;
}
