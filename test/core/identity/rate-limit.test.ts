import { describe, expect, it } from 'vitest';
import { ManualClock, MemoryKeyValue } from '../../../functions/adapters/local';
import { checkRateLimit, rateLimitHeaders } from '../../../functions/core/identity/rate-limit';

describe('checkRateLimit', () => {
  it('allows `limit` calls per window per caller, then refuses with the seconds to reset', async () => {
    const clock = new ManualClock('2026-01-01T00:00:10Z');
    const kv = new MemoryKeyValue(clock);
    const rule = { name: 'test', limit: 3, windowSeconds: 60 };
    const decisions = [];
    for (let i = 0; i < 4; i += 1) decisions.push(await checkRateLimit(kv, clock, rule, 'ip-1'));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    expect(decisions[3]!.resetSeconds).toBe(50);
    expect(rateLimitHeaders(decisions[3]!)).toEqual({
      'ratelimit-limit': '3',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '50',
      'retry-after': '50',
    });
    expect((await checkRateLimit(kv, clock, rule, 'ip-2')).allowed).toBe(true);
    clock.advance(50_000);
    expect((await checkRateLimit(kv, clock, rule, 'ip-1')).allowed).toBe(true);
  });
});
