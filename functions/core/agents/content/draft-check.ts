import { validateForPlatform } from '../../../shared/platforms/rules';
import type { Platform } from '../../../shared/platforms/catalog';

export interface DraftIssue {
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface DraftCheck {
  /** No error: the composer would save it as it is (media a network requires is added there). */
  valid: boolean;
  issues: DraftIssue[];
  /** The organization's banned words and phrases the text contains (each an error). */
  bannedWords: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole words or phrases, any case, in any script: "ban" does not match "banana". */
export function bannedWordsIn(text: string, banned: readonly string[]): string[] {
  return banned.filter((word) =>
    new RegExp(`(?<![\\p{L}\\p{N}_])${escape(word.trim())}(?![\\p{L}\\p{N}_])`, 'iu').test(text),
  );
}

/**
 * A draft checked as the server checks a post on save (the network's own rules: length as
 * that network counts it, links, mentions...) plus the organization's banned words. A network
 * that needs media (Instagram, TikTok) reports it; the person adds it in the composer.
 */
export function checkDraft(platform: Platform, text: string, banned: readonly string[] = []): DraftCheck {
  const issues: DraftIssue[] = validateForPlatform(platform, { text, media: [] })
    .filter((issue) => issue.field === 'text' || issue.field === 'media')
    .map(({ code, message, severity }) => ({ code, message, severity }));
  const bannedWords = bannedWordsIn(text, banned);
  for (const word of bannedWords)
    issues.push({
      code: 'banned_word',
      message: `Contains “${word}”, which your organization does not use.`,
      severity: 'error',
    });
  const textErrors = issues.filter((issue) => issue.severity === 'error' && issue.code !== 'media_required');
  return { valid: textErrors.length === 0, issues, bannedWords };
}
