import { describe, expect, it } from 'vitest';
import {
  altTextIssues,
  countOver,
  mediaError,
  megabytes,
  megabytesOneDecimal,
  sizeOver,
} from '../../../functions/shared/platforms/media-checks';

const MB = 1024 * 1024;

describe('media checks', () => {
  it('writes sizes as the networks word them', () => {
    expect(megabytes(5 * MB)).toBe('5 MB');
    expect(megabytes(4.56 * MB)).toBe('4.6 MB');
    expect(megabytesOneDecimal(5 * MB)).toBe('5.0 MB');
    expect(megabytesOneDecimal(512 * MB)).toBe('512.0 MB');
  });

  it('refuses more files than allowed, with the counts, and nothing at the limit', () => {
    expect(countOver('too_many_images', 4, 4, 'Four at most.')).toEqual([]);
    expect(countOver('too_many_images', 5, 4, 'Four at most.')).toEqual([
      {
        field: 'media',
        code: 'too_many_images',
        message: 'Four at most.',
        used: 5,
        limit: 4,
        severity: 'error',
      },
    ]);
  });

  it('refuses a file larger than allowed, with its size, and nothing at the limit', () => {
    expect(sizeOver(5 * MB, 5 * MB, 'Too big.')).toEqual([]);
    expect(sizeOver(5 * MB + 1, 5 * MB, 'Too big.')).toEqual([
      {
        field: 'media',
        code: 'file_too_large',
        message: 'Too big.',
        used: 5 * MB + 1,
        limit: 5 * MB,
        severity: 'error',
      },
    ]);
    expect(sizeOver(2, 1, 'Too big.', 'media_too_large')[0]?.code).toBe('media_too_large');
  });

  it('marks an issue as blocking', () => {
    expect(mediaError({ field: 'media', code: 'x', message: 'y' })).toEqual({
      field: 'media',
      code: 'x',
      message: 'y',
      severity: 'error',
    });
  });

  it('asks for a description and refuses one longer than the network takes', () => {
    expect(altTextIssues('Attachment 1', 'A cat', 1500, 'Mastodon')).toEqual([]);
    expect(altTextIssues('Attachment 1', '  ', 1500, 'Mastodon')).toEqual([
      {
        field: 'media',
        code: 'missing_alt_text',
        message: 'Attachment 1 has no description (alt text).',
        severity: 'warning',
      },
    ]);
    expect(altTextIssues('Attachment 2', 'abcd', 3, 'X')).toEqual([
      {
        field: 'media',
        code: 'alt_text_too_long',
        message: 'Attachment 2: the description is 4 characters; X allows 3.',
        severity: 'error',
        used: 4,
        limit: 3,
      },
    ]);
  });
});
