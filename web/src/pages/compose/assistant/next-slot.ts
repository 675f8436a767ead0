import { addDays, isoWeekday } from '../../../lib/plain-date';
import { formatMinutes, instantOfWallTime, wallClockAt } from '../../../lib/zoned-time';

/** At least this far ahead, like the composer's own default slot. */
const LEAD_MS = 30 * 60 * 1000;

/**
 * The next time a weekly slot (weekday 0 = Sunday, hour, as the smart scheduler gives them)
 * comes round in `timeZone`, at least half an hour from `now`: the date and time to put in
 * the composer's schedule fields. Null when the hour does not exist that day (a DST gap) in
 * the next two weeks.
 */
export function nextSlot(
  slot: { weekday: number; hour: number },
  timeZone: string,
  now: Date,
): { date: string; time: string } | null {
  const today = wallClockAt(now.getTime(), timeZone).date;
  for (let offset = 0; offset <= 14; offset += 1) {
    const date = addDays(today, offset);
    if (isoWeekday(date) % 7 !== slot.weekday) continue;
    const at = instantOfWallTime(date, slot.hour * 60, timeZone);
    if (at !== null && at >= now.getTime() + LEAD_MS) return { date, time: formatMinutes(slot.hour * 60) };
  }
  return null;
}
