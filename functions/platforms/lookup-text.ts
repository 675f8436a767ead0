/**
 * Text matching for look-ups of interrupted posts. Networks give a post's text back a little
 * changed: X shortens links to t.co and escapes `&<>`, Mastodon renders HTML, LinkedIn keeps
 * "little text" escapes, captions get trimmed. These helpers compare what Plume sent with what
 * the network lists, ignoring only those changes.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text of a post rendered as HTML (Mastodon's `content`): paragraphs and breaks kept as lines. */
export function textFromHtml(html: string): string {
  return decodeEntities(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
      .replace(/<[^>]*>/g, ''),
  );
}

const URL_PATTERN = /\bhttps?:\/\/\S+/gi;
const LINK = '\u0000link';

function normalized(text: string): string {
  return (
    decodeEntities(text.normalize('NFC'))
      // Links may come back shortened or re-rendered: only their place counts.
      .replace(URL_PATTERN, LINK)
      // A remote mention `@bob@example.social` is shown as `@bob`.
      .replace(/@([\w.-]+)@[\w.-]+\.[a-z]{2,}/gi, '@$1')
      .replace(/\s+/g, ' ')
      .trim()
      // X appends the link of attached media: a trailing link alone is not the author's text.
      .replace(new RegExp(`(\\s*${LINK})+$`), '')
      .trim()
  );
}

/**
 * Whether `found` (as the network lists it) is the text Plume sent. `truncatedAt` is for
 * networks that list a shortened copy (TikTok's 150-character description): a prefix of that
 * length or more also matches.
 */
export function sameText(sent: string, found: string, options: { truncatedAt?: number } = {}): boolean {
  const a = normalized(sent);
  const b = normalized(found);
  if (a === b) return true;
  const cut = options.truncatedAt;
  return cut !== undefined && b.length >= Math.min(cut, a.length) - 3 && a.startsWith(b.replace(/…$/, ''));
}

/** Whether `at` falls within the query's window (absent times are given the benefit). */
export function withinWindow(at: Date | undefined, window: { since: Date; until: Date }): boolean {
  if (!at || Number.isNaN(at.getTime())) return true;
  return at.getTime() >= window.since.getTime() && at.getTime() <= window.until.getTime();
}
