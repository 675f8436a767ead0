import type { UnicodeString } from '@atproto/api/dist/rich-text/unicode';

const encoder = new TextEncoder();

/**
 * A text as the AT Protocol's facet detector reads it: the UTF-16 string and a UTF-16 to UTF-8
 * index mapping (facets carry byte offsets). `@atproto/api`'s own `UnicodeString` does the same
 * but imports `@atproto/common-web` for a grapheme count the detector never asks for, and that
 * package brings zod 3, the CID and multiformats code and its schemas: ~120 KB that every
 * function holding the Bluesky connector parsed and ran at each cold start.
 * test/platforms/bluesky/utf8-text.test.ts checks the detector gives the same facets with both.
 */
export function detectorText(utf16: string): UnicodeString {
  const text: Pick<UnicodeString, 'utf16' | 'utf16IndexToUtf8Index'> = {
    utf16,
    utf16IndexToUtf8Index: (i) => encoder.encode(utf16.slice(0, i)).byteLength,
  };
  // The detector (detection.js) reads only these two members.
  return text as UnicodeString;
}
