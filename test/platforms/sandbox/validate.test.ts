import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MediaItem, PostDraft } from '../../../functions/platforms/connector';
import {
  SANDBOX_LIMITS,
  parseSandboxMarkers,
  validateSandboxDraft,
} from '../../../functions/platforms/sandbox';

const image = (overrides: Partial<MediaItem> = {}): MediaItem => ({
  id: crypto.randomUUID(),
  kind: 'image',
  mimeType: 'image/png',
  bytes: 200_000,
  altText: 'A chart',
  url: 'https://media.example/a.png',
  ...overrides,
});
const video = (overrides: Partial<MediaItem> = {}): MediaItem =>
  image({
    kind: 'video',
    mimeType: 'video/mp4',
    bytes: 20_000_000,
    durationSeconds: 30,
    altText: undefined,
    ...overrides,
  });

const codes = (draft: PostDraft, severity: 'error' | 'warning' = 'error') =>
  validateSandboxDraft(draft, SANDBOX_LIMITS)
    .filter((issue) => issue.severity === severity)
    .map((issue) => issue.code);

describe('validateSandboxDraft', () => {
  it('accepts an ordinary post, a thread and a first comment', () => {
    expect(
      validateSandboxDraft(
        { text: 'Hello sandbox', media: [image()], thread: ['and more'], firstComment: 'link below' },
        SANDBOX_LIMITS,
      ),
    ).toEqual([]);
  });

  it('counts graphemes: 500 family emoji fit, 501 characters do not', () => {
    expect(codes({ text: '👨‍👩‍👧‍👦'.repeat(500), media: [] })).toEqual([]);
    const issues = validateSandboxDraft({ text: 'a'.repeat(501), media: [] }, SANDBOX_LIMITS);
    expect(issues).toEqual([
      expect.objectContaining({
        field: 'text',
        code: 'text_too_long',
        used: 501,
        limit: 500,
        severity: 'error',
      }),
    ]);
  });

  it('refuses an empty post but accepts media alone', () => {
    expect(codes({ text: '   ', media: [] })).toEqual(['empty_post']);
    expect(codes({ text: '', media: [image()] })).toEqual([]);
  });

  it('limits media: 4 images, 1 video, not both, known types and sizes', () => {
    expect(codes({ text: 'x', media: Array.from({ length: 5 }, () => image()) })).toEqual([
      'too_many_images',
    ]);
    expect(codes({ text: 'x', media: [video(), video()] })).toEqual(['too_many_videos']);
    expect(codes({ text: 'x', media: [image(), video()] })).toEqual(['mixed_media']);
    expect(codes({ text: 'x', media: [image({ mimeType: 'image/tiff' })] })).toEqual([
      'unsupported_image_type',
    ]);
    expect(codes({ text: 'x', media: [image({ bytes: 11 * 1024 * 1024 })] })).toEqual(['image_too_large']);
    expect(codes({ text: 'x', media: [video({ durationSeconds: 601 })] })).toEqual(['video_too_long']);
    expect(codes({ text: 'x', media: [image({ kind: 'gif', mimeType: 'image/gif' })] })).toEqual([]);
    expect(codes({ text: 'x', media: [image({ altText: '' })] }, 'warning')).toEqual(['missing_alt_text']);
  });

  it('checks every thread reply and the first comment', () => {
    expect(codes({ text: 'x', media: [], thread: ['ok', ''] })).toEqual(['thread_reply_empty']);
    expect(codes({ text: 'x', media: [], thread: ['b'.repeat(501)] })).toEqual(['thread_reply_too_long']);
    expect(codes({ text: 'x', media: [], thread: Array.from({ length: 25 }, () => 'r') })).toEqual([
      'thread_too_long',
    ]);
    expect(codes({ text: 'x', media: [], firstComment: 'c'.repeat(501) })).toEqual([
      'first_comment_too_long',
    ]);
  });

  it('warns about hashtag stuffing and refuses more than 30', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `#t${i}`).join(' ');
    expect(codes({ text: tags(6), media: [] }, 'warning')).toEqual(['many_hashtags']);
    expect(codes({ text: tags(31), media: [] })).toEqual(['too_many_hashtags']);
  });

  it('says what a failure marker will do, and flags unknown markers', () => {
    const warnings = validateSandboxDraft(
      { text: 'demo #fail-ratelimit-2 #slow #fail-typo', media: [] },
      SANDBOX_LIMITS,
    );
    expect(warnings.map((w) => [w.code, w.severity])).toEqual([
      ['unknown_sandbox_marker', 'warning'],
      ['simulated_failure', 'warning'],
      ['simulated_slow_response', 'warning'],
    ]);
    expect(warnings[1]?.message).toContain('rate');
  });

  it('never throws, whatever a JSON body holds, and flags anything malformed as an error', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.anything(),
        fc.anything(),
        fc.anything(),
        fc.anything(),
        (text, media, thread, firstComment, options) => {
          const draft = { text, media, thread, firstComment, options } as unknown as PostDraft;
          const issues = validateSandboxDraft(draft, SANDBOX_LIMITS);
          for (const issue of issues) {
            expect(['text', 'media', 'thread', 'firstComment', 'options']).toContain(issue.field);
            expect(issue.message.length).toBeGreaterThan(0);
          }
          if (typeof text !== 'string') expect(issues.some((i) => i.code === 'invalid_text')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with itself on random well-formed drafts: an error exactly when a rule is broken', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 600 }),
        fc.integer({ min: 0, max: 6 }),
        (text, images) => {
          const draft: PostDraft = { text, media: Array.from({ length: images }, () => image()) };
          const errors = codes(draft);
          const length = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length;
          expect(errors.includes('text_too_long')).toBe(length > 500);
          expect(errors.includes('too_many_images')).toBe(images > 4);
          expect(errors.includes('empty_post')).toBe(text.trim() === '' && images === 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('parseSandboxMarkers', () => {
  it('finds failure and slow markers, with counts where they make sense', () => {
    expect(parseSandboxMarkers('hello #fail-transient')).toEqual({
      failure: { kind: 'transient' },
      slow: false,
      unknown: [],
    });
    expect(parseSandboxMarkers('#fail-ratelimit-3 then #fail-auth')).toEqual({
      failure: { kind: 'ratelimit', times: 3 },
      slow: false,
      unknown: [],
    });
    expect(parseSandboxMarkers('#SLOW and #Fail-Unknown')).toEqual({
      failure: { kind: 'unknown' },
      slow: true,
      unknown: [],
    });
    // Counted auth or permanent failures make no sense: retrying does not fix them.
    expect(parseSandboxMarkers('#fail-auth-2 #fail-rate-limit')).toEqual({
      slow: false,
      unknown: ['#fail-auth-2', '#fail-rate-limit'],
    });
  });

  it('ignores lookalikes inside words and URLs', () => {
    expect(parseSandboxMarkers('https://example.com/#fail-transient')).toEqual({ slow: false, unknown: [] });
    expect(parseSandboxMarkers('abc#slow #slowly #fail-transientx')).toEqual({
      slow: false,
      unknown: ['#fail-transientx'],
    });
  });
});
