import { describe, expect, it } from 'vitest';
import { isAmbiguousWallClock } from '../../functions/adapters/aws/zoned-time';

const at = (iso: string): Date => new Date(iso);

describe('isAmbiguousWallClock', () => {
  it.each([
    ['2025-11-02T05:30:00Z', 'America/New_York', true], // 01:30 EDT
    ['2025-11-02T06:30:00Z', 'America/New_York', true], // 01:30 EST
    ['2025-11-02T04:59:59Z', 'America/New_York', false], // 00:59:59 EDT
    ['2025-11-02T07:00:00Z', 'America/New_York', false], // 02:00 EST
    ['2025-03-09T07:00:00Z', 'America/New_York', false], // just after spring forward
    ['2025-10-26T00:30:00Z', 'Europe/Berlin', true], // 02:30 CEST
    ['2025-10-26T01:30:00Z', 'Europe/Berlin', true], // 02:30 CET
    ['2025-10-26T02:30:00Z', 'Europe/Berlin', false],
    ['2025-04-05T14:45:00Z', 'Australia/Lord_Howe', true], // 01:45, the half hour repeated
    ['2025-04-05T15:15:00Z', 'Australia/Lord_Howe', true],
    ['2025-07-01T12:00:00Z', 'Asia/Kolkata', false],
    ['2025-07-01T12:00:00Z', 'UTC', false],
  ])('%s in %s: %s', (instant, zone, expected) => {
    expect(isAmbiguousWallClock(at(instant), zone)).toBe(expected);
  });
});
