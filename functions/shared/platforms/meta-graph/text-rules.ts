/**
 * Counting rules shared by the Meta networks. Pure (no Node API, no I/O): the dashboard
 * imports them through each connector's `validate.ts` for its live counters.
 */

// A hashtag starts a word (not `a#b`, not `&#38;`) and is not only digits (`#1` is no tag).
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&#])#([\p{L}\p{M}\p{N}_]*[\p{L}\p{M}_][\p{L}\p{M}\p{N}_]*)/gu;
// Instagram and Threads usernames: letters, digits, periods and underscores, at most 30.
const MENTION = /(?<![\p{L}\p{M}\p{N}_.@])@([A-Za-z0-9._]{1,30})/gu;
// What Threads counts as a link: `https://...`, `http://...` or `www....` up to whitespace.
const LINK = /(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"»”’]+$/u;

export function hashtags(text: string): string[] {
  return [...text.matchAll(HASHTAG)].map((match) => match[1]!);
}

export function mentions(text: string): string[] {
  return [...text.matchAll(MENTION)].map((match) => match[1]!);
}

/** Distinct links, trailing punctuation trimmed, compared case-insensitively. */
export function links(text: string): string[] {
  const seen = new Map<string, string>();
  for (const match of text.matchAll(LINK)) {
    const link = match[0].replace(TRAILING_PUNCTUATION, '');
    const key = link.toLowerCase();
    if (!seen.has(key)) seen.set(key, link);
  }
  return [...seen.values()];
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
const encoder = new TextEncoder();
let graphemes: Intl.Segmenter | undefined;

/**
 * Threads' count: "Text posts are limited to 500 characters. Emojis are counted as the number
 * of UTF-8 bytes" (https://developers.facebook.com/documentation/threads/posts). An emoji
 * grapheme (flags and ZWJ families included) counts its UTF-8 bytes; other text counts one
 * per code point.
 */
export function threadsTextLength(text: string): number {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let length = 0;
  for (const { segment } of graphemes.segment(text)) {
    length += EMOJI.test(segment) ? encoder.encode(segment).length : [...segment].length;
  }
  return length;
}
