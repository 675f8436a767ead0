import { describe, expect, it } from 'vitest';
import { isStale, nextSyncAt } from '../../../functions/core/analytics/metrics-schedule';

const at = (iso: string) => new Date(iso);

describe('nextSyncAt under rate limits', () => {
  const lastSync = at('2032-03-01T00:00:00Z');
  it('a rate limit’s reset replaces the doubling backoff', () => {
    const lastError = { at: at('2032-03-01T02:00:00Z'), failures: 1, retryAt: at('2032-03-01T07:30:00Z') };
    expect(nextSyncAt({ lastSync, hasRecentPost: true, lastError })).toEqual(at('2032-03-01T07:30:00Z'));
  });
  it('a spent allowance after a good sync holds the next sync until its reset', () => {
    expect(
      nextSyncAt({ lastSync, hasRecentPost: true, rateLimitedUntil: at('2032-03-01T03:00:00Z') }),
    ).toEqual(at('2032-03-01T03:00:00Z'));
    // A reset sooner than the cadence changes nothing.
    expect(
      nextSyncAt({ lastSync, hasRecentPost: true, rateLimitedUntil: at('2032-03-01T00:10:00Z') }),
    ).toEqual(at('2032-03-01T01:00:00Z'));
  });
});

describe('isStale: twice the cadence since the last good sync', () => {
  const now = at('2032-03-03T12:00:00Z');
  it('hourly accounts are stale after 2 hours, daily ones after 2 days, never-synced ones at once', () => {
    expect(isStale({ lastSync: at('2032-03-03T10:30:00Z'), hasRecentPost: true }, now)).toBe(false);
    expect(isStale({ lastSync: at('2032-03-03T09:59:00Z'), hasRecentPost: true }, now)).toBe(true);
    expect(isStale({ lastSync: at('2032-03-01T12:30:00Z'), hasRecentPost: false }, now)).toBe(false);
    expect(isStale({ lastSync: at('2032-03-01T11:59:00Z'), hasRecentPost: false }, now)).toBe(true);
    expect(isStale({ lastSync: null, hasRecentPost: false }, now)).toBe(true);
  });
});
