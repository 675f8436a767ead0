import { isPlainDate } from '../../lib/plain-date';
import {
  formatMinutes,
  instantsOfWallTime,
  isKnownTimeZone,
  parseMinutes,
  wallClockAt as zonedWallClockAt,
} from '../../lib/zoned-time';

/**
 * Wall times in a chosen IANA zone, with the browser's Intl only (no date library in the
 * bundle). The server resolves the same `localTime` + `timeZone` with Temporal
 * (functions/core/publishing/schedule-time.ts); these functions let the composer refuse a
 * past or non-existent time before asking it, with the same rules: a skipped hour is
 * refused, a repeated hour takes the earlier reading.
 */

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm */
  time: string;
}

/** The wall clock of an instant in a zone. Throws a RangeError for an unknown zone. */
export function wallClockAt(at: Date, timeZone: string): WallClock {
  const wall = zonedWallClockAt(at.getTime(), timeZone);
  return { date: wall.date, time: formatMinutes(wall.minutes) };
}

export type WallTimeResolution =
  | { kind: 'exact'; at: Date }
  /** Clocks go back: the wall time happens twice. */
  | { kind: 'repeated'; earlier: Date; later: Date }
  /** Clocks go forward: the wall time never happens. */
  | { kind: 'skipped' }
  | { kind: 'invalid'; reason: 'date' | 'zone' };

/** The instants at which a zone's clocks show `date` `time`. */
export function resolveWallTime(date: string, time: string, timeZone: string): WallTimeResolution {
  const minutes = parseMinutes(time);
  if (!isPlainDate(date) || minutes === null) return { kind: 'invalid', reason: 'date' };
  if (!isKnownTimeZone(timeZone)) return { kind: 'invalid', reason: 'zone' };
  const [earlier, later] = instantsOfWallTime(date, minutes, timeZone);
  if (earlier === undefined) return { kind: 'skipped' };
  if (later === undefined) return { kind: 'exact', at: new Date(earlier) };
  return { kind: 'repeated', earlier: new Date(earlier), later: new Date(later) };
}

export type ScheduleCheck =
  | {
      ok: true;
      at: Date;
      /** The body of POST /posts/{id}/schedule. */
      request: { localTime: string; timeZone: string; disambiguation: 'earlier' };
      /** Said next to the inputs when the hour happens twice. */
      note?: string;
    }
  | { ok: false; message: string };

/** Whether the chosen date and time can be scheduled now, and the request that asks for it. */
export function checkScheduleTime(date: string, time: string, timeZone: string, now: Date): ScheduleCheck {
  if (date === '' || time === '') return { ok: false, message: 'Pick a date and a time.' };
  const resolved = resolveWallTime(date, time, timeZone);
  if (resolved.kind === 'invalid') {
    return {
      ok: false,
      message: resolved.reason === 'zone' ? `${timeZone} is not a time zone.` : 'Pick a valid date and time.',
    };
  }
  if (resolved.kind === 'skipped') {
    return {
      ok: false,
      message: `${time} does not exist on ${date} in ${timeZone} (the clocks skip that hour); choose another time.`,
    };
  }
  const at = resolved.kind === 'exact' ? resolved.at : resolved.earlier;
  if (at.getTime() <= now.getTime()) {
    return { ok: false, message: 'That time has already passed; pick a later one or publish now.' };
  }
  return {
    ok: true,
    at,
    request: { localTime: `${date}T${time}`, timeZone, disambiguation: 'earlier' },
    ...(resolved.kind === 'repeated'
      ? { note: `${time} happens twice that night; the first one (before the clocks go back) is used.` }
      : {}),
  };
}

/** The form's starting point: the next full hour at least 30 minutes away, in the zone. */
export function defaultSlot(now: Date, timeZone: string): WallClock {
  const hour = 3600 * 1000;
  const next = Math.ceil((now.getTime() + 30 * 60 * 1000) / hour) * hour;
  try {
    const wall = wallClockAt(new Date(next), timeZone);
    return { date: wall.date, time: wall.time };
  } catch {
    const iso = new Date(next).toISOString();
    return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
  }
}
