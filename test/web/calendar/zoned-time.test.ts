import { Temporal } from 'temporal-polyfill';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendarItems,
  moveEntries,
  type CalendarEntry,
} from '../../../web/src/pages/calendar/calendar-entries';
import { daySlots, rescheduleAt, slotOf } from '../../../web/src/pages/calendar/drop-slot';
import {
  dayLengthHours,
  instantOfWallTime,
  instantsOfWallTime,
  startOfDay,
  wallClockAt,
} from '../../../web/src/lib/zoned-time';

const at = (iso: string) => Date.parse(iso);

describe('placing an instant on the viewer’s wall clock', () => {
  it('puts the same instant on different days and times per zone', () => {
    const instant = at('2026-11-26T23:30:00Z');
    expect(wallClockAt(instant, 'UTC')).toEqual({ date: '2026-11-26', minutes: 23 * 60 + 30 });
    expect(wallClockAt(instant, 'Europe/Paris')).toEqual({ date: '2026-11-27', minutes: 30 });
    expect(wallClockAt(instant, 'America/New_York')).toEqual({ date: '2026-11-26', minutes: 18 * 60 + 30 });
    expect(wallClockAt(instant, 'Asia/Kolkata')).toEqual({ date: '2026-11-27', minutes: 5 * 60 });
  });
});

describe('Europe/Paris DST days', () => {
  const zone = 'Europe/Paris';

  it('spring forward (29 March 2026): 23 hours, 02:00–02:59 does not exist', () => {
    expect(dayLengthHours('2026-03-29', zone)).toBe(23);
    expect(startOfDay('2026-03-29', zone)).toBe(at('2026-03-28T23:00:00Z'));
    expect(instantsOfWallTime('2026-03-29', 2 * 60 + 30, zone)).toEqual([]);
    expect(instantOfWallTime('2026-03-29', 1 * 60 + 30, zone)).toBe(at('2026-03-29T00:30:00Z'));
    expect(instantOfWallTime('2026-03-29', 10 * 60, zone)).toBe(at('2026-03-29T08:00:00Z'));
    // After the change, 10:00 is 08:00 UTC, not 09:00: a fixed 24h step from midnight would be off by one hour.
    expect(wallClockAt(at('2026-03-29T08:00:00Z'), zone)).toEqual({ date: '2026-03-29', minutes: 600 });
  });

  it('fall back (25 October 2026): 25 hours, 02:30 happens twice', () => {
    expect(dayLengthHours('2026-10-25', zone)).toBe(25);
    expect(instantsOfWallTime('2026-10-25', 2 * 60 + 30, zone)).toEqual([
      at('2026-10-25T00:30:00Z'),
      at('2026-10-25T01:30:00Z'),
    ]);
    expect(instantOfWallTime('2026-10-25', 2 * 60 + 30, zone)).toBe(at('2026-10-25T00:30:00Z'));
    expect(wallClockAt(at('2026-10-25T22:59:00Z'), zone)).toEqual({
      date: '2026-10-25',
      minutes: 23 * 60 + 59,
    });
    expect(wallClockAt(at('2026-10-25T23:00:00Z'), zone)).toEqual({ date: '2026-10-26', minutes: 0 });
  });
});

describe('America/New_York DST days', () => {
  const zone = 'America/New_York';

  it('spring forward (8 March 2026): 23 hours', () => {
    expect(dayLengthHours('2026-03-08', zone)).toBe(23);
    expect(instantsOfWallTime('2026-03-08', 2 * 60 + 15, zone)).toEqual([]);
    expect(instantOfWallTime('2026-03-08', 9 * 60, zone)).toBe(at('2026-03-08T13:00:00Z'));
    expect(instantOfWallTime('2026-03-07', 9 * 60, zone)).toBe(at('2026-03-07T14:00:00Z'));
  });

  it('fall back (1 November 2026): 25 hours, 01:30 twice', () => {
    expect(dayLengthHours('2026-11-01', zone)).toBe(25);
    expect(dayLengthHours('2026-11-02', zone)).toBe(24);
    expect(instantsOfWallTime('2026-11-01', 90, zone)).toEqual([
      at('2026-11-01T05:30:00Z'),
      at('2026-11-01T06:30:00Z'),
    ]);
    // Both readings of 01:30 land on the same day and slot of the week view.
    expect(wallClockAt(at('2026-11-01T06:30:00Z'), zone)).toEqual({ date: '2026-11-01', minutes: 90 });
    expect(wallClockAt(at('2026-11-01T05:30:00Z'), zone)).toEqual({ date: '2026-11-01', minutes: 90 });
  });
});

