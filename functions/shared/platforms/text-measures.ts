/**
 * The ways networks measure text, shared by their rules. Pure: the composer's counters use them.
 */
const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : undefined;
const encoder = new TextEncoder();

/**
 * User-perceived characters (extended grapheme clusters, as `Intl.Segmenter` splits them): what
 * Bluesky, Mastodon (Ruby's `each_grapheme_cluster.size`) and the Sandbox count. Code points
 * where no segmenter exists.
 */
export function countGraphemes(text: string): number {
  if (!segmenter) return Array.from(text).length;
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

/** UTF-8 bytes (Bluesky's second text limit; its facet offsets are byte offsets too). */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** Length in UTF-16 code units, what Facebook, Instagram, LinkedIn and TikTok compare with their limits. */
export function utf16Length(text: string): number {
  return text.length;
}
