import { Temporal } from 'temporal-polyfill';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayRange,
  localDay,
  resolveScheduleTime,
  ScheduleTimeError,
  wallTime,
} from '../../../functions/core/publishing/schedule-time';

describe('resolveScheduleTime', () => {
  it('keeps an exact instant and the zone to show it in', () => {
    expect(resolveScheduleTime({ at: '2026-03-29T09:00:00+02:00' }, 'Europe/Paris')).toEqual({
      at: new Date('2026-03-29T07:00:00Z'),
      timeZone: 'Europe/Paris',
    });
  });

  it('reads a wall time in the zone on both sides of a DST change', () => {
    expect(
      resolveScheduleTime(
        { localTime: '2026-03-28T09:00', timeZone: 'Europe/London' },
        'UTC',
      ).at.toISOString(),
    ).toBe('2026-03-28T09:00:00.000Z');
    expect(
      resolveScheduleTime(
        { localTime: '2026-03-29T09:00', timeZone: 'Europe/London' },
        'UTC',
      ).at.toISOString(),
    ).toBe('2026-03-29T08:00:00.000Z');
    expect(
      resolveScheduleTime(
        { localTime: '2026-11-01T09:00', timeZone: 'America/New_York' },
        'UTC',
      ).at.toISOString(),
    ).toBe('2026-11-01T14:00:00.000Z');
  });

  it('refuses a wall time in the skipped hour instead of moving it', () => {
    expect(() =>
      resolveScheduleTime({ localTime: '2026-03-29T01:30', timeZone: 'Europe/London' }, 'UTC'),
    ).toThrow(ScheduleTimeError);
    expect(() =>
      resolveScheduleTime({ localTime: '2026-03-08T02:30', timeZone: 'America/New_York' }, 'UTC'),
    ).toThrow(/does not exist/);
  });

  it('takes the earlier of a repeated hour unless told later', () => {
    const input = { localTime: '2026-10-25T01:30', timeZone: 'Europe/London' } as const;
    expect(resolveScheduleTime(input, 'UTC').at.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(resolveScheduleTime({ ...input, disambiguation: 'later' }, 'UTC').at.toISOString()).toBe(
      '2026-10-25T01:30:00.000Z',
    );
  });

  it('refuses unknown zones and impossible dates', () => {
    expect(() => resolveScheduleTime({ localTime: '2026-02-30T10:00', timeZone: 'UTC' }, 'UTC')).toThrow(
      ScheduleTimeError,
    );
    expect(() =>
      resolveScheduleTime({ localTime: '2026-02-03T10:00', timeZone: 'Nowhere/Town' }, 'UTC'),
    ).toThrow(ScheduleTimeError);
  });

  it('round-trips: the wall time of a resolved time is the wall time asked for (outside gaps)', () => {
    const zones = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const wall = wallTime(instant, zone);
          const resolved = resolveScheduleTime({ localTime: wall, timeZone: zone }, 'UTC');
          expect(wallTime(resolved.at, zone)).toBe(wall);
        },
      ),
    );
  });
});

describe('calendar days', () => {
  it('a spring-forward day is 23 hours and a fall-back day 25 in the viewer zone', () => {
    const spring = dayRange('2026-03-29', '2026-03-29', 'Europe/London');
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3_600_000);
    const autumn = dayRange('2026-10-25', '2026-10-25', 'Europe/London');
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
    expect(localDay(new Date('2026-10-25T23:30:00Z'), 'Europe/London')).toBe('2026-10-25');
    expect(localDay(new Date('2026-10-25T23:30:00Z'), 'Europe/Berlin')).toBe('2026-10-26');
  });

  // wallTime and localDay read Intl (fast) rather than Temporal; they must agree everywhere,
  // including DST changes, half-hour and 45-minute zones, midnight, and far-out years.
  it('reads wall times and days exactly as Temporal does', () => {
    const zones = [
      'Europe/London',
      'America/New_York',
      'Australia/Sydney',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'America/St_Johns',
      'UTC',
    ];
    const temporal = (instant: Date, zone: string) =>
      Temporal.Instant.fromEpochMilliseconds(instant.getTime())
        .toZonedDateTimeISO(zone)
        .toPlainDateTime()
        .toString({ smallestUnit: 'second' });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
          fc.date({ min: new Date('-000100-01-01'), max: new Date('+010100-01-01'), noInvalidDate: true }),
        ),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const expected = temporal(instant, zone);
          expect(wallTime(instant, zone)).toBe(expected);
          expect(localDay(instant, zone)).toBe(expected.slice(0, expected.indexOf('T')));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
