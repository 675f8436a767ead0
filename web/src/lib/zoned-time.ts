import { wallClockFormatter } from '../../../functions/shared/wall-clock';
import { addDays, type PlainDate } from './plain-date';

/**
 * Wall clocks in IANA zones with nothing but Intl, so the calendar chunk carries no date
 * library. An offset is read from the zone at a given instant (it changes with daylight
 * saving time), never assumed: a day is 23, 24 or 25 hours long.
 */
export interface WallClock {
  date: PlainDate;
  /** Minutes since the wall clock's midnight, 0..1439. */
  minutes: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** True when the browser knows the zone (`Europe/Paris`, `UTC`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    wallClockFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallParts(instantMs: number, timeZone: string): number[] {
  const parts = wallClockFormatter(timeZone).formatToParts(new Date(instantMs));
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return [value('year'), value('month'), value('day'), value('hour'), value('minute'), value('second')];
}

/** The zone's offset from UTC at an instant, in minutes (Paris in summer: 120). */
export function offsetMinutes(instantMs: number, timeZone: string): number {
  const [year, month, day, hour, minute, second] = wallParts(instantMs, timeZone) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const truncated = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return Math.round((wallAsUtc - truncated) / MINUTE_MS);
}

/** What a clock on the wall in `timeZone` reads at an instant. */
export function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const [year, month, day, hour, minute] = wallParts(instantMs, timeZone) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { date, minutes: hour * 60 + minute };
}

function wallAsUtcMs(date: PlainDate, minutes: number): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) + minutes * MINUTE_MS;
}

/**
 * Every instant at which the wall clock reads `date` + `minutes`: one normally, none in
 * the hour skipped when clocks go forward, two in the hour repeated when they go back.
 * The offsets a day either side bracket any transition (zones change at most once a day).
 */
export function instantsOfWallTime(date: PlainDate, minutes: number, timeZone: string): number[] {
  const wall = wallAsUtcMs(date, minutes);
  const offsets = new Set([offsetMinutes(wall - DAY_MS, timeZone), offsetMinutes(wall + DAY_MS, timeZone)]);
  const found = new Set<number>();
  for (const offset of offsets) {
    const candidate = wall - offset * MINUTE_MS;
    const seen = wallClockAt(candidate, timeZone);
    if (seen.date === date && seen.minutes === minutes) found.add(candidate);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * The instant of a wall time, taking the earlier of a repeated one (like the server's
 * default), or null for a wall time that does not exist that day.
 */
export function instantOfWallTime(date: PlainDate, minutes: number, timeZone: string): number | null {
  return instantsOfWallTime(date, minutes, timeZone)[0] ?? null;
}

/**
 * When the day begins in the zone. Midnight itself, except in the few zones whose clocks
 * jump forward at midnight: there the day starts at the jump (01:00 on the wall).
 */
export function startOfDay(date: PlainDate, timeZone: string): number {
  const midnight = instantOfWallTime(date, 0, timeZone);
  if (midnight !== null) return midnight;
  const wall = wallAsUtcMs(date, 0);
  return wall - offsetMinutes(wall - DAY_MS, timeZone) * MINUTE_MS;
}

/** How many hours the day lasts on the wall clock: 24, or 23 / 25 across a DST change. */
export function dayLengthHours(date: PlainDate, timeZone: string): number {
  return (startOfDay(addDays(date, 1), timeZone) - startOfDay(date, timeZone)) / 3_600_000;
}

/** `HH:mm` for minutes since midnight. */
export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Minutes since midnight for `HH:mm`, or null when it is not a time. */
export function parseMinutes(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}
