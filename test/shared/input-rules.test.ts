import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DatabaseHandle } from '../../functions/db/client';
import { queryRows } from '../../functions/db/rows';
import { calendarDate, localDateTime, timeZone, timestamp } from '../../functions/shared/contracts/common';
import {
  findUnsafeText,
  jsonNestsDeeperThan,
  MAX_JSON_DEPTH,
  SAFE_TEXT_PATTERN,
  unsafeTextReason,
} from '../../functions/shared/input-rules';
import { getTestDatabase } from '../support/db';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('the text rule', () => {
  it('refuses NUL, the other C0 controls but tab/LF/CR, and unpaired surrogates; keeps the rest', () => {
    for (const bad of [
      'a\u0000b',
      '\u0001',
      'x\u000b',
      '\u000c',
      '\u001f',
      'a\ud800',
      '\udc00z',
      '\ud800\ud800\udc00',
    ])
      expect(unsafeTextReason(bad), JSON.stringify(bad)).toBeDefined();
    for (const good of ['', 'tab\there', 'lines\r\n', 'emoji 😀 and 𝄞', 'é', '\u007f', 'ÿ', '\u2028'])
      expect(unsafeTextReason(good), JSON.stringify(good)).toBeUndefined();
    expect(unsafeTextReason('ab\u0000')).toMatch(/U\+0000.*character 3/);
    expect(unsafeTextReason('ab\udc00')).toMatch(/unpaired surrogate, U\+DC00/);
  });

  it('agrees with the pattern the OpenAPI document states, on any string', () => {
    const pattern = new RegExp(SAFE_TEXT_PATTERN, 'u');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        for (const value of [a, b, a + b])
          expect(pattern.test(value)).toBe(unsafeTextReason(value) === undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds bad values and bad keys anywhere, with their paths, without recursion', () => {
    expect(
      findUnsafeText({ ok: 'fine', list: ['x', { 'k\u0000ey': 1 }], deep: { deeper: 'bad\u0007' } }),
    ).toEqual([
      {
        path: ['list', '1', 'k\\u0000ey'],
        message: expect.stringMatching(/^This key contains a control character/),
      },
      {
        path: ['deep', 'deeper'],
        message: expect.stringMatching(/^Contains a control character \(U\+0007\)/),
      },
    ]);
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeText(deep)).toHaveLength(1);
  });
});

