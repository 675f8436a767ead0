import { Temporal } from 'temporal-polyfill';

/**
 * A weekly slot: a weekday and an hour of the audience's own clock. Weekday 0 = Sunday ...
 * 6 = Saturday, as the Sandbox ground truth and `Date#getDay` count. A post belongs to the
 * slot of the local hour it was published in (18:59 is in 18:00).
 */
export interface WeeklySlot {
  weekday: number;
  hour: number;
}

export const SLOTS_PER_WEEK = 7 * 24;

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Index 0..167 on the weekly clock: Sunday 00:00 is 0, Saturday 23:00 is 167. */
export const slotIndex = (slot: WeeklySlot): number => slot.weekday * 24 + slot.hour;

export const slotAt = (index: number): WeeklySlot => {
  const wrapped = ((index % SLOTS_PER_WEEK) + SLOTS_PER_WEEK) % SLOTS_PER_WEEK;
  return { weekday: Math.floor(wrapped / 24), hour: wrapped % 24 };
};

/** "Tuesday 18:00". */
export const slotLabel = (slot: WeeklySlot): string =>
  `${WEEKDAY_NAMES[slot.weekday]} ${String(slot.hour).padStart(2, '0')}:00`;

/**
 * The slot an instant falls in, read in an IANA zone with Temporal (temporal-polyfill, as the
 * scheduler and the analytics periods read zones), so summer time is followed: a 09:30 post in
 * Paris is in the 09:00 slot in January and in July alike. Throws RangeError for an unknown zone.
 */
export function localSlot(instant: Date, timeZone: string): WeeklySlot {
  const local = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  // Temporal counts Monday 1 ... Sunday 7.
  return { weekday: local.dayOfWeek % 7, hour: local.hour };
}

/** Whether the runtime knows the zone (Temporal and Intl share the same tz database). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}
