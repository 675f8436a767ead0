import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivePostStatus } from '../../../functions/core/publishing/post-status';
import { DEFAULT_RETRY_POLICY, retryDelaySeconds } from '../../../functions/core/publishing/retry-policy';
import { POST_TARGET_STATUSES } from '../../../functions/db/schema';

describe('derivePostStatus', () => {
  it('agrees with a single status and summarises mixes', () => {
    expect(derivePostStatus([])).toBe('draft');
    expect(derivePostStatus(['published', 'published'])).toBe('published');
    expect(derivePostStatus(['published', 'failed'])).toBe('partially_published');
    expect(derivePostStatus(['published', 'scheduled'])).toBe('scheduled');
    expect(derivePostStatus(['publishing', 'scheduled', 'failed'])).toBe('publishing');
    expect(derivePostStatus(['failed', 'unconfirmed'])).toBe('unconfirmed');
    expect(derivePostStatus(['cancelled', 'published'])).toBe('published');
    expect(derivePostStatus(['cancelled'])).toBe('cancelled');
  });

  it('never calls a post published while a target is not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...POST_TARGET_STATUSES), { minLength: 1, maxLength: 6 }),
        (statuses) => {
          if (derivePostStatus(statuses) === 'published')
            expect(statuses.every((s) => s === 'published' || s === 'cancelled')).toBe(true);
        },
      ),
    );
  });
});

describe('retryDelaySeconds', () => {
  it('grows with the attempt, stays within the cap and never undercuts the platform reset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (attempt, retryAfter, r) => {
          const delay = retryDelaySeconds(attempt, retryAfter, () => r);
          expect(delay).toBeGreaterThanOrEqual(retryAfter ?? 0);
          expect(delay).toBeGreaterThanOrEqual(DEFAULT_RETRY_POLICY.baseDelaySeconds / 2);
          if (retryAfter === undefined)
            expect(delay).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxDelaySeconds);
        },
      ),
    );
    expect(retryDelaySeconds(1, undefined, () => 1 - 1e-9)).toBeLessThanOrEqual(30);
    expect(retryDelaySeconds(5, undefined, () => 1 - 1e-9)).toBeGreaterThan(240);
  });
});
