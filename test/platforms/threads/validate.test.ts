import { describe, expect, it } from 'vitest';
import { THREADS_LIMITS } from '../../../functions/shared/platforms/threads/limits';
import { validateThreadsDraft } from '../../../functions/shared/platforms/threads/validate';
import { assertValidatorTotal, codes, jpeg, mp4 } from '../support/meta-graph-drafts';

const validate = (draft: Parameters<typeof validateThreadsDraft>[0]) =>
  validateThreadsDraft(draft, THREADS_LIMITS);

describe('validateThreadsDraft', () => {
  it('counts emoji as their UTF-8 bytes against 500', () => {
    expect(validate({ text: '👍'.repeat(125), media: [] })).toEqual([]);
    expect(validate({ text: `${'a'.repeat(497)}👍`, media: [] })[0]).toMatchObject({
      field: 'text',
      code: 'text_too_long',
      used: 501,
      limit: 500,
    });
  });

  it('allows 5 links, warns from the second hashtag', () => {
    const five = Array.from({ length: 5 }, (_, i) => `https://x.test/${i}`).join(' ');
    expect(validate({ text: five, media: [] })).toEqual([]);
    expect(validate({ text: `${five} www.six.test`, media: [] })[0]).toMatchObject({
      code: 'too_many_links',
      used: 6,
      limit: 5,
    });
    expect(validate({ text: '#one #two', media: [] })).toEqual([
      expect.objectContaining({ code: 'one_topic_tag', severity: 'warning', used: 2, limit: 1 }),
    ]);
  });

  it('checks each reply of the thread and the first comment', () => {
    const issues = validate({
      text: 'root',
      media: [],
      thread: ['ok', 'b'.repeat(501), ' '],
      firstComment: 'c'.repeat(501),
    });
    expect(issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['thread', 'text_too_long'],
      ['thread', 'empty_reply'],
      ['firstComment', 'text_too_long'],
    ]);
  });

  it('accepts media without text and carousels of up to 20, mixed', () => {
    expect(validate({ text: '', media: [mp4('v')] })).toEqual([]);
    expect(
      validate({
        text: '',
        media: [
          ...Array.from({ length: 19 }, (_, i) => jpeg(String(i), { mimeType: 'image/png' })),
          mp4('v'),
        ],
      }),
    ).toEqual([]);
  });

  it('refuses empty posts, 21 items, long videos, GIFs and big files', () => {
    expect(codes(validate({ text: '', media: [] }))).toEqual(['empty_post']);
    expect(
      codes(validate({ text: '', media: Array.from({ length: 21 }, (_, i) => jpeg(String(i))) })),
    ).toEqual(['too_many_items']);
    expect(codes(validate({ text: '', media: [mp4('v', { durationSeconds: 301 })] }))).toEqual([
      'video_duration',
    ]);
    expect(
      codes(validate({ text: '', media: [{ ...jpeg('g'), kind: 'gif', mimeType: 'image/gif' }] })),
    ).toEqual(['unsupported_format']);
    expect(codes(validate({ text: '', media: [jpeg('a', { bytes: 9 * 1024 * 1024 })] }))).toEqual([
      'media_too_large',
    ]);
  });

  it('never throws, whatever the draft', () => {
    assertValidatorTotal(validateThreadsDraft, THREADS_LIMITS);
  });
});
