import { wallClockText } from '../../../shared/wall-clock';

/** Where an instant falls in a zone's week: what the audience's day looks like then. */
export interface LocalSlot {
  /** 0 = Sunday ... 6 = Saturday, in the zone. */
  weekday: number;
  /** 0-23, the wall-clock hour in the zone. */
  hour: number;
  /** Hour with minutes as a fraction (18.5 = 18:30), for the smooth daily curve. */
  fractionalHour: number;
}

/**
 * The wall-clock weekday and hour of `instant` in `timeZone`, through Intl (so DST and zone
 * history are the runtime's tz database, not arithmetic on offsets). An unknown zone throws
 * RangeError: callers pass zones that came from the database.
 */
export function localSlot(instant: Date, timeZone: string): LocalSlot {
  const text = wallClockText(instant, timeZone);
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  const hour = Number(text.slice(11, 13));
  const minute = Number(text.slice(14, 16));
  return {
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    hour,
    fractionalHour: hour + minute / 60,
  };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Tuesday 18:00". */
export function slotLabel(slot: { weekday: number; hour: number }): string {
  return `${WEEKDAYS[slot.weekday]} ${String(slot.hour).padStart(2, '0')}:00`;
}
