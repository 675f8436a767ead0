import { describe, expect, it } from 'vitest';
import { nextSyncAt } from '../../../functions/core/analytics/metrics-schedule';

const at = (iso: string) => new Date(iso);

describe('nextSyncAt: when an account’s metrics sync by themselves', () => {
  it('syncs a never-synced account at once', () => {
    expect(nextSyncAt({ lastSync: null, hasRecentPost: false }).getTime()).toBe(0);
  });

  it('syncs hourly while a post of the last 48 hours is moving', () => {
    expect(nextSyncAt({ lastSync: at('2032-03-01T10:17:00Z'), hasRecentPost: true })).toEqual(
      at('2032-03-01T11:17:00Z'),
    );
  });

  it('otherwise once a day at the shared 06:00 UTC slot, at least 20 hours after the last', () => {
    // Synced at 05:00: 20 h later is 01:00 the next day, so the 06:00 slot that day.
    expect(nextSyncAt({ lastSync: at('2032-03-01T05:00:00Z'), hasRecentPost: false })).toEqual(
      at('2032-03-02T06:00:00Z'),
    );
    // Synced at the slot itself: 20 h later is 02:00 the next day -> 06:00 that day.
    expect(nextSyncAt({ lastSync: at('2032-03-01T06:00:00Z'), hasRecentPost: false })).toEqual(
      at('2032-03-02T06:00:00Z'),
    );
    // Synced at 12:00 (a "Sync now"): 20 h later is 08:00 the next day -> the slot after, a day later.
    expect(nextSyncAt({ lastSync: at('2032-03-01T12:00:00Z'), hasRecentPost: false })).toEqual(
      at('2032-03-03T06:00:00Z'),
    );
  });

  it('backs off after failures, doubling from an hour up to a day, and keeps the later time', () => {
    const lastSync = at('2032-03-01T00:00:00Z');
    const failedAt = at('2032-03-01T02:00:00Z');
    const retry = (failures: number) =>
      nextSyncAt({ lastSync, hasRecentPost: true, lastError: { at: failedAt, failures } });
    expect(retry(1)).toEqual(at('2032-03-01T03:00:00Z'));
    expect(retry(2)).toEqual(at('2032-03-01T04:00:00Z'));
    expect(retry(3)).toEqual(at('2032-03-01T06:00:00Z'));
    expect(retry(9)).toEqual(at('2032-03-02T02:00:00Z'));
    // An error older than the last success is over.
    expect(
      nextSyncAt({
        lastSync,
        hasRecentPost: true,
        lastError: { at: at('2032-02-28T00:00:00Z'), failures: 5 },
      }),
    ).toEqual(at('2032-03-01T01:00:00Z'));
  });
});
