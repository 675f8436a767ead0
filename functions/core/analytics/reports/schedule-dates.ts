import { Temporal } from 'temporal-polyfill';
import type { ReportFrequency } from '../../../db/schema';

/** Local time a scheduled report is made: early enough to be there when the week starts. */
const RUN_AT = Temporal.PlainTime.from('06:00');

function runOn(day: Temporal.PlainDate, timeZone: string): Temporal.ZonedDateTime {
  // 06:00 exists on every DST change day; `compatible` would move it forward if it did not.
  return day.toZonedDateTime({ timeZone, plainTime: RUN_AT });
}

/** The first run (06:00 local on a Monday, or on the 1st) strictly after `after`, in the schedule's zone. */
export function nextRunAfter(frequency: ReportFrequency, timeZone: string, after: Date): Date {
  const local = Temporal.Instant.fromEpochMilliseconds(after.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  let day =
    frequency === 'weekly'
      ? local.add({ days: (8 - local.dayOfWeek) % 7 })
      : local.day === 1
        ? local
        : local.with({ day: 1 }).add({ months: 1 });
  let run = runOn(day, timeZone);
  if (run.epochMilliseconds <= after.getTime()) {
    day = frequency === 'weekly' ? day.add({ weeks: 1 }) : day.add({ months: 1 });
    run = runOn(day, timeZone);
  }
  return new Date(run.epochMilliseconds);
}

/**
 * The days a run due at `due` reports on: the week (Monday to Sunday) or calendar month that
 * ended just before its day, in the schedule's zone. Taken from the due time, not from when the
 * run happened, so a late run (an install woken hours later) still reports on the right days.
 */
export function periodEndedBefore(
  frequency: ReportFrequency,
  timeZone: string,
  due: Date,
): { from: string; to: string } {
  const day = Temporal.Instant.fromEpochMilliseconds(due.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  const first =
    frequency === 'weekly' ? day.subtract({ weeks: 1 }) : day.with({ day: 1 }).subtract({ months: 1 });
  const last =
    frequency === 'weekly' ? day.subtract({ days: 1 }) : day.with({ day: 1 }).subtract({ days: 1 });
  return { from: first.toString(), to: last.toString() };
}
