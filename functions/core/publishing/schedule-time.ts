import { Temporal } from '@js-temporal/polyfill';

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

/** The wall time of an instant in a zone, `YYYY-MM-DDTHH:mm:ss`. */
export function wallTime(at: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'second' });
}

/** The viewer's calendar day of an instant, `YYYY-MM-DD`. */
export function localDay(at: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/** The instants where the viewer's days `from`..`to` (inclusive, `YYYY-MM-DD`) start and end. */
export function dayRange(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  const start = Temporal.PlainDate.from(from).toZonedDateTime({ timeZone });
  const end = Temporal.PlainDate.from(to).add({ days: 1 }).toZonedDateTime({ timeZone });
  return { start: new Date(start.epochMilliseconds), end: new Date(end.epochMilliseconds) };
}
