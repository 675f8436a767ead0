import { describe, expect, it } from 'vitest';
import { composeHref } from '../../../web/src/pages/calendar/compose-link';

const href = (iso: string) => `/compose?at=${encodeURIComponent(iso)}`;

describe('the "+" of an empty day', () => {
  const now = Date.parse('2026-11-26T07:30:00Z'); // 08:30 in Paris

  it('opens the composer at 09:00 that day in the viewer’s zone', () => {
    expect(composeHref('2026-11-27', now, 'Europe/Paris')).toBe(href('2026-11-27T08:00:00.000Z'));
    expect(composeHref('2026-11-27', now, 'America/New_York')).toBe(href('2026-11-27T14:00:00.000Z'));
    // Today before 09:00 still gets 09:00.
    expect(composeHref('2026-11-26', now, 'Europe/Paris')).toBe(href('2026-11-26T08:00:00.000Z'));
  });

  it('uses the next full hour later today, and nothing for days already over', () => {
    const afternoon = Date.parse('2026-11-26T13:20:00Z'); // 14:20 in Paris
    expect(composeHref('2026-11-26', afternoon, 'Europe/Paris')).toBe(href('2026-11-26T14:00:00.000Z'));
    expect(composeHref('2026-11-25', afternoon, 'Europe/Paris')).toBeNull();
    expect(composeHref('2026-11-26', Date.parse('2026-11-26T22:10:00Z'), 'Europe/Paris')).toBeNull();
  });

  it('gives 09:00 on a DST day its own offset', () => {
    const before = Date.parse('2026-03-01T00:00:00Z');
    expect(composeHref('2026-03-29', before, 'Europe/Paris')).toBe(href('2026-03-29T07:00:00.000Z'));
    expect(composeHref('2026-10-25', before, 'Europe/Paris')).toBe(href('2026-10-25T08:00:00.000Z'));
  });
});
