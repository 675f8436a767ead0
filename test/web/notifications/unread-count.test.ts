import { describe, expect, it } from 'vitest';
import { BELL_CAP, bellBadgeText, bellLabel } from '../../../web/src/pages/notifications/unread-count';

describe('the bell', () => {
  it('shows no badge when nothing is unread', () => {
    expect(bellBadgeText(0)).toBeNull();
    expect(bellBadgeText(-1)).toBeNull();
    expect(bellBadgeText(Number.NaN)).toBeNull();
  });

  it('shows the count up to the cap, then "99+"', () => {
    expect(bellBadgeText(1)).toBe('1');
    expect(bellBadgeText(BELL_CAP)).toBe('99');
    expect(bellBadgeText(BELL_CAP + 1)).toBe('99+');
    expect(bellBadgeText(12_345)).toBe('99+');
  });

  it('says the exact count to screen readers, even above the cap', () => {
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
    expect(bellLabel(1)).toBe('Notifications, 1 unread');
    expect(bellLabel(250)).toBe('Notifications, 250 unread');
    expect(bellLabel(0)).toBe('Notifications, none unread');
  });
});
