import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MediaItem, PlatformLimits, PostDraft } from '../../../functions/platforms/connector';
import {
  countMastodonCharacters,
  MASTODON_DEFAULT_LIMITS,
  mastodonStatusLength,
  validateMastodonDraft,
} from '../../../functions/platforms/mastodon';

const limits: PlatformLimits = MASTODON_DEFAULT_LIMITS;

function image(id: string, extra: Partial<MediaItem> = {}): MediaItem {
  return {
    id,
    kind: 'image',
    mimeType: 'image/png',
    bytes: 1000,
    url: `https://media.test/${id}`,
    altText: 'a cat',
    ...extra,
  };
}

function video(id: string, extra: Partial<MediaItem> = {}): MediaItem {
  return {
    id,
    kind: 'video',
    mimeType: 'video/mp4',
    bytes: 5_000_000,
    url: `https://media.test/${id}`,
    altText: 'a clip',
    ...extra,
  };
}

const codes = (draft: PostDraft, l: PlatformLimits = limits) =>
  validateMastodonDraft(draft, l).map((issue) => issue.code);

describe('countMastodonCharacters (StatusLengthValidator rules)', () => {
  it('counts every URL with a scheme as 23 characters, however long', () => {
    const long = `https://example.com/${'a'.repeat(200)}`;
    expect(countMastodonCharacters(`Read ${long}`)).toBe(5 + 23);
    expect(countMastodonCharacters('https://x.io')).toBe(23);
  });

  it('does not shorten URLs without a scheme (Mastodon extracts with extract_url_without_protocol: false)', () => {
    expect(countMastodonCharacters('see example.com/page')).toBe('see example.com/page'.length);
  });

  it('uses the instance value for characters_reserved_per_url', () => {
    expect(countMastodonCharacters('https://example.com/abc', 10)).toBe(10);
  });

  it('counts a remote mention as its local part only', () => {
    expect(countMastodonCharacters('hi @alice@mastodon.social!')).toBe('hi @alice!'.length);
    expect(countMastodonCharacters('@bob')).toBe(4);
  });

  it('does not treat e-mail addresses as mentions', () => {
    expect(countMastodonCharacters('mail me@example.com')).toBe('mail me@example.com'.length);
  });

  it('counts grapheme clusters: a family emoji or a flag is one character', () => {
    expect(countMastodonCharacters('👨‍👩‍👧‍👦')).toBe(1);
    expect(countMastodonCharacters('🇫🇷🇩🇪')).toBe(2);
    expect(countMastodonCharacters('é')).toBe(1); // e + combining accent
    expect(countMastodonCharacters('日本語')).toBe(3);
  });

  it('counts blank text as zero', () => {
    expect(countMastodonCharacters('   ')).toBe(0);
  });
});

