import fc from 'fast-check';
import { expect } from 'vitest';
import type {
  MediaItem,
  PlatformLimits,
  PostDraft,
  ValidationIssue,
} from '../../../functions/platforms/connector';

/** Any media item, including nonsense sizes and types the dashboard might still hand over. */
export const anyMedia: fc.Arbitrary<MediaItem> = fc.record(
  {
    id: fc.string({ maxLength: 8 }),
    kind: fc.constantFrom('image', 'video', 'gif'),
    mimeType: fc.oneof(
      fc.constantFrom('image/jpeg', 'image/png', 'image/gif', 'video/mp4', 'video/quicktime', ''),
      fc.string({ maxLength: 12 }),
    ),
    bytes: fc.oneof(fc.nat(), fc.double()),
    width: fc.oneof(fc.nat({ max: 10_000 }), fc.double()),
    height: fc.oneof(fc.nat({ max: 10_000 }), fc.double()),
    durationSeconds: fc.double(),
    altText: fc.string({ maxLength: 20 }),
    url: fc.webUrl(),
  },
  { requiredKeys: ['id', 'kind', 'mimeType', 'bytes', 'url'] },
);

const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 700 }),
  fc.string({ unit: 'binary', maxLength: 700 }),
);

export const anyDraft: fc.Arbitrary<PostDraft> = fc.record(
  {
    text: anyText,
    media: fc.array(anyMedia, { maxLength: 24 }),
    thread: fc.array(anyText, { maxLength: 4 }),
    firstComment: anyText,
  },
  { requiredKeys: ['text', 'media'] },
);

const VALID_FIELDS = new Set(['text', 'media', 'thread', 'firstComment']);

/** Property: any draft gives a list of well-formed issues, never an exception. */
export function assertValidatorTotal(
  validate: (draft: PostDraft, limits: PlatformLimits) => ValidationIssue[],
  limits: PlatformLimits,
): void {
  fc.assert(
    fc.property(anyDraft, (draft) => {
      const issues = validate(draft, limits);
      expect(Array.isArray(issues)).toBe(true);
      for (const issue of issues) {
        expect(VALID_FIELDS.has(issue.field)).toBe(true);
        expect(['error', 'warning']).toContain(issue.severity);
        expect(issue.code).toMatch(/^[a-z_]+$/);
        expect(issue.message.length).toBeGreaterThan(0);
      }
    }),
    { numRuns: 300 },
  );
}

export function codes(issues: ValidationIssue[]): string[] {
  return issues.map((issue) => issue.code);
}

export function jpeg(id: string, extra: Partial<MediaItem> = {}): MediaItem {
  return {
    id,
    kind: 'image',
    mimeType: 'image/jpeg',
    bytes: 100_000,
    width: 1080,
    height: 1080,
    url: `https://m.example/${id}.jpg`,
    ...extra,
  };
}

export function mp4(id: string, extra: Partial<MediaItem> = {}): MediaItem {
  return {
    id,
    kind: 'video',
    mimeType: 'video/mp4',
    bytes: 10_000_000,
    durationSeconds: 30,
    url: `https://m.example/${id}.mp4`,
    ...extra,
  };
}
