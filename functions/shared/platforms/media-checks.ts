import type { ValidationIssue } from './types';

/*
 * The media checks every network's rules make (how many files, how large), each worded by the
 * network. Pure: the composer runs them too.
 */

/** An issue that blocks the post. */
export function mediaError(issue: Omit<ValidationIssue, 'severity'>): ValidationIssue {
  return { ...issue, severity: 'error' };
}

/** "5 MB", "4.5 MB": one decimal where there is one (LinkedIn, TikTok, Meta's networks). */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** "5.0 MB": always one decimal (X, Mastodon). */
export function megabytesOneDecimal(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** One error when a post carries more files of a kind than the network allows, else none. */
export function countOver(code: string, used: number, limit: number, message: string): ValidationIssue[] {
  return used > limit ? [mediaError({ field: 'media', code, message, used, limit })] : [];
}

/** One error when a file is larger than the network allows, else none. */
export function sizeOver(
  bytes: number,
  limit: number,
  message: string,
  code = 'file_too_large',
): ValidationIssue[] {
  return bytes > limit ? [mediaError({ field: 'media', code, message, used: bytes, limit })] : [];
}

/**
 * One attachment's description (alt text): longer than the network takes is an error; none at
 * all is a warning, since many people filter or boost only described media.
 */
export function altTextIssues(
  label: string,
  altText: string,
  limit: number,
  network: string,
): ValidationIssue[] {
  if (altText.length > limit) {
    const message = `${label}: the description is ${altText.length} characters; ${network} allows ${limit}.`;
    // In the order the networks' rules always wrote it (API answers keep their key order).
    return [
      { field: 'media', code: 'alt_text_too_long', message, severity: 'error', used: altText.length, limit },
    ];
  }
  if (altText.trim() === '') {
    return [
      {
        field: 'media',
        code: 'missing_alt_text',
        message: `${label} has no description (alt text).`,
        severity: 'warning',
      },
    ];
  }
  return [];
}

/** The one error every network gives a post with neither text nor media. */
export function emptyPostIssues(text: string, media: readonly unknown[]): ValidationIssue[] {
  if (text.trim() !== '' || media.length > 0) return [];
  return [{ field: 'text', code: 'empty', message: 'Write something or attach media.', severity: 'error' }];
}
