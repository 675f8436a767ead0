import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import type { KeyValue } from '../../../functions/core/ports';

/**
 * The KeyValue contract every adapter must meet. `create` gets a manual clock that the
 * suite moves to test expiry; each test uses its own partition keys, so adapters backed
 * by one shared table need no cleanup.
 */
export function describeKeyValueContract(
  name: string,
  create: (clock: ManualClock) => Promise<KeyValue> | KeyValue,
): void {
  describe(`KeyValue contract: ${name}`, () => {
    let clock: ManualClock;
    let kv: KeyValue;
    let pk: string;
    const nowSeconds = (): number => Math.floor(clock.now().getTime() / 1000);

    beforeEach(async () => {
      clock = new ManualClock('2025-06-01T12:00:00.000Z');
      kv = await create(clock);
      pk = `test#${randomUUID()}`;
    });

    it('stores and returns structured values, and nothing for a missing key', async () => {
      const value = {
        name: 'Ada',
        tags: ['a', 'b'],
        count: 3,
        ratio: 0.5,
        ok: true,
        none: null,
        nested: { deep: [1, 2] },
      };
      await kv.put({ pk, sk: 'one', value });
      expect(await kv.get(pk, 'one')).toEqual({ pk, sk: 'one', value });
      expect(await kv.get(pk, 'two')).toBeUndefined();
      expect(await kv.get(`${pk}-other`, 'one')).toBeUndefined();
    });

    it('overwrites on put and keeps expiresAt', async () => {
      await kv.put({ pk, sk: 'x', value: 1 });
      await kv.put({ pk, sk: 'x', value: 2, expiresAt: nowSeconds() + 60 });
      expect(await kv.get(pk, 'x')).toEqual({ pk, sk: 'x', value: 2, expiresAt: nowSeconds() + 60 });
    });

    it('treats an item as gone from the second it expires, before any purge', async () => {
      await kv.put({ pk, sk: 'ttl', value: 'soon', expiresAt: nowSeconds() + 10 });
      await kv.put({ pk, sk: 'forever', value: 'stays' });
      clock.advance(9_999);
      expect((await kv.get(pk, 'ttl'))?.value).toBe('soon');
      clock.advance(1);
      expect(await kv.get(pk, 'ttl')).toBeUndefined();
      expect((await kv.query(pk)).map((item) => item.sk)).toEqual(['forever']);
      expect(await kv.take(pk, 'ttl')).toBeUndefined();
    });

    it('putIfAbsent writes once, refuses a live item, and replaces an expired one', async () => {
      expect(await kv.putIfAbsent({ pk, sk: 'k', value: 'first', expiresAt: nowSeconds() + 5 })).toBe(true);
      expect(await kv.putIfAbsent({ pk, sk: 'k', value: 'second' })).toBe(false);
      expect((await kv.get(pk, 'k'))?.value).toBe('first');
      clock.advance(5_000);
      expect(await kv.putIfAbsent({ pk, sk: 'k', value: 'third' })).toBe(true);
      expect(await kv.get(pk, 'k')).toEqual({ pk, sk: 'k', value: 'third' });
    });

    it('putIfAbsent lets exactly one of many concurrent writers win', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => kv.putIfAbsent({ pk, sk: 'race', value: i })),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('take returns the item once and deletes it', async () => {
      await kv.put({ pk, sk: 'ticket', value: { userId: 'u1' }, expiresAt: nowSeconds() + 30 });
      expect(await kv.take(pk, 'ticket')).toEqual({
        pk,
        sk: 'ticket',
        value: { userId: 'u1' },
        expiresAt: nowSeconds() + 30,
      });
      expect(await kv.take(pk, 'ticket')).toBeUndefined();
      expect(await kv.get(pk, 'ticket')).toBeUndefined();
    });

    it('delete removes an item and ignores a missing one', async () => {
      await kv.put({ pk, sk: 'd', value: 1 });
      await kv.delete(pk, 'd');
      await kv.delete(pk, 'never-existed');
      expect(await kv.get(pk, 'd')).toBeUndefined();
    });

    it('query returns the live items of one partition in sort-key order', async () => {
      await kv.put({ pk, sk: 'b', value: 2 });
      await kv.put({ pk, sk: 'a', value: 1 });
      await kv.put({ pk, sk: 'c', value: 3, expiresAt: nowSeconds() - 1 });
      await kv.put({ pk: `${pk}-other`, sk: 'z', value: 9 });
      expect(await kv.query(pk)).toEqual([
        { pk, sk: 'a', value: 1 },
        { pk, sk: 'b', value: 2 },
      ]);
      expect(await kv.query(`${pk}-empty`)).toEqual([]);
    });

    it('query stops at `atMost` live items, skipping expired ones', async () => {
      await kv.put({ pk, sk: 'a', value: 1, expiresAt: nowSeconds() - 1 });
      for (const sk of ['b', 'c', 'd', 'e']) await kv.put({ pk, sk, value: sk });
      expect((await kv.query(pk, { atMost: 2 })).map((item) => item.sk)).toEqual(['b', 'c']);
      expect((await kv.query(pk, { atMost: 9 })).map((item) => item.sk)).toEqual(['b', 'c', 'd', 'e']);
      expect(await kv.query(pk, { atMost: 0 })).toEqual([]);
    });

    it('increment counts within a window and starts a new window after expiry', async () => {
      const windowEnd = nowSeconds() + 60;
      expect(await kv.increment(pk, 'hits', 1, windowEnd)).toBe(1);
      expect(await kv.increment(pk, 'hits', 2, windowEnd + 999)).toBe(3);
      // The window's expiry is fixed by the first hit, not pushed back by later ones.
      expect((await kv.get(pk, 'hits'))?.expiresAt).toBe(windowEnd);
      clock.advance(60_000);
      expect(await kv.increment(pk, 'hits', 1, nowSeconds() + 60)).toBe(1);
      expect(await kv.get(pk, 'hits')).toEqual({ pk, sk: 'hits', value: 1, expiresAt: nowSeconds() + 60 });
    });

    it('increment is atomic under concurrency', async () => {
      const windowEnd = nowSeconds() + 60;
      const results = await Promise.all(
        Array.from({ length: 20 }, () => kv.increment(pk, 'n', 1, windowEnd)),
      );
      expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect((await kv.get(pk, 'n'))?.value).toBe(20);
    });
  });
}
