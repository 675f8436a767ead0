import { Temporal } from 'temporal-polyfill';
import { wallClockText } from '../../shared/wall-clock';

/** A schedule as the user gives it: an exact instant, or a wall time in an IANA zone. */
export type ScheduleTimeInput =
  | { at: string; timeZone?: string }
  | { localTime: string; timeZone: string; disambiguation?: 'earlier' | 'later' };

export class ScheduleTimeError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ScheduleTimeError';
  }
}

/**
 * Resolves a schedule to a UTC instant plus the zone to store with it. A wall time that
 * does not exist (the hour skipped when clocks go forward) is refused rather than silently
 * moved; a wall time that happens twice (clocks go back) takes the earlier one unless the
 * caller says `later`.
 */
export function resolveScheduleTime(
  input: ScheduleTimeInput,
  fallbackZone: string,
): { at: Date; timeZone: string } {
  if ('at' in input) {
    let instant: Temporal.Instant;
    try {
      instant = Temporal.Instant.from(input.at);
    } catch {
      throw new ScheduleTimeError(
        'at',
        'Give an ISO 8601 instant with an offset, e.g. 2026-03-29T09:00:00+02:00.',
      );
    }
    return { at: new Date(instant.epochMilliseconds), timeZone: input.timeZone ?? fallbackZone };
  }
  let local: Temporal.PlainDateTime;
  try {
    local = Temporal.PlainDateTime.from(input.localTime, { overflow: 'reject' });
  } catch {
    throw new ScheduleTimeError('localTime', 'Give a local date and time, e.g. 2026-03-29T09:00.');
  }
  const zone = input.timeZone;
  let chosen: Temporal.ZonedDateTime;
  try {
    chosen = local.toZonedDateTime(zone, { disambiguation: input.disambiguation ?? 'earlier' });
  } catch {
    throw new ScheduleTimeError('timeZone', `${zone} is not an IANA time zone.`);
  }
  // In a skipped hour both readings land on another wall time; refuse instead of moving it.
  if (!chosen.toPlainDateTime().equals(local)) {
    throw new ScheduleTimeError(
      'localTime',
      `${local.toString()} does not exist in ${zone} (the clocks skip that hour); choose another time.`,
    );
  }
  return { at: new Date(chosen.epochMilliseconds), timeZone: zone };
}

/**
 * Intl writes era years (1 BC is "1"), Temporal ISO years (0, -000001, +010000): they agree
 * only well inside years 1-9999, so instants near or beyond those ends take the Temporal path.
 */
const intlAgrees = (at: Date): boolean => at.getUTCFullYear() >= 2 && at.getUTCFullYear() <= 9998;

/**
 * Wall times already read, by zone and instant: a calendar shows the same entries to the same
 * people over and over, and even a cached formatter costs ~9 µs an entry (18% of the calendar's
 * CPU in its profile). Exact (nothing is rounded); bounded, the oldest entry goes first.
 */
const WALL_TIMES_KEPT = 20_000;
const wallTimes = new Map<string, string>();

/** The wall time of an instant in a zone, `YYYY-MM-DDTHH:mm:ss`. */
export function wallTime(at: Date, timeZone: string): string {
  if (!intlAgrees(at)) return temporalWallTime(at, timeZone);
  const key = `${timeZone} ${at.getTime()}`;
  const known = wallTimes.get(key);
  if (known !== undefined) return known;
  // Intl (functions/shared/wall-clock.ts) costs ~9 µs a reading where the Temporal polyfill's
  // ZonedDateTime costs ~45 µs; both use the runtime's tz database, and
  // test/core/publishing/schedule-time.test.ts checks them against each other.
  const wall = wallClockText(at, timeZone);
  if (wallTimes.size >= WALL_TIMES_KEPT) wallTimes.delete(wallTimes.keys().next().value as string);
  wallTimes.set(key, wall);
  return wall;
}

/** The viewer's calendar day of an instant, `YYYY-MM-DD`. */
export function localDay(at: Date, timeZone: string): string {
  return wallTime(at, timeZone).slice(0, -'T00:00:00'.length);
}

function temporalWallTime(at: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'second' });
}

/** The instants where the viewer's days `from`..`to` (inclusive, `YYYY-MM-DD`) start and end. */
export function dayRange(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  const start = Temporal.PlainDate.from(from).toZonedDateTime({ timeZone });
  const end = Temporal.PlainDate.from(to).add({ days: 1 }).toZonedDateTime({ timeZone });
  return { start: new Date(start.epochMilliseconds), end: new Date(end.epochMilliseconds) };
}
