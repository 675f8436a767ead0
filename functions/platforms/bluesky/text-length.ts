/**
 * How Bluesky measures post text: user-perceived characters (extended grapheme clusters, as
 * `Intl.Segmenter` splits them) and UTF-8 bytes. Facet offsets are byte offsets too. Pure: the
 * dashboard imports this for its live counter.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const encoder = new TextEncoder();

export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
