import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../web/src/realtime/backoff';

describe('backoffDelay', () => {
  const options = { baseMs: 1_000, maxMs: 30_000 };

  it('doubles the ceiling per attempt: half fixed, half random', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, options, () => 0))).toEqual([
      500, 1_000, 2_000, 4_000,
    ]);
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, options, () => 1))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
  });

  it('never exceeds maxMs, however many attempts failed', () => {
    expect(backoffDelay(5, options, () => 1)).toBe(30_000);
    expect(backoffDelay(1_000, options, () => 1)).toBe(30_000);
    expect(backoffDelay(1_000, options, () => 0)).toBe(15_000);
  });

  it('stays within [ceiling / 2, ceiling] for any attempt and any random draw', () => {
    fc.assert(
      fc.property(
        fc.nat(60),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, draw) => {
          const ceiling = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.baseMs * 2 ** attempt);
          const delay = backoffDelay(attempt, DEFAULT_BACKOFF, () => draw);
          return delay >= ceiling / 2 && delay <= ceiling;
        },
      ),
    );
  });

  it('spreads clients that retry at the same attempt', () => {
    const delays = new Set([0.1, 0.4, 0.7, 0.95].map((draw) => backoffDelay(4, options, () => draw)));
    expect(delays.size).toBe(4);
  });
});
