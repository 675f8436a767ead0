import { wallClockText } from '../../shared/wall-clock';

/*
 * EventBridge Scheduler's `at()` takes a local date-time plus a zone, so the scheduler needs
 * the exact wall time (`wallClockText`, functions/shared/wall-clock.ts), and must know when
 * that wall time is ambiguous (the repeated hour when clocks go back), because then the zone
 * alone cannot say which instant is meant.
 */

/** The zone's offset from UTC at that instant, in milliseconds (whole seconds). */
function offsetAt(instant: Date, timeZone: string): number {
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Date.parse(`${wallClockText(instant, timeZone)}Z`) - wholeSeconds;
}

/**
 * True when the instant's wall-clock time also names another instant in the zone (the hour
 * repeated when daylight saving time ends).
 */
export function isAmbiguousWallClock(instant: Date, timeZone: string): boolean {
  const wall = wallClockText(instant, timeZone);
  const wallAsUtc = Date.parse(`${wall}Z`);
  const ownSecond = Math.floor(instant.getTime() / 1000) * 1000;
  // Transitions shift the offset by at most a few hours and never twice within 12 hours,
  // so the offsets in effect 12 h either side cover every candidate reading.
  const hour = 3_600_000;
  const offsets = new Set(
    [-12 * hour, 0, 12 * hour].map((delta) => offsetAt(new Date(instant.getTime() + delta), timeZone)),
  );
  for (const offset of offsets) {
    const candidate = wallAsUtc - offset;
    if (candidate !== ownSecond && wallClockText(new Date(candidate), timeZone) === wall) return true;
  }
  return false;
}
