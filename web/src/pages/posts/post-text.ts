/** The first words of a post, cut at a word boundary, for lists where the full text will not fit. */
export function firstWords(text: string, maxCharacters = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxCharacters) return flat;
  const cut = flat.slice(0, maxCharacters + 1);
  const lastSpace = cut.lastIndexOf(' ');
  // A single very long word (a URL) is cut where it is rather than dropped.
  const words = lastSpace > maxCharacters / 2 ? cut.slice(0, lastSpace) : cut.slice(0, maxCharacters);
  return `${words.replace(/[\s,.;:!?-]+$/, '')}…`;
}

/** The time a post is about: when it went out, else when it is due. */
export function postMoment(post: {
  status: string;
  scheduledAt: string | null;
  publishedAt: string | null;
}): { label: 'Published' | 'Scheduled' | 'Not scheduled'; at: string | null } {
  if (post.publishedAt) return { label: 'Published', at: post.publishedAt };
  if (post.scheduledAt) return { label: 'Scheduled', at: post.scheduledAt };
  return { label: 'Not scheduled', at: null };
}

/** What a post is called in lists, links and confirmations. */
export function postLabel(post: { title: string | null; content: string }): string {
  return post.title?.trim() || firstWords(post.content, 60) || 'Untitled post';
}
