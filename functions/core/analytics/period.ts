import { Temporal } from 'temporal-polyfill';
import { InvalidInputError } from '../errors';
import { dayRange } from '../publishing/schedule-time';

/** The longest range analytics answers at once, in days (two years and a leap day). */
export const ANALYTICS_MAX_DAYS = 731;

/** A range of the viewer's days and the instants it spans. */
export interface Period {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

/**
 * The viewer's days `from`..`to` (inclusive) and the period of the same number of days just
 * before it, both in the viewer's zone (a day is 23 or 25 hours across a DST change).
 */
export function periodAndPrevious(range: { from: string; to: string; timeZone: string }): {
  current: Period;
  previous: Period;
} {
  const from = Temporal.PlainDate.from(range.from);
  const to = Temporal.PlainDate.from(range.to);
  const days = from.until(to, { largestUnit: 'days' }).days;
  if (days < 0 || days >= ANALYTICS_MAX_DAYS) {
    throw new InvalidInputError(`The range must run forward and span at most ${ANALYTICS_MAX_DAYS} days.`, [
      { field: 'query.to', message: `Between from and ${ANALYTICS_MAX_DAYS - 1} days after it` },
    ]);
  }
  const previousTo = from.subtract({ days: 1 });
  const previousFrom = previousTo.subtract({ days });
  const period = (first: Temporal.PlainDate, last: Temporal.PlainDate): Period => ({
    from: first.toString(),
    to: last.toString(),
    ...dayRange(first.toString(), last.toString(), range.timeZone),
  });
  return { current: period(from, to), previous: period(previousFrom, previousTo) };
}
