const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formats = new Map<string, Intl.DateTimeFormat>();
const cache = new Map<string, number>();
/** Bound on remembered hours, so a long-lived worker does not grow without end. */
const CACHE_LIMIT = 200_000;

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * The local hour of the week (0 = Sunday 00:00 ... 167 = Saturday 23:00) of UTC hour `hour`
 * (hours since the epoch) in `timeZone`. People mention a brand by their clock: across a
 * daylight-saving change, "Monday 09:00" stays Monday 09:00 locally while its UTC hour moves.
 */
export function localHourOfWeek(hour: number, timeZone: string): number {
  if (timeZone === 'UTC') {
    // 1970-01-01 was a Thursday (weekday 4).
    const weekday = (((Math.floor(hour / 24) + 4) % 7) + 7) % 7;
    return weekday * 24 + (((hour % 24) + 24) % 24);
  }
  const key = `${timeZone}|${hour}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const parts = formatFor(timeZone).formatToParts(new Date(hour * 3_600_000));
  const weekday = WEEKDAYS.indexOf(parts.find((p) => p.type === 'weekday')!.value);
  const value = weekday * 24 + Number(parts.find((p) => p.type === 'hour')!.value);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}
