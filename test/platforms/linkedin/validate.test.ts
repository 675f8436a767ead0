import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MediaItem, PostDraft } from '../../../functions/platforms/connector';
import { LINKEDIN_LIMITS, toLittleText, validateLinkedInDraft } from '../../../functions/platforms/linkedin';

const image = (overrides: Partial<MediaItem> = {}): MediaItem => ({
  id: 'i',
  kind: 'image',
  mimeType: 'image/jpeg',
  bytes: 1000,
  url: 'https://media.example/i.jpg',
  ...overrides,
});
const video = (overrides: Partial<MediaItem> = {}): MediaItem => ({
  id: 'v',
  kind: 'video',
  mimeType: 'video/mp4',
  bytes: 5_000_000,
  durationSeconds: 30,
  url: 'https://media.example/v.mp4',
  ...overrides,
});
const codes = (draft: PostDraft) => validateLinkedInDraft(draft, LINKEDIN_LIMITS).map((issue) => issue.code);

describe('LinkedIn validation', () => {
  it('accepts text up to 3,000 characters and counts UTF-16 units', () => {
    expect(codes({ text: 'a'.repeat(3000), media: [] })).toEqual([]);
    const [issue] = validateLinkedInDraft({ text: '😀'.repeat(1501), media: [] }, LINKEDIN_LIMITS);
    expect(issue).toMatchObject({
      field: 'text',
      code: 'text_too_long',
      used: 3002,
      limit: 3000,
      severity: 'error',
    });
  });

  it('needs text or media', () => {
    expect(codes({ text: '  ', media: [] })).toEqual(['empty_post']);
    expect(codes({ text: '', media: [image()] })).toEqual([]);
  });

  it('allows 20 images or one video, never both', () => {
    expect(codes({ text: 'x', media: Array.from({ length: 20 }, () => image()) })).toEqual([]);
    expect(codes({ text: 'x', media: Array.from({ length: 21 }, () => image()) })).toEqual([
      'too_many_images',
    ]);
    expect(codes({ text: 'x', media: [video(), video()] })).toEqual(['too_many_videos']);
    expect(codes({ text: 'x', media: [video(), image()] })).toEqual(['mixed_media']);
  });

  it('checks image type, size, pixel count and alt text', () => {
    expect(codes({ text: 'x', media: [image({ mimeType: 'image/webp' })] })).toEqual(['unsupported_type']);
    expect(codes({ text: 'x', media: [image({ kind: 'gif', mimeType: 'image/gif' })] })).toEqual([]);
    expect(codes({ text: 'x', media: [image({ bytes: 9 * 1024 * 1024 })] })).toEqual(['file_too_large']);
    expect(codes({ text: 'x', media: [image({ width: 8000, height: 5000 })] })).toEqual(['too_many_pixels']);
    expect(codes({ text: 'x', media: [image({ altText: 'a'.repeat(4087) })] })).toEqual([
      'alt_text_too_long',
    ]);
  });

  it('checks video type, size and duration', () => {
    expect(codes({ text: 'x', media: [video({ mimeType: 'video/quicktime' })] })).toEqual([
      'unsupported_type',
    ]);
    expect(codes({ text: 'x', media: [video({ bytes: 1000 })] })).toEqual(['file_too_small']);
    expect(codes({ text: 'x', media: [video({ bytes: 6 * 1024 ** 3 })] })).toEqual(['file_too_large']);
    expect(codes({ text: 'x', media: [video({ durationSeconds: 31 * 60 })] })).toEqual(['video_too_long']);
    expect(codes({ text: 'x', media: [video({ durationSeconds: 2 })] })).toEqual(['video_too_short']);
  });

  it('rejects threads, limits the first comment and checks the visibility option', () => {
    expect(codes({ text: 'x', media: [], thread: ['reply'] })).toEqual(['threads_unsupported']);
    expect(codes({ text: 'x', media: [], thread: [' '] })).toEqual([]);
    expect(codes({ text: 'x', media: [], firstComment: 'c'.repeat(1250) })).toEqual([]);
    expect(codes({ text: 'x', media: [], firstComment: 'c'.repeat(1251) })).toEqual(['comment_too_long']);
    expect(codes({ text: 'x', media: [], options: { visibility: 'FRIENDS' } })).toEqual([
      'invalid_visibility',
    ]);
    expect(codes({ text: 'x', media: [], options: { visibility: 'LOGGED_IN' } })).toEqual([]);
  });

  it('returns issues for any input and never throws', () => {
    const media = fc.record({
      id: fc.string(),
      kind: fc.constantFrom('image', 'video', 'gif'),
      mimeType: fc.string(),
      bytes: fc.integer({ min: 0, max: 2 ** 40 }),
      width: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
      height: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
      durationSeconds: fc.option(fc.double({ noNaN: true }), { nil: undefined }),
      altText: fc.option(fc.string(), { nil: undefined }),
      url: fc.webUrl(),
    });
    const draft = fc.record({
      text: fc.string({ unit: 'grapheme', maxLength: 4000 }),
      media: fc.array(media, { maxLength: 25 }),
      thread: fc.option(fc.array(fc.string()), { nil: undefined }),
      firstComment: fc.option(fc.string({ maxLength: 1500 }), { nil: undefined }),
      options: fc.option(fc.dictionary(fc.string(), fc.jsonValue()), { nil: undefined }),
    });
    fc.assert(
      fc.property(draft, (value) => {
        const issues = validateLinkedInDraft(value as PostDraft, LINKEDIN_LIMITS);
        expect(Array.isArray(issues)).toBe(true);
        for (const issue of issues) expect(issue.message.length).toBeGreaterThan(0);
        // A text over the limit is always reported, with the counter values.
        if (value.text.length > 3000)
          expect(
            issues.some((issue) => issue.code === 'text_too_long' && issue.used === value.text.length),
          ).toBe(true);
      }),
    );
  });
});

describe('LinkedIn little text', () => {
  it('escapes every reserved character and keeps hashtags clickable', () => {
    expect(toLittleText('a\\b|c{d}e@f[g]h(i)j<k>l*m_n~o')).toBe(
      'a\\\\b\\|c\\{d\\}e\\@f\\[g\\]h\\(i\\)j\\<k\\>l\\*m\\_n\\~o',
    );
    expect(toLittleText('#launch day: #café, #2026 and C# or a#b')).toBe(
      '#launch day: #café, #2026 and C\\# or a\\#b',
    );
    expect(toLittleText('# alone')).toBe('\\# alone');
  });

  it('round-trips: removing the escapes gives back the original text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(toLittleText(text).replace(/\\(.)/gsu, '$1')).toBe(text);
      }),
    );
  });
});
