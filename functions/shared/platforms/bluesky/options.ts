import type { ValidationIssue } from '../types';
import { BLUESKY_MAX_LANGS, BLUESKY_MAX_TAG_GRAPHEMES, BLUESKY_MAX_TAGS } from './limits';
import { countGraphemes, utf8Length } from '../text-measures';

/**
 * Per-target settings the composer may pass in `PostDraft.options` for Bluesky, mapped onto
 * the `app.bsky.feed.post` record (https://docs.bsky.app/docs/advanced-guides/posts). Thread
 * replies reuse `langs`; `labels` (which describe the media) and `tags` go on the first post only.
 */
export interface BlueskyPostOptions {
  /** BCP-47 language tags of the text, at most 3 ("en", "pt-BR"); feeds filter on them. */
  langs?: string[];
  /** Self-labels (content warnings) for adult or graphic media. */
  labels?: BlueskySelfLabel[];
  /** Extra hashtags stored outside the text (`tags`, at most 8, without "#"). */
  tags?: string[];
}

/** The self-label values the Bluesky app offers for posts. */
export const BLUESKY_SELF_LABELS = ['sexual', 'nudity', 'porn', 'graphic-media'] as const;
export type BlueskySelfLabel = (typeof BLUESKY_SELF_LABELS)[number];

const KNOWN = new Set(['langs', 'labels', 'tags']);
// Syntax of a BCP-47 tag, loosely (what the lexicon's `language` format checks).
const LANGUAGE_TAG = /^(i|[a-z]{2,3})(-[a-z0-9]{1,8})*$/i;

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/** Reads the valid options and reports the invalid ones; never throws. */
export function readBlueskyOptions(raw: unknown): { options: BlueskyPostOptions; issues: ValidationIssue[] } {
  const options: BlueskyPostOptions = {};
  const issues: ValidationIssue[] = [];
  const invalid = (code: string, message: string) =>
    issues.push({ field: 'options', code, message, severity: 'error' });
  if (raw === undefined || raw === null) return { options, issues };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    invalid('invalid_options', 'Post options must be an object.');
    return { options, issues };
  }
  const record = raw as Record<string, unknown>;

  if (record.langs !== undefined) {
    const langs = stringArray(record.langs);
    if (!langs || langs.some((lang) => !LANGUAGE_TAG.test(lang))) {
      invalid('invalid_langs', 'Languages must be a list of language tags such as "en" or "pt-BR".');
    } else if (langs.length > BLUESKY_MAX_LANGS) {
      invalid('too_many_langs', `A Bluesky post names at most ${BLUESKY_MAX_LANGS} languages.`);
    } else if (langs.length > 0) {
      options.langs = langs;
    }
  }
  if (record.labels !== undefined) {
    const labels = stringArray(record.labels);
    const known = BLUESKY_SELF_LABELS as readonly string[];
    if (!labels || labels.some((label) => !known.includes(label))) {
      invalid('invalid_labels', `Content labels must be among ${BLUESKY_SELF_LABELS.join(', ')}.`);
    } else if (labels.length > 0) {
      options.labels = [...new Set(labels)] as BlueskySelfLabel[];
    }
  }
  if (record.tags !== undefined) {
    const tags = stringArray(record.tags)?.map((tag) => tag.replace(/^[#＃]/, '').trim());
    if (!tags || tags.some((tag) => tag === '' || /\s/.test(tag))) {
      invalid('invalid_tags', 'Tags must be single words, with or without "#".');
    } else if (tags.length > BLUESKY_MAX_TAGS) {
      invalid('too_many_tags', `A Bluesky post carries at most ${BLUESKY_MAX_TAGS} extra tags.`);
    } else if (tags.some((tag) => countGraphemes(tag) > BLUESKY_MAX_TAG_GRAPHEMES || utf8Length(tag) > 640)) {
      invalid('tag_too_long', `Each tag may be at most ${BLUESKY_MAX_TAG_GRAPHEMES} characters.`);
    } else if (tags.length > 0) {
      options.tags = tags;
    }
  }
  for (const key of Object.keys(record)) {
    if (!KNOWN.has(key)) {
      issues.push({
        field: 'options',
        code: 'unknown_option',
        message: `Bluesky ignores the option "${key}".`,
        severity: 'warning',
      });
    }
  }
  return { options, issues };
}
