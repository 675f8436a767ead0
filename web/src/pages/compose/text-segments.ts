export interface TextSegment {
  kind: 'text' | 'link' | 'hashtag' | 'mention';
  value: string;
}

// Links up to whitespace, trailing punctuation left out; hashtags and mentions at a word start.
const TOKEN =
  /(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)\]}'"»”’]|www\.[^\s<>"]*[^\s<>".,;:!?)\]}'"»”’])|((?<![\p{L}\p{N}_&#])#[\p{L}\p{M}\p{N}_]*[\p{L}\p{M}_][\p{L}\p{M}\p{N}_]*)|((?<![\p{L}\p{N}_.@])@[A-Za-z0-9_.]+(?:@[A-Za-z0-9.-]+[A-Za-z0-9])?)/gu;

/** Splits post text for a preview that highlights links, hashtags and mentions as networks do. */
export function segmentText(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    if (start > last) segments.push({ kind: 'text', value: text.slice(last, start) });
    const kind = match[1] ? 'link' : match[2] ? 'hashtag' : 'mention';
    segments.push({ kind, value: match[0] });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', value: text.slice(last) });
  return segments;
}
