import { RichText } from '@atproto/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLUESKY_LIMITS,
  blueskyTextLength,
  createBlueskyConnector,
  validateBlueskyDraft,
} from '../../../functions/platforms/bluesky';
import type {
  MediaItem,
  PlatformLimits,
  PostDraft,
  ValidationIssue,
} from '../../../functions/platforms/connector';

const limits: PlatformLimits = { ...BLUESKY_LIMITS };

function codes(draft: Partial<PostDraft>, with_: PlatformLimits = limits): string[] {
  return validateBlueskyDraft({ text: '', media: [], ...draft }, with_).map((issue) => issue.code);
}

function image(n: number, overrides: Partial<MediaItem> = {}): MediaItem {
  return {
    id: `i${n}`,
    kind: 'image',
    mimeType: 'image/jpeg',
    bytes: 500_000,
    altText: 'alt',
    url: `https://media/${n}`,
    ...overrides,
  };
}

function video(overrides: Partial<MediaItem> = {}): MediaItem {
  return {
    id: 'v',
    kind: 'video',
    mimeType: 'video/mp4',
    bytes: 20_000_000,
    durationSeconds: 30,
    altText: 'alt',
    url: 'https://media/v',
    ...overrides,
  };
}

const FAMILY = '👨‍👩‍👧‍👦'; // one grapheme, 7 code points, 25 UTF-8 bytes

describe('Bluesky text counting', () => {
  it('counts graphemes, not UTF-16 units or code points, and bytes as UTF-8', () => {
    expect(blueskyTextLength('hello')).toEqual({ graphemes: 5, bytes: 5 });
    expect(blueskyTextLength(FAMILY)).toEqual({ graphemes: 1, bytes: 25 });
    expect(blueskyTextLength('e\u0301')).toEqual({ graphemes: 1, bytes: 3 });
    expect(blueskyTextLength('🇵🇹日本')).toEqual({ graphemes: 3, bytes: 14 });
  });

  it('allows 300 graphemes and refuses 301, URLs counted in full (Bluesky does not shorten them)', () => {
    expect(codes({ text: 'é'.repeat(300) })).toEqual([]);
    const [issue] = validateBlueskyDraft({ text: 'e\u0301'.repeat(301), media: [] }, limits);
    expect(issue).toMatchObject({
      field: 'text',
      code: 'text_too_long',
      severity: 'error',
      used: 301,
      limit: 300,
    });
    const url = `https://example.com/${'a'.repeat(40)}`;
    expect(codes({ text: `${'x'.repeat(250)} ${url}` })).toEqual(['text_too_long']);
  });

  it('refuses more than 3,000 UTF-8 bytes even under 300 graphemes', () => {
    expect(codes({ text: FAMILY.repeat(120) })).toEqual([]); // 120 graphemes, exactly 3,000 bytes
    const [issue] = validateBlueskyDraft({ text: FAMILY.repeat(121), media: [] }, limits);
    expect(issue).toMatchObject({ code: 'text_too_many_bytes', used: 3025, limit: 3000 });
  });

  it('counts exactly like the official library the PDS validates with', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'é', 'e\u0301', '日', '🙂', FAMILY, '🇵🇹', ' ', '\n', '👍🏽'),
          maxLength: 400,
        }),
        (text) => {
          const official = new RichText({ text });
          expect(blueskyTextLength(text)).toEqual({
            graphemes: official.graphemeLength,
            bytes: official.length,
          });
        },
      ),
    );
  });
});

