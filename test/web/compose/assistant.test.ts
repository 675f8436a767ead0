import { describe, expect, it } from 'vitest';
import { appendHashtag } from '../../../web/src/pages/compose/assistant/append-hashtag';
import { nextSlot } from '../../../web/src/pages/compose/assistant/next-slot';

describe('nextSlot: the next time a weekly slot comes round in a zone', () => {
  // Wednesday 2026-03-25 10:00 UTC = 11:00 in Paris (CET, before the change on Sunday the 29th).
  const now = new Date('2026-03-25T10:00:00Z');

  it('takes today when the hour is still ahead by half an hour or more', () => {
    expect(nextSlot({ weekday: 3, hour: 12 }, 'Europe/Paris', now)).toEqual({
      date: '2026-03-25',
      time: '12:00',
    });
  });

  it('moves to next week when today’s hour is past or too close', () => {
    // 11:00 is now; 11:00 today is not 30 minutes ahead.
    expect(nextSlot({ weekday: 3, hour: 11 }, 'Europe/Paris', now)).toEqual({
      date: '2026-04-01',
      time: '11:00',
    });
  });

  it('reads the weekday from Sunday = 0 in the zone, across the clocks going forward', () => {
    // Sunday 29 March: 02:00 does not exist in Paris; the Sunday after it does.
    expect(nextSlot({ weekday: 0, hour: 2 }, 'Europe/Paris', now)).toEqual({
      date: '2026-04-05',
      time: '02:00',
    });
    expect(nextSlot({ weekday: 0, hour: 9 }, 'Europe/Paris', now)).toEqual({
      date: '2026-03-29',
      time: '09:00',
    });
  });

  it('uses the zone’s own date, not UTC’s', () => {
    // 23:30 UTC on Wednesday is already Thursday 08:30 in Tokyo.
    const late = new Date('2026-03-25T23:30:00Z');
    expect(nextSlot({ weekday: 4, hour: 9 }, 'Asia/Tokyo', late)).toEqual({
      date: '2026-03-26',
      time: '09:00',
    });
  });
});

describe('appendHashtag', () => {
  it('adds a hashtag on a line of its own, or to a last line of hashtags', () => {
    expect(appendHashtag('Fresh bread today', 'bread')).toBe('Fresh bread today\n\n#bread');
    expect(appendHashtag('Fresh bread today\n\n#bread', 'sourdough')).toBe(
      'Fresh bread today\n\n#bread #sourdough',
    );
    expect(appendHashtag('', '#bread')).toBe('#bread');
  });

  it('leaves a text that already has the hashtag, in any case', () => {
    expect(appendHashtag('Fresh #Bread today', 'bread')).toBe('Fresh #Bread today');
  });
});
