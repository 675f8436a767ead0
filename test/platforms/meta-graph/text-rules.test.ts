import { describe, expect, it } from 'vitest';
import {
  hashtags,
  links,
  mentions,
  threadsTextLength,
} from '../../../functions/shared/platforms/meta-graph/text-rules';

describe('threadsTextLength', () => {
  it.each([
    ['plain ASCII counts one per character', 'hello', 5],
    ['accented letters count one per code point', 'café', 4],
    ['a decomposed accent counts its two code points', 'cafe\u0301', 5],
    ['CJK counts one per character', '日本語', 3],
    ['an emoji counts its 4 UTF-8 bytes', '👍', 4],
    ['text plus an emoji', 'Hi 👋', 7],
    ['a flag counts both regional indicators (8 bytes)', '🇫🇷', 8],
    ['a ZWJ family counts all its bytes', '👨‍👩‍👧', 18],
    ['a skin-tone emoji counts base and modifier', '👍🏽', 8],
    ['a keycap counts its three code points in bytes', '1️⃣', 7],
    ['empty text', '', 0],
  ])('%s', (_name, text, expected) => {
    expect(threadsTextLength(text)).toBe(expected);
  });

  it('is at least the code point count and equals it without emoji', () => {
    expect(threadsTextLength('a'.repeat(500))).toBe(500);
    expect(threadsTextLength('👍'.repeat(125))).toBe(500);
    expect(threadsTextLength('👍'.repeat(126))).toBe(504);
  });
});

describe('hashtags, mentions, links', () => {
  it('finds hashtags that start a word and are not only digits', () => {
    expect(hashtags('#launch day #2025 and #café_time, not a#b or &#38; #Ünïcode')).toEqual([
      'launch',
      'café_time',
      'Ünïcode',
    ]);
  });

  it('finds @-mentions but not e-mail addresses', () => {
    expect(mentions('thanks @plume.studio and @a_b, write to hi@example.com')).toEqual([
      'plume.studio',
      'a_b',
    ]);
  });

  it('finds distinct links with trailing punctuation trimmed', () => {
    expect(
      links(
        'See https://plume.example/a. Also www.threads.com, HTTPS://PLUME.EXAMPLE/a and http://x.test/p?q=1!',
      ),
    ).toEqual(['https://plume.example/a', 'www.threads.com', 'http://x.test/p?q=1']);
  });
});
