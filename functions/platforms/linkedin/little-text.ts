/**
 * LinkedIn's "little" text format for post commentary and comments. Reserved characters must
 * be escaped with a backslash "even if those characters are not used in one of the supported
 * elements", or LinkedIn drops or cuts the text after them:
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format
 *
 * Hashtags (`#word` at a word start) are kept as little HashtagElements so they stay clickable;
 * every other reserved character is escaped. Pure: the dashboard may import it.
 */
const RESERVED = /[\\|{}@[\]()<>#*_~]/g;
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_])#([\p{L}\p{M}\p{N}]+)/gu;

function escapeReserved(text: string): string {
  return text.replace(RESERVED, (character) => `\\${character}`);
}

export function toLittleText(text: string): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(HASHTAG)) {
    result += escapeReserved(text.slice(last, match.index)) + `#${match[1]}`;
    last = match.index + match[0].length;
  }
  return result + escapeReserved(text.slice(last));
}
