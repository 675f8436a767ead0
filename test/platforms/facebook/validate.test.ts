import { describe, expect, it } from 'vitest';
import { FACEBOOK_LIMITS } from '../../../functions/shared/platforms/facebook/limits';
import { validateFacebookDraft } from '../../../functions/shared/platforms/facebook/validate';
import { assertValidatorTotal, codes, jpeg, mp4 } from '../support/meta-graph-drafts';

const validate = (draft: Parameters<typeof validateFacebookDraft>[0]) =>
  validateFacebookDraft(draft, FACEBOOK_LIMITS);

describe('validateFacebookDraft', () => {
  it('accepts text, photos, a video and a first comment', () => {
    expect(validate({ text: 'Hello', media: [] })).toEqual([]);
    expect(
      validate({ text: '', media: [jpeg('a'), jpeg('b', { mimeType: 'image/png' })], firstComment: 'Link' }),
    ).toEqual([]);
    expect(validate({ text: 'Clip', media: [mp4('v')] })).toEqual([]);
  });

  it('counts UTF-16 units against 63,206', () => {
    expect(validate({ text: 'a'.repeat(63_206), media: [] })).toEqual([]);
    const [issue] = validate({ text: `${'a'.repeat(63_205)}👍`, media: [] });
    expect(issue).toMatchObject({
      field: 'text',
      code: 'text_too_long',
      severity: 'error',
      used: 63_207,
      limit: 63_206,
    });
  });

  it('refuses empty posts, mixed media, two videos, big photos, odd formats and threads', () => {
    expect(codes(validate({ text: '  ', media: [] }))).toEqual(['empty_post']);
    expect(codes(validate({ text: 'x', media: [jpeg('a'), mp4('v')] }))).toEqual(['mixed_media']);
    expect(codes(validate({ text: 'x', media: [mp4('v'), mp4('w')] }))).toEqual(['too_many_videos']);
    expect(codes(validate({ text: 'x', media: [jpeg('a', { bytes: 5 * 1024 * 1024 })] }))).toEqual([
      'media_too_large',
    ]);
    expect(codes(validate({ text: 'x', media: [jpeg('a', { mimeType: 'image/avif' })] }))).toEqual([
      'unsupported_format',
    ]);
    expect(
      codes(validate({ text: 'x', media: Array.from({ length: 11 }, (_, i) => jpeg(String(i))) })),
    ).toEqual(['too_many_images']);
    expect(codes(validate({ text: 'x', media: [], thread: ['more'] }))).toEqual(['threads_unsupported']);
    expect(codes(validate({ text: 'x', media: [], firstComment: 'c'.repeat(8_001) }))).toEqual([
      'text_too_long',
    ]);
  });

  it('never throws, whatever the draft', () => {
    assertValidatorTotal(validateFacebookDraft, FACEBOOK_LIMITS);
  });
});
