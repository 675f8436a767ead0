import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MediaItem, PlatformLimits, PostDraft } from '../../../functions/platforms/connector';
import {
  TWITTER_DEFAULT_LIMITS,
  twitterLimitsFor,
  twitterWeightedLength,
  validateTwitterDraft,
} from '../../../functions/platforms/twitter';

const limits: PlatformLimits = TWITTER_DEFAULT_LIMITS;
const MB = 1024 * 1024;

function media(id: string, kind: MediaItem['kind'], extra: Partial<MediaItem> = {}): MediaItem {
  const mimeType = kind === 'video' ? 'video/mp4' : kind === 'gif' ? 'image/gif' : 'image/jpeg';
  return {
    id,
    kind,
    mimeType,
    bytes: 1000,
    url: `https://media.test/${id}`,
    altText: kind === 'video' ? undefined : 'desc',
    ...extra,
  };
}

const codes = (draft: PostDraft, l: PlatformLimits = limits) =>
  validateTwitterDraft(draft, l).map((issue) => issue.code);

describe('twitterWeightedLength (twitter-text rules)', () => {
  it('weighs Latin characters 1 and emoji or CJK 2', () => {
    expect(twitterWeightedLength('hello')).toBe(5);
    expect(twitterWeightedLength('😀')).toBe(2);
    expect(twitterWeightedLength('👨‍👩‍👧‍👦')).toBe(2);
    expect(twitterWeightedLength('日本語')).toBe(6);
  });

  it('counts every URL as 23, with or without a scheme', () => {
    expect(twitterWeightedLength(`https://example.com/${'a'.repeat(100)}`)).toBe(23);
    expect(twitterWeightedLength('see example.com')).toBe(4 + 23);
  });

  it('normalises to NFC before counting', () => {
    expect(twitterWeightedLength('e\u0301')).toBe(twitterWeightedLength('é'));
  });
});

