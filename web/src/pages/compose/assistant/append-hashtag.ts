/** The text with `#tag` added at its end (on the last line of hashtags, if it ends with one). */
export function appendHashtag(text: string, tag: string): string {
  const hashtag = `#${tag.replace(/^#/, '')}`;
  if (new RegExp(`(^|\\s)${hashtag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`, 'i').test(text))
    return text;
  const trimmed = text.trimEnd();
  if (trimmed === '') return hashtag;
  const lastLine = trimmed.split('\n').at(-1) ?? '';
  return /^(#\S+\s*)+$/.test(lastLine) ? `${trimmed} ${hashtag}` : `${trimmed}\n\n${hashtag}`;
}
