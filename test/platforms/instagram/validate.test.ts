import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import { createInstagramConnector } from '../../../functions/platforms/instagram';
import { INSTAGRAM_LIMITS } from '../../../functions/shared/platforms/instagram/limits';
import { validateInstagramDraft } from '../../../functions/shared/platforms/instagram/validate';
import { captureLogger } from '../../support/logger';
import { assertValidatorTotal, codes, jpeg, mp4 } from '../support/meta-graph-drafts';

const validate = (draft: Parameters<typeof validateInstagramDraft>[0]) =>
  validateInstagramDraft(draft, INSTAGRAM_LIMITS);

describe('validateInstagramDraft', () => {
  it('accepts an image, a Reel and a mixed carousel of up to 10', () => {
    expect(validate({ text: 'Hi #plume @friend', media: [jpeg('a')], firstComment: '#more' })).toEqual([]);
    expect(validate({ text: '', media: [mp4('r', { durationSeconds: 600 })] })).toEqual([]);
    expect(
      validate({ text: '', media: [...Array.from({ length: 9 }, (_, i) => jpeg(String(i))), mp4('v')] }),
    ).toEqual([]);
  });

  it('needs media and caps the carousel at 10 items', () => {
    expect(codes(validate({ text: 'text only', media: [] }))).toEqual(['media_required']);
    expect(
      codes(validate({ text: '', media: Array.from({ length: 11 }, (_, i) => jpeg(String(i))) })),
    ).toEqual(['too_many_items']);
  });

  it('checks caption length, hashtags and mentions', () => {
    expect(validate({ text: 'a'.repeat(2_201), media: [jpeg('a')] })[0]).toMatchObject({
      code: 'text_too_long',
      used: 2_201,
      limit: 2_200,
    });
    const tags = Array.from({ length: 31 }, (_, i) => `#tag${i}`).join(' ');
    expect(validate({ text: tags, media: [jpeg('a')] })[0]).toMatchObject({
      code: 'too_many_hashtags',
      used: 31,
      limit: 30,
    });
    const people = Array.from({ length: 21 }, (_, i) => `@user${i}`).join(' ');
    expect(validate({ text: people, media: [jpeg('a')] })[0]).toMatchObject({
      code: 'too_many_mentions',
      used: 21,
      limit: 20,
    });
  });

  it('takes the hashtag limit from the connector configuration', () => {
    const connector = createInstagramConnector(
      { fetch, clock: new ManualClock(), logger: captureLogger() },
      { hashtagLimit: 5 },
    );
    const limits = connector.limits();
    expect(limits.maxHashtags).toBe(5);
    expect(codes(connector.validate({ text: '#a #b #c #d #e', media: [jpeg('a')] }, limits))).toEqual([]);
    expect(codes(connector.validate({ text: '#a #b #c #d #e #f', media: [jpeg('a')] }, limits))).toEqual([
      'too_many_hashtags',
    ]);
  });

  it('refuses non-JPEG images, GIFs, odd aspect ratios, Reel and carousel durations, threads', () => {
    expect(codes(validate({ text: '', media: [jpeg('a', { mimeType: 'image/png' })] }))).toEqual([
      'unsupported_format',
    ]);
    expect(
      codes(validate({ text: '', media: [{ ...jpeg('g'), kind: 'gif', mimeType: 'image/gif' }] })),
    ).toEqual(['unsupported_format']);
    expect(codes(validate({ text: '', media: [jpeg('a', { width: 1080, height: 1920 })] }))).toEqual([
      'aspect_ratio',
    ]);
    expect(codes(validate({ text: '', media: [jpeg('a', { width: 1080, height: 1350 })] }))).toEqual([]);
    expect(codes(validate({ text: '', media: [mp4('r', { durationSeconds: 2 })] }))).toEqual([
      'video_duration',
    ]);
    expect(codes(validate({ text: '', media: [mp4('r', { durationSeconds: 901 })] }))).toEqual([
      'video_duration',
    ]);
    expect(codes(validate({ text: '', media: [jpeg('a'), mp4('v', { durationSeconds: 90 })] }))).toEqual([
      'video_duration',
    ]);
    expect(codes(validate({ text: '', media: [mp4('r', { bytes: 301 * 1024 * 1024 })] }))).toEqual([
      'media_too_large',
    ]);
    expect(codes(validate({ text: '', media: [jpeg('a')], thread: ['2/2'] }))).toEqual([
      'threads_unsupported',
    ]);
  });

  it('never throws, whatever the draft', () => {
    assertValidatorTotal(validateInstagramDraft, INSTAGRAM_LIMITS);
  });
});