describe('validateMastodonDraft', () => {
  it('accepts a post at exactly the limit and rejects one character more, with counters', () => {
    expect(validateMastodonDraft({ text: 'a'.repeat(500), media: [] }, limits)).toEqual([]);
    const [issue] = validateMastodonDraft({ text: 'a'.repeat(501), media: [] }, limits);
    expect(issue).toMatchObject({
      field: 'text',
      code: 'text_too_long',
      severity: 'error',
      used: 501,
      limit: 500,
    });
  });

  it('follows the limit read from the instance', () => {
    expect(codes({ text: 'a'.repeat(501), media: [] }, { ...limits, maxTextLength: 5000 })).toEqual([]);
  });

  it('lets a long URL through when the counted length fits', () => {
    const text = `${'a'.repeat(470)} https://example.com/${'b'.repeat(100)}`;
    expect(codes({ text, media: [] })).toEqual([]);
  });

  it('rejects an empty post but accepts media without text', () => {
    expect(codes({ text: '  ', media: [] })).toEqual(['empty']);
    expect(codes({ text: '', media: [image('1')] })).toEqual([]);
  });

  it('limits the number of attachments to the instance maximum', () => {
    const media = ['1', '2', '3', '4', '5'].map((id) => image(id));
    expect(codes({ text: 'x', media })).toEqual(['too_many_media']);
    expect(codes({ text: 'x', media }, { ...limits, maxImages: 6 })).toEqual([]);
  });

  it('refuses a video together with images, and two videos', () => {
    expect(codes({ text: 'x', media: [video('v'), image('i')] })).toContain('mixed_media');
    expect(codes({ text: 'x', media: [video('v1'), video('v2')] })).toEqual(['too_many_videos']);
  });

  it('lets GIFs sit next to images (Mastodon turns them into gifv)', () => {
    expect(
      codes({ text: 'x', media: [image('i'), image('g', { kind: 'gif', mimeType: 'image/gif' })] }),
    ).toEqual([]);
  });

  it('checks sizes against the image and video limits', () => {
    const big = validateMastodonDraft(
      { text: 'x', media: [image('i', { bytes: 17 * 1024 * 1024 })] },
      limits,
    );
    expect(big).toEqual([
      expect.objectContaining({ code: 'media_too_large', used: 17 * 1024 * 1024, limit: 16 * 1024 * 1024 }),
    ]);
    expect(codes({ text: 'x', media: [video('v', { bytes: 50 * 1024 * 1024 })] })).toEqual([]);
  });

  it('refuses formats Mastodon does not accept', () => {
    expect(codes({ text: 'x', media: [image('i', { mimeType: 'image/tiff' })] })).toEqual([
      'unsupported_media_type',
    ]);
  });

  it('warns about missing alt text and refuses descriptions over 1,500 characters', () => {
    const missing = validateMastodonDraft({ text: 'x', media: [image('i', { altText: undefined })] }, limits);
    expect(missing).toEqual([expect.objectContaining({ code: 'missing_alt_text', severity: 'warning' })]);
    expect(codes({ text: 'x', media: [image('i', { altText: 'd'.repeat(1501) })] })).toEqual([
      'alt_text_too_long',
    ]);
  });

  it('checks every thread reply and names which one is wrong', () => {
    const issues = validateMastodonDraft(
      { text: 'first', media: [], thread: ['fine', '', 'a'.repeat(600)] },
      limits,
    );
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['thread', 'thread_reply_empty'],
      ['thread', 'thread_reply_too_long'],
    ]);
    expect(issues[0]?.message).toContain('Reply 2');
    expect(issues[1]?.message).toContain('Reply 3');
  });

  it('counts the content warning toward the limit, as Mastodon does', () => {
    const draft = { text: 'a'.repeat(490), media: [], options: { spoilerText: 'spoilers!!!' } };
    expect(validateMastodonDraft(draft, limits)).toEqual([
      expect.objectContaining({ code: 'text_too_long', used: 501, limit: 500 }),
    ]);
  });

  it('reports invalid post options and warns about unknown ones', () => {
    const issues = validateMastodonDraft(
      {
        text: 'x',
        media: [],
        options: { visibility: 'friends', sensitive: 'yes', language: 'english', poll: true },
      },
      limits,
    );
    expect(issues.map((i) => [i.field, i.code, i.severity])).toEqual([
      ['options', 'invalid_visibility', 'error'],
      ['options', 'invalid_sensitive', 'error'],
      ['options', 'invalid_language', 'error'],
      ['options', 'unknown_option', 'warning'],
    ]);
    expect(
      codes({ text: 'x', media: [], options: { visibility: 'direct', sensitive: false, language: 'de' } }),
    ).toEqual([]);
  });

  it('warns that a first comment will not be posted', () => {
    expect(validateMastodonDraft({ text: 'x', media: [], firstComment: 'link in bio' }, limits)).toEqual([
      expect.objectContaining({
        field: 'firstComment',
        code: 'first_comment_unsupported',
        severity: 'warning',
      }),
    ]);
  });

  it('returns issues for any input and never throws (property)', () => {
    const mediaItem = fc.record({
      id: fc.string(),
      kind: fc.constantFrom('image', 'video', 'gif'),
      mimeType: fc.oneof(fc.constantFrom('image/png', 'video/mp4', 'image/gif'), fc.string()),
      bytes: fc.oneof(fc.nat(), fc.double()),
      url: fc.string(),
      altText: fc.option(fc.string({ unit: 'grapheme' }), { nil: undefined }),
    }) as fc.Arbitrary<MediaItem>;
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 700 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.constantFrom('@a@b.c https://x.y/z', 'http://', '@@@', '#tag https://a.b/c?d=e#f'),
    );
    fc.assert(
      fc.property(
        fc.record({
          text,
          media: fc.array(mediaItem, { maxLength: 6 }),
          thread: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
          firstComment: fc.option(fc.string(), { nil: undefined }),
          options: fc.option(fc.oneof(fc.dictionary(fc.string(), fc.anything()), fc.anything()), {
            nil: undefined,
          }),
        }) as fc.Arbitrary<PostDraft>,
        fc.integer({ min: 1, max: 10_000 }),
        (draft, maxTextLength) => {
          const issues = validateMastodonDraft(draft, { ...limits, maxTextLength });
          expect(Array.isArray(issues)).toBe(true);
          for (const issue of issues) expect(['error', 'warning']).toContain(issue.severity);
          // The counter agrees with the verdict.
          const tooLong = issues.some((issue) => issue.code === 'text_too_long');
          const spoiler = (draft.options as { spoilerText?: unknown } | undefined)?.spoilerText;
          expect(tooLong).toBe(
            mastodonStatusLength(draft.text, typeof spoiler === 'string' ? spoiler : undefined) >
              maxTextLength,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
