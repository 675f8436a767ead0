import twitterText from 'twitter-text';
import { countGraphemes } from '../text-measures';

/**
 * Mastodon's `Account::MENTION_RE`: `@user` or `@user@domain`, not preceded by a word
 * character, `=` or `/` (so e-mail addresses and URL paths are not mentions).
 */
const MENTION =
  /(?<![=/\p{L}\p{M}\p{N}\p{Pc}])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(?:@[\p{L}\p{M}\p{N}\p{Pc}.-]+[\p{L}\p{M}\p{N}\p{Pc}]+)?/giu;

interface Entity {
  start: number;
  end: number;
  replacement: string;
}

/**
 * The length Mastodon's `StatusLengthValidator` measures: grapheme clusters, where every
 * URL with a scheme counts as `urlLength` characters and `@user@domain` counts as `@user`.
 * Mastodon finds URLs with the twitter-text extractor (without protocol-less URLs), so the
 * same library is used here.
 */
export function countMastodonCharacters(text: string, urlLength = 23): number {
  if (text.trim() === '') return 0;
  const entities: Entity[] = [];
  for (const url of twitterText.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false })) {
    const [start, end] = url.indices;
    entities.push({ start, end, replacement: 'x'.repeat(urlLength) });
  }
  for (const match of text.matchAll(MENTION)) {
    const start = match.index;
    entities.push({ start, end: start + match[0].length, replacement: `@${match[1] ?? ''}` });
  }
  entities.sort((a, b) => a.start - b.start || b.end - a.end);
  let countable = '';
  let cursor = 0;
  for (const entity of entities) {
    // Overlapping entities (a mention inside a URL) keep the first, like `remove_overlapping_entities`.
    if (entity.start < cursor) continue;
    countable += text.slice(cursor, entity.start) + entity.replacement;
    cursor = entity.end;
  }
  countable += text.slice(cursor);
  return countGraphemes(countable);
}
