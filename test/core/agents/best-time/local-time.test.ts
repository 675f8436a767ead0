import { describe, expect, it } from 'vitest';
import {
  localSlot,
  slotLabel,
  isKnownTimeZone,
} from '../../../../functions/core/agents/best-time/local-slot';
import { upcomingSlots } from '../../../../functions/core/agents/best-time/upcoming-slots';

describe('localSlot', () => {
  it('reads the weekday and hour in the audience zone, following summer time', () => {
    // 09:30 in Paris is 08:30 UTC in winter and 07:30 UTC in summer: the same 09:00 slot.
    expect(localSlot(new Date('2026-03-28T08:30:00Z'), 'Europe/Paris')).toEqual({ weekday: 6, hour: 9 });
    expect(localSlot(new Date('2026-03-30T07:30:00Z'), 'Europe/Paris')).toEqual({ weekday: 1, hour: 9 });
    // The night the clocks go forward: 01:30 UTC is 03:30 local on Sunday.
    expect(localSlot(new Date('2026-03-29T01:30:00Z'), 'Europe/Paris')).toEqual({ weekday: 0, hour: 3 });
  });

  it('puts the same instant on different days in different zones', () => {
    const instant = new Date('2026-05-04T23:30:00Z'); // a Monday in UTC
    expect(localSlot(instant, 'UTC')).toEqual({ weekday: 1, hour: 23 });
    expect(localSlot(instant, 'Asia/Tokyo')).toEqual({ weekday: 2, hour: 8 });
    expect(localSlot(instant, 'America/Los_Angeles')).toEqual({ weekday: 1, hour: 16 });
    expect(localSlot(instant, 'Asia/Kolkata')).toEqual({ weekday: 2, hour: 5 });
  });

  it('names slots and refuses unknown zones', () => {
    expect(slotLabel({ weekday: 2, hour: 7 })).toBe('Tuesday 07:00');
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(() => localSlot(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('upcomingSlots', () => {
  it('skips the hour the clocks skip and keeps every other local hour once', () => {
    // Saturday 28 March 2026 12:00 Paris (UTC+1); the clocks go forward at 02:00 on Sunday.
    const slots = upcomingSlots(new Date('2026-03-28T11:00:00Z'), 'Europe/Paris', {
      days: 1,
      leadMinutes: 15,
      minute: 0,
    });
    const sunday = slots.filter((s) => s.localDate === '2026-03-29').map((s) => s.localTime.slice(11));
    expect(sunday).not.toContain('02:00');
    expect(sunday.slice(0, 3)).toEqual(['00:00', '01:00', '03:00']);
    // 01:00 is UTC+1, 03:00 is UTC+2: one real hour apart.
    const at = (time: string) => slots.find((s) => s.localTime === `2026-03-29T${time}`)!.at.toISOString();
    expect(at('01:00')).toBe('2026-03-29T00:00:00.000Z');
    expect(at('03:00')).toBe('2026-03-29T01:00:00.000Z');
    // 24 real hours from 12:00 Saturday (UTC+1) to 13:00 Sunday (UTC+2), 12:00 itself within
    // the lead: 13:00-23:00, then 00:00, 01:00 and 03:00-12:00.
    expect(slots[0]!.localTime).toBe('2026-03-28T13:00');
    expect(slots.at(-1)!.localTime).toBe('2026-03-29T12:00');
    expect(slots).toHaveLength(23);
    expect(slots.find((s) => s.localTime === '2026-03-29T03:00')!.slot).toBe(3); // Sunday 03:00
  });

  it('offers an hour that happens twice once, at its earlier instant', () => {
    // New York falls back at 02:00 on Sunday 1 November 2026: 01:00-01:59 happens twice.
    const slots = upcomingSlots(new Date('2026-10-31T16:00:00Z'), 'America/New_York', {
      days: 1,
      leadMinutes: 0,
      minute: 30,
    });
    const ones = slots.filter((s) => s.localTime === '2026-11-01T01:30');
    expect(ones).toHaveLength(1);
    expect(ones[0]!.at.toISOString()).toBe('2026-11-01T05:30:00.000Z'); // EDT, UTC-4
    expect(slots.find((s) => s.localTime === '2026-11-01T02:30')!.at.toISOString()).toBe(
      '2026-11-01T07:30:00.000Z',
    );
  });
});
