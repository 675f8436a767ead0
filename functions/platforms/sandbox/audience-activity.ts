/**
 * When the sandbox audience is online: the share of followers active at each local hour, on
 * weekdays and at weekends (README.md, "Audience activity"). Shaped after the published
 * studies of social media usage: a night trough around 03:00-05:00, a commute rise, a lunch
 * bump, and the evening peak around 20:00; weekend mornings start later and flatter.
 * Values are anchored at the start of each hour and interpolated linearly in between.
 */
const WEEKDAY = [
  0.3, 0.2, 0.13, 0.1, 0.1, 0.14, 0.28, 0.5, 0.68, 0.72, 0.7, 0.75, 0.88, 0.85, 0.7, 0.68, 0.7, 0.78, 0.88,
  0.97, 1, 0.95, 0.75, 0.5,
] as const;
const WEEKEND = [
  0.38, 0.28, 0.18, 0.12, 0.1, 0.1, 0.14, 0.24, 0.4, 0.58, 0.72, 0.8, 0.85, 0.84, 0.8, 0.78, 0.78, 0.8, 0.84,
  0.9, 0.92, 0.88, 0.72, 0.52,
] as const;

export const ACTIVITY_CURVES = { weekday: WEEKDAY, weekend: WEEKEND } as const;

/** Activity in [0.1, 1] at a local time: `weekday` 0 = Sunday ... 6 = Saturday, `hour` fractional. */
function curveOf(day: number): readonly number[] {
  return day === 0 || day === 6 ? WEEKEND : WEEKDAY;
}

export function audienceActivity(weekday: number, hour: number): number {
  const whole = Math.floor(hour);
  const fraction = hour - whole;
  const here = curveOf(weekday)[whole] as number;
  // 23:xx interpolates toward 00:00 of the next day, whose curve may differ.
  const next =
    whole === 23 ? (curveOf((weekday + 1) % 7)[0] as number) : (curveOf(weekday)[whole + 1] as number);
  return here + (next - here) * fraction;
}

export interface LocalTime {
  weekday: number;
  hour: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();
const HOUR_MS = 3_600_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The zone's UTC offset in minutes during the UTC hour that contains `utcMs`. Cached per
 * zone and hour: the model asks for hundreds of instants per post, and zone offsets only
 * change on (UTC) hour or half-hour boundaries, which this resolution is fine with.
 */
function offsetMinutes(timeZone: string, utcMs: number): number {
  const hourStart = Math.floor(utcMs / HOUR_MS) * HOUR_MS;
  const key = `${timeZone}|${hourStart}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const parts = formatterFor(timeZone).formatToParts(new Date(hourStart));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const offset = Math.round((asUtc - hourStart) / 60_000);
  if (offsets.size > 50_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** Weekday and fractional hour of an instant in an IANA zone (UTC when the zone is unknown). */
export function localTime(instant: Date | number, timeZone: string): LocalTime {
  const utcMs = typeof instant === 'number' ? instant : instant.getTime();
  return localTimeWithOffset(utcMs, safeOffsetMinutes(timeZone, utcMs));
}

/** The zone's offset from UTC in minutes at an instant; 0 for a zone this runtime does not know. */
export function safeOffsetMinutes(timeZone: string, utcMs: number): number {
  try {
    return offsetMinutes(timeZone, utcMs);
  } catch {
    return 0;
  }
}

const DAY_MS = 86_400_000;

/** Arithmetic only (no Date objects): the model calls this for every step of a post's life. */
export function localTimeWithOffset(utcMs: number, offset: number): LocalTime {
  const localMs = utcMs + offset * 60_000;
  const days = Math.floor(localMs / DAY_MS);
  // 1970-01-01 was a Thursday (4).
  const weekday = (((days + 4) % 7) + 7) % 7;
  return { weekday, hour: (localMs - days * DAY_MS) / HOUR_MS };
}
