import { Temporal } from 'temporal-polyfill';
import { slotIndex } from './local-slot';

export interface UpcomingSlot {
  at: Date;
  /** Weekly slot index (0..167) in the zone. */
  slot: number;
  /** Wall time in the zone, `YYYY-MM-DDTHH:mm`: what `resolveScheduleTime` takes as `localTime`. */
  localTime: string;
  /** The local calendar day, `YYYY-MM-DD` (daily caps count per local day). */
  localDate: string;
}

/**
 * Every local hour (at `minute` past) from `now + leadMinutes` to `now + days`, in the zone,
 * oldest first. An hour the clocks skip (spring forward) does not exist and is left out; an
 * hour that happens twice (fall back) is offered once, at its earlier instant, as the composer
 * schedules it by default.
 */
export function upcomingSlots(
  now: Date,
  timeZone: string,
  options: { days: number; leadMinutes: number; minute: number },
): UpcomingSlot[] {
  const from = now.getTime() + options.leadMinutes * 60_000;
  const until = now.getTime() + options.days * 86_400_000;
  const start = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  const slots: UpcomingSlot[] = [];
  for (let day = 0; day <= options.days + 1; day += 1) {
    const date = start.add({ days: day });
    for (let hour = 0; hour < 24; hour += 1) {
      const wall = date.toPlainDateTime({ hour, minute: options.minute });
      const zoned = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
      if (!zoned.toPlainDateTime().equals(wall)) continue;
      const at = zoned.epochMilliseconds;
      if (at < from || at >= until) continue;
      slots.push({
        at: new Date(at),
        slot: slotIndex({ weekday: zoned.dayOfWeek % 7, hour }),
        localTime: wall.toString({ smallestUnit: 'minute' }),
        localDate: date.toString(),
      });
    }
  }
  return slots;
}
