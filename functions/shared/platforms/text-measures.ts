/**
 * The ways networks measure text, shared by their rules. Pure: the composer's counters use them.
 */
const encoder = new TextEncoder();

/**
 * Made on first use, not at import: building it loads ICU's segmentation data (~6 ms), which
 * every cold start of a Lambda that bundles these rules paid, counting or not.
 */
let segmenter: Intl.Segmenter | null | undefined;

function graphemeSegmenter(): Intl.Segmenter | null {
  segmenter ??=
    typeof Intl !== 'undefined' && 'Segmenter' in Intl
      ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
      : null;
  return segmenter;
}

/**
 * User-perceived characters (extended grapheme clusters, as `Intl.Segmenter` splits them): what
 * Bluesky, Mastodon (Ruby's `each_grapheme_cluster.size`) and the Sandbox count. Code points
 * where no segmenter exists.
 */
export function countGraphemes(text: string): number {
  const graphemes = graphemeSegmenter();
  if (!graphemes) return Array.from(text).length;
  let count = 0;
  for (const _ of graphemes.segment(text)) count += 1;
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
