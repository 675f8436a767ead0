import { describe, expect, it } from 'vitest';
import { sameText, textFromHtml, withinWindow } from '../../functions/platforms/lookup-text';

describe('look-up text matching', () => {
  it('reads Mastodon HTML as the text that was sent', () => {
    const html =
      '<p>Hello &amp; welcome <span class="h-card"><a href="https://other.social/@bob" class="u-url mention">@<span>bob</span></a></span><br />line two</p><p>See <a href="https://example.com/a-long-path" rel="nofollow noopener"><span class="invisible">https://</span><span class="ellipsis">example.com/a-long</span><span class="invisible">-path</span></a> <a href="https://m.social/tags/plume" class="mention hashtag" rel="tag">#<span>plume</span></a></p>';
    expect(textFromHtml(html)).toBe(
      'Hello & welcome @bob\nline two\n\nSee https://example.com/a-long-path #plume',
    );
    expect(
      sameText(
        'Hello & welcome @bob@other.social\nline two\n\nSee https://example.com/a-long-path #plume',
        textFromHtml(html),
      ),
    ).toBe(true);
  });

  it('ignores X’s t.co links, its escaping and the link of attached media', () => {
    expect(
      sameText(
        'Read https://example.com/x?a=1&b=2 <now>',
        'Read https://t.co/abc &lt;now&gt; https://t.co/media',
      ),
    ).toBe(true);
    expect(sameText('Read this', 'Read that')).toBe(false);
    expect(sameText('Read this', 'Read this too')).toBe(false);
  });

  it('accepts a listed copy cut at a known length, and nothing shorter', () => {
    const long = `${'a'.repeat(148)} tail of the caption that TikTok cuts off`;
    expect(sameText(long, long.slice(0, 150), { truncatedAt: 150 })).toBe(true);
    expect(sameText(long, long.slice(0, 100), { truncatedAt: 150 })).toBe(false);
    expect(sameText(long, long.slice(0, 150))).toBe(false);
  });

  it('checks the time window', () => {
    const window = { since: new Date('2026-01-01T10:00:00Z'), until: new Date('2026-01-01T10:10:00Z') };
    expect(withinWindow(new Date('2026-01-01T10:05:00Z'), window)).toBe(true);
    expect(withinWindow(new Date('2026-01-01T09:59:59Z'), window)).toBe(false);
    expect(withinWindow(undefined, window)).toBe(true);
  });
});
