import { normalizeHashtag } from '../../analytics/text-terms';

/**
 * The hashtags of a text, as the analytics Trends page counts them in SQL (trends.ts:
 * `(^|[^[:alnum:]_&/])#([[:alnum:]_]*[[:alpha:]][[:alnum:]_]*)`): a `#` not inside a word, an
 * HTML entity or a link, then letters, digits or underscores with one letter at least (so "#1"
 * is not a tag); normalised (NFKC, lower case), each once, written with its `#`.
 */
const HASHTAG = /(^|[^\p{L}\p{N}_&/])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu;

export function hashtagsOf(text: string): Set<string> {
  const tags = new Set<string>();
  for (const match of text.matchAll(HASHTAG)) tags.add(`#${normalizeHashtag(match[2]!)}`);
  return tags;
}