describe('the JSON depth limit', () => {
  it('counts nesting outside strings only, and at most MAX_JSON_DEPTH passes', () => {
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(jsonNestsDeeperThan(JSON.stringify({ text: '['.repeat(1000) }))).toBe(false);
    expect(jsonNestsDeeperThan(JSON.stringify({ text: '\\"[[[[' }))).toBe(false);
    expect(jsonNestsDeeperThan(nested(1_000_000))).toBe(true);
  });

  it('agrees with the real depth of any JSON value', () => {
    const depthOf = (value: unknown): number =>
      value !== null && typeof value === 'object'
        ? 1 + Math.max(0, ...Object.values(value as object).map(depthOf))
        : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 9 }), (value, max) => {
        expect(jsonNestsDeeperThan(JSON.stringify(value), max)).toBe(depthOf(value) > max);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('instants, days, wall times and zones', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await getTestDatabase();
  });
  afterAll(async () => database?.close());

  /** What the API does with an instant: a Date, serialised as drizzle does, read by PostgreSQL. */
  async function roundTrip(value: string): Promise<string> {
    const at = new Date(value);
    const rows = await queryRows<{ back: string }>(
      database.db,
      sql`select to_char((${at.toISOString()})::timestamptz at time zone 'UTC', 'YYYY-MM-DD') as back`,
    );
    return rows[0]!.back;
  }

  it('accepts exactly the instants that Date and PostgreSQL both hold as written', async () => {
    const refused = [
      '0000-01-01T00:00:00Z',
      '0999-12-31T23:59:59Z',
      '1000-01-01T00:00:00+00:01',
      '9999-12-31T23:59:59-00:01',
      '9999-12-31T23:00:00-23:59',
      '10000-01-01T00:00:00Z',
    ];
    for (const value of refused) expect(timestamp.safeParse(value).success, value).toBe(false);
    const accepted = [
      '1000-01-01T00:00:00Z',
      '1000-01-01T00:00:00-05:00',
      '1000-01-01T23:00:00+00:00',
      '9999-12-31T23:59:59.999999Z',
      '9999-12-31T23:59:59-00:00',
      '9999-12-31T10:00:00+09:00',
    ];
    for (const value of accepted) {
      expect(timestamp.safeParse(value).success, value).toBe(true);
      expect(await roundTrip(value)).toMatch(/^\d{4}-/);
    }
    expect(timestamp.safeParse('0000-01-01T00:00:00Z').error?.issues[0]?.message).toBe(
      'Must be between 1000-01-01 and 9999-12-31 (UTC)',
    );
  });

  it('any instant the schema accepts round-trips PostgreSQL', async () => {
    const instants = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.constantFrom('00:00:00', '23:59:59', '12:30:00.5'),
        fc.constantFrom('Z', '+00:00', '-00:00', '+23:59', '-23:59', '+14:00', '-12:00'),
      )
      .map(
        ([y, m, d, time, offset]) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${time}${offset}`,
      );
    const edges = fc
      .constantFrom(0, 1000, 9999)
      .chain((y) =>
        fc
          .constantFrom('01-01T00:30:00', '12-31T23:30:00')
          .chain((day) =>
            fc.constantFrom('Z', '+01:00', '-01:00').map((o) => `${String(y).padStart(4, '0')}-${day}${o}`),
          ),
      );
    await fc.assert(
      fc.asyncProperty(fc.oneof(instants, edges), async (value) => {
        if (!timestamp.safeParse(value).success) return;
        expect(await roundTrip(value)).toMatch(/^\d{4}-/);
      }),
      { numRuns: 300 },
    );
  });

  it('states format and range as one pattern in the document, agreeing with the schema', () => {
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const candidates = fc
      .tuple(
        fc.constantFrom(0, 1, 999, 1000, 2024, 2028, 9999),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.constantFrom('', ':00', ':59', ':59.999', ':60'),
        fc.constantFrom('', 'Z', '+00:00', '-00:00', '+00:01', '-00:01', '+14:00', '-23:59', '+24:00'),
      )
      .map(
        ([y, m, d, h, seconds, offset]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(h)}:30${seconds}${offset}`,
      );
    for (const [schema, cut] of [
      [timestamp, undefined],
      [calendarDate, 10],
      [localDateTime, undefined],
    ] as const) {
      const json = z.toJSONSchema(schema) as { pattern: string; allOf?: unknown };
      expect(json.allOf).toBeUndefined();
      const pattern = new RegExp(json.pattern, 'u');
      fc.assert(
        fc.property(candidates, (value) => {
          const text = value.slice(0, cut);
          expect(pattern.test(text), text).toBe(schema.safeParse(text).success);
        }),
        { numRuns: 3000 },
      );
    }
  });

  it('bounds calendar days and wall times the same way', () => {
    expect(calendarDate.safeParse('0000-01-01').success).toBe(false);
    expect(calendarDate.safeParse('1000-01-01').success).toBe(true);
    expect(calendarDate.safeParse('2024-02-30').success).toBe(false);
    expect(localDateTime.safeParse('9999-12-31T23:00').success).toBe(false);
    expect(localDateTime.safeParse('1000-01-01T00:00').success).toBe(false);
    expect(localDateTime.safeParse('2026-03-29T09:00').success).toBe(true);
  });

  it('takes IANA zone names only, once each message', () => {
    expect(timeZone.safeParse('Europe/Paris').success).toBe(true);
    expect(timeZone.safeParse('UTC').success).toBe(true);
    expect(timeZone.safeParse('America/Argentina/Buenos_Aires').success).toBe(true);
    for (const bad of ['+05:00', 'Mars/Olympus', '', '../etc', 'Europe/Paris\u0000']) {
      const result = timeZone.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues, bad).toHaveLength(1);
    }
  });
});
