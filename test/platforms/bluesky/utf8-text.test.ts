import { detectFacets } from '@atproto/api/dist/rich-text/detection';
import { UnicodeString } from '@atproto/api/dist/rich-text/unicode';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectorText } from '../../../functions/platforms/bluesky/utf8-text';

const samples = [
  'Launch day! https://plume.example/launch?utm=1. cc @alice.bsky.social #plume',
  'Émoji 👩‍👩‍👧‍👦 before a link example.com/path and after ✨ #日本語タグ',
  'CJK 你好世界 @bob.test 🏳️‍🌈 https://例え.jp/パス #tag1 #tag2!',
  '',
  'no facets at all, just text',
  '((https://nested.example/a_(b)))',
];

describe('the facet detector with Plume’s UTF-8 index (no @atproto/common-web)', () => {
  it('finds the same facets at the same byte offsets as with @atproto/api’s UnicodeString', () => {
    for (const text of samples) {
      expect(detectFacets(detectorText(text))).toEqual(detectFacets(new UnicodeString(text)));
    }
  });

  it('agrees on any text made of links, mentions, tags, emoji and scripts', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom(
        'https://a.example/x',
        'b.example',
        '@carol.bsky.social',
        '#tag',
        '👍🏽',
        '日本',
        ' ',
        '\n',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(detectFacets(detectorText(text))).toEqual(detectFacets(new UnicodeString(text)));
      }),
      { numRuns: 300 },
    );
  });
});
