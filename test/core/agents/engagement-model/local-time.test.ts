import { describe, expect, it } from 'vitest';
import { localSlot, slotLabel } from '../../../../functions/core/agents/engagement-model/local-time';

describe('localSlot', () => {
  it('reads 18:30 in Paris as 18.5 in winter (UTC+1) and in summer (UTC+2)', () => {
    expect(localSlot(new Date('2027-01-15T17:30:00Z'), 'Europe/Paris')).toEqual({
      weekday: 5,
      hour: 18,
      fractionalHour: 18.5,
    });
    expect(localSlot(new Date('2027-07-16T16:30:00Z'), 'Europe/Paris')).toEqual({
      weekday: 5,
      hour: 18,
      fractionalHour: 18.5,
    });
  });

  it('follows the DST switch within a day: 01:30 and 03:30 on the night Paris springs forward are an hour of UTC apart', () => {
    // 2027-03-28: clocks go from 02:00 to 03:00 (UTC+1 -> UTC+2).
    expect(localSlot(new Date('2027-03-28T00:30:00Z'), 'Europe/Paris').fractionalHour).toBe(1.5);
    expect(localSlot(new Date('2027-03-28T01:30:00Z'), 'Europe/Paris').fractionalHour).toBe(3.5);
  });

  it('gives the weekday of the zone, not of UTC', () => {
    // Saturday 02:00 UTC is still Friday 21:00 in New York (EST), and Saturday 11:00 in Tokyo.
    const instant = new Date('2027-01-16T02:00:00Z');
    expect(localSlot(instant, 'America/New_York')).toMatchObject({ weekday: 5, hour: 21 });
    expect(localSlot(instant, 'Asia/Tokyo')).toMatchObject({ weekday: 6, hour: 11 });
    expect(localSlot(instant, 'UTC')).toMatchObject({ weekday: 6, hour: 2 });
  });

  it('throws for a zone the runtime does not know', () => {
    expect(() => localSlot(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('labels a slot', () => {
    expect(slotLabel({ weekday: 2, hour: 8 })).toBe('Tuesday 08:00');
  });
});
