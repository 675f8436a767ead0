import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONTRACTS } from '../../functions/shared/contracts';
import { friendlyZodError } from '../../functions/shared/contracts/error-messages';

const messages = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);

describe('the words of failed checks', () => {
  it('says what is wrong the way a person would, for each kind of check', () => {
    const schema = z
      .object({
        size: z.number().int().positive(),
        count: z.number().int().min(1).max(100),
        name: z.string().min(1).max(5),
        code: z.string().min(3),
        tags: z.array(z.string()).min(1).max(2),
        kind: z.enum(['image', 'video']),
        confirm: z.literal('DELETE'),
        id: z.uuid(),
        email: z.email(),
        at: z.iso.datetime(),
        day: z.iso.date(),
        flag: z.boolean(),
        ratio: z.number().multipleOf(5),
      })
      .strict();
    expect(
      messages(schema, {
        size: 0,
        count: 101,
        name: '',
        code: 'ab',
        tags: [],
        kind: 'gif',
        confirm: 'delete',
        id: 'x',
        email: 'nope',
        at: 'soon',
        day: '2026-02-30',
        flag: 'yes',
        ratio: 7,
        extra: 1,
      }),
    ).toEqual([
      ['size', 'Must be greater than 0'],
      ['count', 'Must be at most 100'],
      ['name', 'Must not be empty'],
      ['code', 'Use at least 3 characters'],
      ['tags', 'Give at least one'],
      ['kind', 'Must be one of "image", "video"'],
      ['confirm', 'Must be "DELETE"'],
      ['id', 'Must be an id (a UUID)'],
      ['email', 'Enter a valid email address'],
      ['at', 'Use an ISO 8601 date and time with an offset, e.g. 2026-03-29T09:00:00Z'],
      ['day', 'Use a date as YYYY-MM-DD, e.g. 2026-03-29'],
      ['flag', 'Must be true or false'],
      ['ratio', 'Must be a multiple of 5'],
      ['', 'Unknown field "extra"'],
    ]);
    expect(
      messages(schema.pick({ name: true, tags: true }), { name: 'toolong', tags: ['a', 'b', 'c'] }),
    ).toEqual([
      ['name', 'Use at most 5 characters'],
      ['tags', 'Give at most 2 items'],
    ]);
    expect(messages(z.object({ name: z.string() }), {})).toEqual([['name', 'Required']]);
    expect(messages(z.file().min(1), new File([], 'empty.png'))).toEqual([['', 'The file is empty']]);
  });

  it('keeps messages written in a schema, and names the keys a record accepts', () => {
    expect(messages(z.string().min(5, 'Too short for a slug'), 'ab')).toEqual([['', 'Too short for a slug']]);
    expect(
      messages(z.record(z.string().regex(/^[a-z]+$/, 'Lower-case letters only'), z.boolean()), { A1: true }),
    ).toEqual([['A1', 'Invalid key: Lower-case letters only']]);
    expect(messages(z.partialRecord(z.enum(['a', 'b']), z.boolean()), { c: true })).toEqual([
      ['', 'Unknown field "c"'],
    ]);
  });

  it('never echoes more than a short excerpt of what was sent', () => {
    const keys = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`${'k'.repeat(500)}${i}`, 1]));
    const [message] = z
      .object({})
      .strict()
      .safeParse(keys)
      .error!.issues.map((i) => i.message);
    expect(message!.length).toBeLessThan(300);
    expect(message).toMatch(/and 45 more$/);
  });

  it('is what the API answers with: the media upload of an empty file', () => {
    const issues = CONTRACTS.createMediaUpload!.body!.safeParse({
      fileName: 'empty.png',
      contentType: 'image/png',
      size: 0,
    }).error!.issues;
    expect(issues.map((i) => i.message)).not.toContain('Too small: expected number to be >0');
    expect(typeof friendlyZodError).toBe('function');
  });
});
