import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MediaItem, PostDraft } from '../../../functions/platforms/connector';
import { TIKTOK_LIMITS, parseTikTokOptions, validateTikTokDraft } from '../../../functions/platforms/tiktok';
import { parseJsonKeepingBigIntegers } from '../../../functions/platforms/tiktok/json';
import { planChunks } from '../../../functions/platforms/tiktok/upload';

const video = (overrides: Partial<MediaItem> = {}): MediaItem => ({
  id: 'v',
  kind: 'video',
  mimeType: 'video/mp4',
  bytes: 10_000_000,
  durationSeconds: 30,
  url: 'https://media.example/v.mp4',
  ...overrides,
});
const photo = (overrides: Partial<MediaItem> = {}): MediaItem => ({
  id: 'p',
  kind: 'image',
  mimeType: 'image/jpeg',
  bytes: 100_000,
  url: 'https://media.example/p.jpg',
  ...overrides,
});
const publicPost = { privacyLevel: 'PUBLIC_TO_EVERYONE' };
const codes = (draft: PostDraft) => validateTikTokDraft(draft, TIKTOK_LIMITS).map((issue) => issue.code);

describe('TikTok validation', () => {
  it('needs media and a privacy level chosen for the post', () => {
    expect(codes({ text: 'hello', media: [], options: publicPost })).toEqual(['media_required']);
    expect(codes({ text: 'hello', media: [video()] })).toEqual(['privacy_level_required']);
    expect(codes({ text: 'hello', media: [video()], options: { privacyLevel: 'FRIENDS' } })).toEqual([
      'invalid_option',
    ]);
    expect(codes({ text: 'hello', media: [video()], options: publicPost })).toEqual([]);
  });

  it('allows one video or up to 35 JPEG/WebP photos, never both', () => {
    expect(codes({ text: '', media: [video(), video()], options: publicPost })).toEqual(['too_many_videos']);
    expect(codes({ text: '', media: [video(), photo()], options: publicPost })).toEqual(['mixed_media']);
    expect(
      codes({ text: '', media: Array.from({ length: 35 }, () => photo()), options: publicPost }),
    ).toEqual([]);
    expect(
      codes({ text: '', media: Array.from({ length: 36 }, () => photo()), options: publicPost }),
    ).toEqual(['too_many_images']);
    expect(codes({ text: '', media: [photo({ mimeType: 'image/png' })], options: publicPost })).toEqual([
      'unsupported_type',
    ]);
    expect(
      codes({ text: '', media: [photo({ kind: 'gif', mimeType: 'image/gif' })], options: publicPost }),
    ).toEqual(['unsupported_type']);
    expect(codes({ text: '', media: [photo({ bytes: 21 * 1024 * 1024 })], options: publicPost })).toEqual([
      'file_too_large',
    ]);
  });

  it('checks video type, size and the run-time duration limit', () => {
    expect(codes({ text: '', media: [video({ mimeType: 'video/x-msvideo' })], options: publicPost })).toEqual(
      ['unsupported_type'],
    );
    expect(codes({ text: '', media: [video({ bytes: 5 * 1024 ** 3 })], options: publicPost })).toEqual([
      'file_too_large',
    ]);
    const creatorLimits = { ...TIKTOK_LIMITS, maxVideoDurationSeconds: 60 };
    expect(
      validateTikTokDraft(
        { text: '', media: [video({ durationSeconds: 61 })], options: publicPost },
        creatorLimits,
      ),
    ).toMatchObject([{ code: 'video_too_long', used: 61, limit: 60 }]);
  });

  it('limits a video caption to 2,200 and a photo description to 4,000 characters', () => {
    expect(codes({ text: 'a'.repeat(2200), media: [video()], options: publicPost })).toEqual([]);
    expect(
      validateTikTokDraft({ text: 'a'.repeat(2201), media: [video()], options: publicPost }, TIKTOK_LIMITS),
    ).toMatchObject([{ field: 'text', code: 'text_too_long', used: 2201, limit: 2200 }]);
    expect(codes({ text: 'a'.repeat(4000), media: [photo()], options: publicPost })).toEqual([]);
    expect(codes({ text: 'a'.repeat(4001), media: [photo()], options: publicPost })).toEqual([
      'text_too_long',
    ]);
    expect(
      codes({ text: '', media: [photo()], options: { ...publicPost, photoTitle: 't'.repeat(91) } }),
    ).toEqual(['photo_title_too_long']);
  });

  it('refuses private branded content, threads and first comments', () => {
    expect(
      codes({ text: '', media: [video()], options: { privacyLevel: 'SELF_ONLY', brandedContent: true } }),
    ).toEqual(['branded_content_private']);
    expect(
      codes({ text: '', media: [video()], options: publicPost, thread: ['more'], firstComment: 'hi' }),
    ).toEqual(['threads_unsupported', 'first_comment_unsupported']);
  });

  it('returns issues for any input and never throws', () => {
    const media = fc.record({
      id: fc.string(),
      kind: fc.constantFrom('image', 'video', 'gif'),
      mimeType: fc.constantFrom('image/jpeg', 'image/webp', 'image/png', 'video/mp4', 'video/webm', ''),
      bytes: fc.integer({ min: 0, max: 2 ** 40 }),
      durationSeconds: fc.option(fc.double({ noNaN: true }), { nil: undefined }),
      url: fc.webUrl(),
    });
    const draft = fc.record({
      text: fc.string({ unit: 'grapheme', maxLength: 5000 }),
      media: fc.array(media, { maxLength: 40 }),
      thread: fc.option(fc.array(fc.string()), { nil: undefined }),
      firstComment: fc.option(fc.string(), { nil: undefined }),
      options: fc.option(
        fc.dictionary(
          fc.constantFrom(
            'privacyLevel',
            'disableComment',
            'brandedContent',
            'photoTitle',
            'videoCoverTimestampMs',
            'other',
          ),
          fc.jsonValue(),
        ),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(draft, (value) => {
        const issues = validateTikTokDraft(value as PostDraft, TIKTOK_LIMITS);
        for (const issue of issues) expect(issue.severity).toBe('error');
        if (value.media.length === 0)
          expect(issues.some((issue) => issue.code === 'media_required')).toBe(true);
      }),
    );
  });

  it('parses options strictly, defaulting switches off and music on', () => {
    expect(parseTikTokOptions(undefined)).toEqual({
      options: {
        privacyLevel: undefined,
        disableComment: false,
        disableDuet: false,
        disableStitch: false,
        yourBrand: false,
        brandedContent: false,
        aiGenerated: false,
        photoTitle: undefined,
        autoAddMusic: true,
        videoCoverTimestampMs: undefined,
      },
      invalid: [],
    });
    expect(parseTikTokOptions({ disableComment: 'yes', videoCoverTimestampMs: -1 }).invalid.sort()).toEqual([
      'disableComment',
      'videoCoverTimestampMs',
    ]);
  });
});

describe('TikTok helpers', () => {
  it('keeps integers beyond 2^53 exact and leaves strings and small numbers alone', () => {
    expect(
      parseJsonKeepingBigIntegers(
        '{"ids":[7412345678901234567,-9007199254740993,12],"s":"7412345678901234567 \\" 99999999999999999","f":1.5e3}',
      ),
    ).toEqual({
      ids: ['7412345678901234567', '-9007199254740993', 12],
      s: '7412345678901234567 " 99999999999999999',
      f: 1500,
    });
    expect(parseJsonKeepingBigIntegers('')).toBeUndefined();
  });

  it('agrees with JSON.parse on any JSON without big integers', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const text = JSON.stringify(value);
        const hasUnsafe = /(?<![\w."])-?\d{16,}(?![\w.])/.test(text);
        fc.pre(!hasUnsafe);
        expect(parseJsonKeepingBigIntegers(text)).toEqual(JSON.parse(text));
      }),
    );
  });

  it('plans chunks by TikTok’s rules', () => {
    const settings = { singleChunkMaxBytes: 64 * 1024 * 1024, chunkSizeBytes: 32 * 1024 * 1024 };
    expect(planChunks(3 * 1024 * 1024, settings)).toEqual({
      videoSize: 3 * 1024 * 1024,
      chunkSize: 3 * 1024 * 1024,
      totalChunkCount: 1,
    });
    const size = 100 * 1024 * 1024 + 7;
    const plan = planChunks(size, settings);
    expect(plan).toEqual({ videoSize: size, chunkSize: 32 * 1024 * 1024, totalChunkCount: 3 });
    // The last chunk takes the trailing bytes and stays under 128 MB.
    expect(size - (plan.totalChunkCount - 1) * plan.chunkSize).toBeLessThan(128 * 1024 * 1024);
    expect(() => planChunks(1001 * 10, { singleChunkMaxBytes: 5, chunkSizeBytes: 10 })).toThrow(
      /at most 1000/,
    );
  });
});
