import { eng, deu, fra, spa } from 'stopword';

/**
 * Words of a post for trend counting. Tokenized with the built-in `Intl.Segmenter` (word
 * granularity: it knows where words end in every script, Chinese and Japanese included, where
 * a regular expression would not), lower-cased after NFKC, and without stop words: the
 * maintained lists of the `stopword` package (English, and the other languages Plume's users
 * write most), plus the web's own noise (`https`, `amp`).
 */
const STOP_WORDS = new Set([...eng, ...deu, ...fra, ...spa, 'https', 'http', 'www', 'amp', 'rt', 'via']);

/** Links, @mentions and #hashtags are left out of the words: hashtags are counted on their own. */
const NOT_WORDS = /https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_.]+/gu;

let segmenter: Intl.Segmenter | undefined;

/** The distinct words of one text worth counting (a word said twice in a post counts once). */
export function termsOf(text: string): Set<string> {
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  const terms = new Set<string>();
  for (const { segment, isWordLike } of segmenter.segment(text.normalize('NFKC').replace(NOT_WORDS, ' '))) {
    if (!isWordLike) continue;
    const word = segment
      .toLowerCase()
      .replace(/['’]s$/, '')
      .replace(/^['’]+|['’]+$/g, '');
    // One letter says nothing; numbers (years, prices) are not topics.
    if (word.length < 2 || /^\p{N}+$/u.test(word) || STOP_WORDS.has(word)) continue;
    // Single CJK characters are words too; a Latin pair like "ok" is usually noise.
    if (word.length < 3 && /^[\p{Script=Latin}]+$/u.test(word)) continue;
    terms.add(word);
  }
  return terms;
}

/** A hashtag as counted: NFKC, lower-case, without the `#`. */
export function normalizeHashtag(tag: string): string {
  return tag.normalize('NFKC').toLowerCase().replace(/^#/, '');
}