describe('Bluesky draft rules', () => {
  it('needs text or media', () => {
    expect(codes({ text: '  ' })).toEqual(['empty']);
    expect(codes({ text: '', media: [image(1)] })).toEqual([]);
  });

  it('takes up to 4 images or one video (a GIF counts as video), never both', () => {
    expect(codes({ text: 'x', media: [1, 2, 3, 4].map((n) => image(n)) })).toEqual([]);
    expect(codes({ text: 'x', media: [1, 2, 3, 4, 5].map((n) => image(n)) })).toEqual(['too_many_images']);
    expect(codes({ text: 'x', media: [image(1), video()] })).toEqual(['mixed_media']);
    expect(codes({ text: 'x', media: [video(), video({ id: 'w' })] })).toEqual(['too_many_videos']);
    expect(codes({ text: 'x', media: [video({ kind: 'gif', mimeType: 'image/gif' }), image(1)] })).toEqual([
      'mixed_media',
    ]);
    const noVideo = validateBlueskyDraft({ text: 'x', media: [video()] }, { ...limits, maxVideos: 0 });
    expect(noVideo[0]?.message).toMatch(/cannot upload videos right now/);
  });

  it('checks sizes, duration and types against the limits given', () => {
    expect(codes({ text: 'x', media: [image(1, { bytes: 1_000_001 })] })).toEqual(['image_too_large']);
    expect(codes({ text: 'x', media: [image(1, { mimeType: 'image/tiff' })] })).toEqual([
      'unsupported_image_type',
    ]);
    expect(codes({ text: 'x', media: [video({ bytes: 100_000_001 })] })).toEqual(['video_too_large']);
    expect(
      codes({ text: 'x', media: [video({ bytes: 50_000_000 })] }, { ...limits, maxVideoBytes: 42_000_000 }),
    ).toEqual(['video_too_large']);
    expect(codes({ text: 'x', media: [video({ durationSeconds: 180 })] })).toEqual([]);
    expect(codes({ text: 'x', media: [video({ durationSeconds: 180.5 })] })).toEqual(['video_too_long']);
    expect(codes({ text: 'x', media: [video({ mimeType: 'video/x-msvideo' })] })).toEqual([
      'unsupported_video_type',
    ]);
    expect(codes({ text: 'x', media: [video({ mimeType: 'video/quicktime' })] })).toEqual([]);
  });

  it('warns about missing descriptions and refuses over-long ones', () => {
    const [warning] = validateBlueskyDraft({ text: 'x', media: [image(1, { altText: undefined })] }, limits);
    expect(warning).toMatchObject({ code: 'missing_alt_text', severity: 'warning', field: 'media' });
    expect(codes({ text: 'x', media: [image(1, { altText: 'a'.repeat(2001) })] })).toEqual([
      'alt_text_too_long',
    ]);
    expect(codes({ text: 'x', media: [video({ altText: '🙂'.repeat(1001) })] })).toEqual([
      'alt_text_too_long',
    ]);
  });

  it('checks each thread reply and refuses a first comment', () => {
    const issues = validateBlueskyDraft(
      { text: 'x', media: [], thread: ['fine', ' ', 'y'.repeat(301)], firstComment: 'hi' },
      limits,
    );
    expect(issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['thread', 'thread_reply_empty'],
      ['thread', 'thread_reply_too_long'],
      ['firstComment', 'first_comment_unsupported'],
    ]);
    expect(issues[1]?.message).toBe('Reply 3 of the thread is 301 characters long; Bluesky allows 300.');
  });

  it('validates post options', () => {
    expect(
      codes({ text: 'x', options: { langs: ['en', 'pt-BR'], labels: ['nudity'], tags: ['#a', 'b'] } }),
    ).toEqual([]);
    expect(codes({ text: 'x', options: { langs: ['en', 'fr', 'de', 'es'] } })).toEqual(['too_many_langs']);
    expect(codes({ text: 'x', options: { langs: ['english!'] } })).toEqual(['invalid_langs']);
    expect(codes({ text: 'x', options: { labels: ['spoiler'] } })).toEqual(['invalid_labels']);
    expect(codes({ text: 'x', options: { tags: Array.from({ length: 9 }, (_, n) => `t${n}`) } })).toEqual([
      'too_many_tags',
    ]);
    expect(codes({ text: 'x', options: { tags: ['two words'] } })).toEqual(['invalid_tags']);
    expect(codes({ text: 'x', options: { tags: ['t'.repeat(65)] } })).toEqual(['tag_too_long']);
    expect(codes({ text: 'x', options: { visibility: 'public' } })).toEqual(['unknown_option']);
    expect(codes({ text: 'x', options: 'nope' as unknown as Record<string, unknown> })).toEqual([
      'invalid_options',
    ]);
  });

  it('is the function the connector exposes', () => {
    const connector = createBlueskyConnector({ fetch, clock: { now: () => new Date() }, logger: console });
    expect(connector.validate).toBe(validateBlueskyDraft);
    expect(connector.limits()).toEqual(BLUESKY_LIMITS);
    expect(connector.limits()).not.toBe(BLUESKY_LIMITS);
  });
});

describe('Bluesky validation never throws', () => {
  const anyMedia = fc.oneof(
    fc.record(
      {
        id: fc.string(),
        kind: fc.constantFrom('image', 'video', 'gif', 'audio'),
        mimeType: fc.oneof(fc.constantFrom('image/png', 'video/mp4', 'image/gif', 'IMAGE/JPEG'), fc.string()),
        bytes: fc.oneof(fc.nat(), fc.double()),
        durationSeconds: fc.option(fc.double(), { nil: undefined }),
        altText: fc.option(fc.string(), { nil: undefined }),
        url: fc.string(),
      },
      { requiredKeys: [] },
    ),
    fc.anything(),
  );
  const anyDraft = fc.oneof(
    fc.record(
      {
        text: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.anything()),
        media: fc.oneof(fc.array(anyMedia, { maxLength: 6 }), fc.anything()),
        thread: fc.oneof(
          fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.anything()), { maxLength: 4 }),
          fc.anything(),
        ),
        firstComment: fc.anything(),
        options: fc.oneof(
          fc.dictionary(fc.constantFrom('langs', 'labels', 'tags', 'x'), fc.anything()),
          fc.anything(),
        ),
      },
      { requiredKeys: [] },
    ),
    fc.anything(),
  );

  it('returns well-formed issues for any input', () => {
    fc.assert(
      fc.property(anyDraft, (draft) => {
        const issues: ValidationIssue[] = validateBlueskyDraft(draft as PostDraft, limits);
        expect(Array.isArray(issues)).toBe(true);
        for (const issue of issues) {
          expect(['text', 'media', 'thread', 'firstComment', 'options']).toContain(issue.field);
          expect(['error', 'warning']).toContain(issue.severity);
          expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('flags the text exactly when it exceeds 300 graphemes or 3,000 bytes', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'ß', '日', FAMILY, 'e\u0301'),
          minLength: 100,
          maxLength: 320,
        }),
        (text) => {
          const tooLong = codes({ text }).some(
            (code) => code === 'text_too_long' || code === 'text_too_many_bytes',
          );
          const { graphemes, bytes } = blueskyTextLength(text);
          expect(tooLong).toBe(graphemes > 300 || bytes > 3000);
        },
      ),
    );
  });
});