describe('validateTwitterDraft', () => {
  it('accepts 280 weighted characters and rejects 281, with counters', () => {
    expect(validateTwitterDraft({ text: 'a'.repeat(280), media: [] }, limits)).toEqual([]);
    expect(validateTwitterDraft({ text: `${'a'.repeat(279)}😀`, media: [] }, limits)).toEqual([
      expect.objectContaining({
        field: 'text',
        code: 'text_too_long',
        severity: 'error',
        used: 281,
        limit: 280,
      }),
    ]);
  });

  it('lets subscribers write up to 25,000 characters', () => {
    const premium = twitterLimitsFor('Premium');
    expect(premium.maxTextLength).toBe(25_000);
    expect(codes({ text: 'a'.repeat(5000), media: [] }, premium)).toEqual([]);
    expect(twitterLimitsFor('None').maxTextLength).toBe(280);
    expect(twitterLimitsFor(undefined).maxTextLength).toBe(280);
  });

  it('rejects an empty post but accepts media without text', () => {
    expect(codes({ text: ' ', media: [] })).toEqual(['empty']);
    expect(codes({ text: '', media: [media('1', 'image')] })).toEqual([]);
  });

  it('allows 4 images, or 1 video, or 1 GIF, never mixed', () => {
    expect(codes({ text: 'x', media: ['1', '2', '3', '4'].map((id) => media(id, 'image')) })).toEqual([]);
    expect(codes({ text: 'x', media: ['1', '2', '3', '4', '5'].map((id) => media(id, 'image')) })).toEqual([
      'too_many_images',
    ]);
    expect(codes({ text: 'x', media: [media('v', 'video'), media('i', 'image')] })).toEqual(['mixed_media']);
    expect(codes({ text: 'x', media: [media('g', 'gif'), media('i', 'image')] })).toEqual(['mixed_media']);
    expect(codes({ text: 'x', media: [media('g1', 'gif'), media('g2', 'gif')] })).toEqual(['too_many_gifs']);
    expect(codes({ text: 'x', media: [media('v1', 'video'), media('v2', 'video')] })).toEqual([
      'too_many_videos',
    ]);
  });

  it('checks sizes: images 5 MB, GIFs 15 MB, videos 512 MB', () => {
    expect(codes({ text: 'x', media: [media('i', 'image', { bytes: 6 * MB })] })).toEqual([
      'media_too_large',
    ]);
    expect(codes({ text: 'x', media: [media('g', 'gif', { bytes: 6 * MB })] })).toEqual([]);
    expect(codes({ text: 'x', media: [media('g', 'gif', { bytes: 16 * MB })] })).toEqual(['media_too_large']);
    expect(codes({ text: 'x', media: [media('v', 'video', { bytes: 500 * MB })] })).toEqual([]);
    expect(codes({ text: 'x', media: [media('v', 'video', { bytes: 513 * MB })] })).toEqual([
      'media_too_large',
    ]);
  });

  it('refuses formats X does not take for the kind', () => {
    expect(codes({ text: 'x', media: [media('i', 'image', { mimeType: 'image/heic' })] })).toEqual([
      'unsupported_media_type',
    ]);
    expect(codes({ text: 'x', media: [media('v', 'video', { mimeType: 'video/webm' })] })).toEqual([
      'unsupported_media_type',
    ]);
    expect(codes({ text: 'x', media: [media('v', 'video', { mimeType: 'video/quicktime' })] })).toEqual([]);
  });

  it('checks video duration against 0.5-140 s for standard accounts only', () => {
    expect(codes({ text: 'x', media: [media('v', 'video', { durationSeconds: 0.2 })] })).toEqual([
      'video_too_short',
    ]);
    expect(codes({ text: 'x', media: [media('v', 'video', { durationSeconds: 141 })] })).toEqual([
      'video_too_long',
    ]);
    expect(codes({ text: 'x', media: [media('v', 'video', { durationSeconds: 140 })] })).toEqual([]);
    expect(
      codes(
        { text: 'x', media: [media('v', 'video', { durationSeconds: 600 })] },
        twitterLimitsFor('Premium'),
      ),
    ).toEqual([]);
  });

  it('handles alt text: up to 1,000 characters for images and GIFs, none for video', () => {
    expect(codes({ text: 'x', media: [media('i', 'image', { altText: 'd'.repeat(1001) })] })).toEqual([
      'alt_text_too_long',
    ]);
    expect(codes({ text: 'x', media: [media('i', 'image', { altText: undefined })] })).toEqual([
      'missing_alt_text',
    ]);
    expect(codes({ text: 'x', media: [media('v', 'video', { altText: 'a clip' })] })).toEqual([
      'alt_text_unsupported',
    ]);
  });

  it('checks each thread reply', () => {
    const issues = validateTwitterDraft({ text: '1/3', media: [], thread: ['', 'b'.repeat(281)] }, limits);
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['thread', 'thread_reply_empty'],
      ['thread', 'thread_reply_too_long'],
    ]);
    expect(issues[1]).toMatchObject({ used: 281, limit: 280 });
  });

  it('warns that first comments are not posted and checks reply settings', () => {
    expect(codes({ text: 'x', media: [], firstComment: 'hello' })).toEqual(['first_comment_unsupported']);
    expect(codes({ text: 'x', media: [], options: { replySettings: 'following' } })).toEqual([]);
    expect(codes({ text: 'x', media: [], options: { replySettings: 'nobody', poll: 1 } })).toEqual([
      'invalid_reply_settings',
      'unknown_option',
    ]);
  });

  it('returns issues for any input and never throws (property)', () => {
    const item = fc.record({
      id: fc.string(),
      kind: fc.constantFrom('image', 'video', 'gif'),
      mimeType: fc.oneof(fc.constantFrom('image/png', 'video/mp4', 'image/gif'), fc.string()),
      bytes: fc.oneof(fc.nat(), fc.double()),
      url: fc.string(),
      durationSeconds: fc.option(fc.double(), { nil: undefined }),
      altText: fc.option(fc.string({ unit: 'grapheme' }), { nil: undefined }),
    }) as fc.Arbitrary<MediaItem>;
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 400 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.constantFrom('https://t.co/x @user #tag $CASH', 'http://', '日本語😀 example.com'),
    );
    fc.assert(
      fc.property(
        fc.record({
          text,
          media: fc.array(item, { maxLength: 6 }),
          thread: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
          firstComment: fc.option(fc.string(), { nil: undefined }),
          options: fc.option(fc.anything(), { nil: undefined }),
        }) as fc.Arbitrary<PostDraft>,
        fc.constantFrom('None', 'Premium'),
        (draft, subscription) => {
          const l = twitterLimitsFor(subscription);
          const issues = validateTwitterDraft(draft, l);
          expect(Array.isArray(issues)).toBe(true);
          const tooLong = issues.some((issue) => issue.code === 'text_too_long');
          expect(tooLong).toBe(twitterWeightedLength(draft.text) > l.maxTextLength);
        },
      ),
      { numRuns: 300 },
    );
  });
});
