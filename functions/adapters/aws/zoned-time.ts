/**
 * Wall-clock time of a UTC instant in an IANA zone, with Intl only (no date library).
 * EventBridge Scheduler's `at()` takes a local date-time plus a zone, so we need the exact
 * wall time, and we must know when that wall time is ambiguous (the repeated hour when
 * clocks go back), because then the zone alone cannot say which instant is meant.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone, which is what we want.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** `yyyy-mm-ddThh:mm:ss` in the zone; milliseconds are dropped. */
export function wallClock(instant: Date, timeZone: string): string {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const year = (parts.year ?? '').padStart(4, '0');
  return `${year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The zone's offset from UTC at that instant, in milliseconds (whole seconds). */
function offsetAt(instant: Date, timeZone: string): number {
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Date.parse(`${wallClock(instant, timeZone)}Z`) - wholeSeconds;
}

/**
 * True when the instant's wall-clock time also names another instant in the zone (the hour
 * repeated when daylight saving time ends).
 */
export function isAmbiguousWallClock(instant: Date, timeZone: string): boolean {
  const wall = wallClock(instant, timeZone);
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
    if (candidate !== ownSecond && wallClock(new Date(candidate), timeZone) === wall) return true;
  }
  return false;
}
