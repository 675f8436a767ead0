import { describe, expect, it } from 'vitest';
import { wallClockText } from '../../functions/shared/wall-clock';

const at = (iso: string): Date => new Date(iso);

describe('wallClockText', () => {
  it.each([
    ['2025-07-01T16:30:00Z', 'America/New_York', '2025-07-01T12:30:00'],
    ['2025-01-01T16:30:00Z', 'America/New_York', '2025-01-01T11:30:00'],
    // Spring forward in New York: 01:59:59 EST is followed by 03:00:00 EDT.
    ['2025-03-09T06:59:59Z', 'America/New_York', '2025-03-09T01:59:59'],
    ['2025-03-09T07:00:00Z', 'America/New_York', '2025-03-09T03:00:00'],
    // Fall back: 01:30 happens twice.
    ['2025-11-02T05:30:00Z', 'America/New_York', '2025-11-02T01:30:00'],
    ['2025-11-02T06:30:00Z', 'America/New_York', '2025-11-02T01:30:00'],
    ['2025-03-30T00:59:59Z', 'Europe/London', '2025-03-30T00:59:59'],
    ['2025-03-30T01:00:00Z', 'Europe/London', '2025-03-30T02:00:00'],
    ['2025-06-01T00:00:00Z', 'Asia/Kolkata', '2025-06-01T05:30:00'],
    ['2025-12-31T23:59:59Z', 'Pacific/Kiritimati', '2026-01-01T13:59:59'],
    ['2025-01-01T00:00:00Z', 'Pacific/Chatham', '2025-01-01T13:45:00'],
    ['2025-06-30T23:00:00Z', 'UTC', '2025-06-30T23:00:00'],
    // Midnight is 00, never 24.
    ['2025-06-01T04:00:00Z', 'America/New_York', '2025-06-01T00:00:00'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(wallClockText(at(instant), zone)).toBe(expected);
  });

  it('rejects an unknown zone', () => {
    expect(() => wallClockText(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