describe('agrees with Temporal (the server’s arithmetic) everywhere', () => {
  const zones = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];

  it('reads the same wall clock and resolves the same wall times', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2035-01-01T00:00:00Z') }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const zoned = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone);
          const wall = wallClockAt(instant, zone);
          expect(wall).toEqual({
            date: zoned.toPlainDate().toString(),
            minutes: zoned.hour * 60 + zoned.minute,
          });
          const local = zoned.toPlainDate().toPlainDateTime({ hour: zoned.hour, minute: zoned.minute });
          const expected = local.toZonedDateTime(zone, { disambiguation: 'earlier' }).epochMilliseconds;
          expect(instantOfWallTime(wall.date, wall.minutes, zone)).toBe(expected);
          const dayStart = zoned.toPlainDate().toZonedDateTime({ timeZone: zone }).epochMilliseconds;
          expect(startOfDay(wall.date, zone)).toBe(dayStart);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('dropping on a slot', () => {
  it('has 48 half-hour slots and floors a time into its slot', () => {
    expect(daySlots()).toHaveLength(48);
    expect(daySlots(15)).toHaveLength(96);
    expect(slotOf(10 * 60 + 47)).toBe(10 * 60 + 30);
    expect(slotOf(10 * 60 + 47, 15)).toBe(10 * 60 + 45);
  });

  it('sends the wall time with the viewer’s zone and predicts the instant', () => {
    expect(rescheduleAt('2026-12-03', 10 * 60, 'Europe/Paris')).toEqual({
      wallTime: { localTime: '2026-12-03T10:00', timeZone: 'Europe/Paris' },
      at: '2026-12-03T09:00:00.000Z',
    });
    expect(rescheduleAt('2026-07-03', 10 * 60 + 30, 'America/New_York')).toEqual({
      wallTime: { localTime: '2026-07-03T10:30', timeZone: 'America/New_York' },
      at: '2026-07-03T14:30:00.000Z',
    });
  });

  it('refuses a slot the clocks skip', () => {
    expect(rescheduleAt('2026-03-29', 2 * 60, 'Europe/Paris')).toBeNull();
    expect(rescheduleAt('2026-03-08', 2 * 60 + 30, 'America/New_York')).toBeNull();
  });
});

describe('calendar entries', () => {
  const entry = (over: Partial<CalendarEntry>): CalendarEntry => ({
    postId: '00000000-0000-4000-8000-000000000001',
    targetId: '00000000-0000-4000-8000-00000000000a',
    status: 'scheduled',
    platform: 'sandbox',
    accountName: 'sandbox',
    title: null,
    excerpt: 'Hello',
    at: '2026-12-03T09:00:00.000Z',
    day: '2026-12-03',
    localTime: '10:00',
    ...over,
  });

  it('groups a post’s targets into one chip and derives its status', () => {
    const items = calendarItems(
      [
        entry({}),
        entry({ targetId: '00000000-0000-4000-8000-00000000000b', platform: 'bluesky', status: 'failed' }),
        entry({
          postId: '00000000-0000-4000-8000-000000000002',
          status: 'published',
          at: '2026-12-03T08:00:00.000Z',
        }),
      ],
      'Europe/Paris',
    );
    expect(items.map((item) => [item.status, item.platforms, item.movable, item.wall])).toEqual([
      ['published', ['sandbox'], false, { date: '2026-12-03', minutes: 540 }],
      ['scheduled', ['sandbox', 'bluesky'], true, { date: '2026-12-03', minutes: 600 }],
    ]);
  });

  it('moves only the dragged post’s entries, recomputing day and time in the viewer’s zone', () => {
    const other = entry({ postId: '00000000-0000-4000-8000-000000000002' });
    const moved = moveEntries(
      [entry({}), other],
      entry({}).postId,
      entry({}).at,
      '2026-12-04T23:30:00.000Z',
      'Europe/Paris',
    );
    expect(moved[0]).toMatchObject({ at: '2026-12-04T23:30:00.000Z', day: '2026-12-05', localTime: '00:30' });
    expect(moved[1]).toEqual(other);
  });
});
