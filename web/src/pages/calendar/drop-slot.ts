import type { PlainDate } from '../../lib/plain-date';
import { formatMinutes, instantOfWallTime } from '../../lib/zoned-time';

/** Length of a drop slot in the week and day views. */
export const SLOT_MINUTES = 30;

/** The slots of a day on the wall clock: 00:00, 00:30, … 23:30. */
export function daySlots(slotMinutes = SLOT_MINUTES): number[] {
  return Array.from({ length: (24 * 60) / slotMinutes }, (_, index) => index * slotMinutes);
}

/** The slot a wall time falls in (10:47 -> 10:30). */
export function slotOf(minutes: number, slotMinutes = SLOT_MINUTES): number {
  return Math.floor(minutes / slotMinutes) * slotMinutes;
}

export interface Reschedule {
  /** The wall time the viewer pointed at, in the viewer's zone (for messages). */
  wallTime: { localTime: string; timeZone: string };
  /**
   * The instant that wall time is. Sent as `{ at }`, so the post keeps its author's zone: a
   * colleague in New York moving a Paris post must not turn it into a New York post.
   */
  at: string;
}

/**
 * Where a drop lands: the instant of the wall time `date` + `minutes` in the viewer's zone
 * (zone-aware, checked against Temporal in the tests). Null for a wall time the clocks skip
 * that day (it would be refused anyway).
 */
export function rescheduleAt(date: PlainDate, minutes: number, viewerZone: string): Reschedule | null {
  const instant = instantOfWallTime(date, minutes, viewerZone);
  if (instant === null) return null;
  return {
    wallTime: { localTime: `${date}T${formatMinutes(minutes)}`, timeZone: viewerZone },
    at: new Date(instant).toISOString(),
  };
}
