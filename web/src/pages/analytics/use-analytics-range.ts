import { useState } from 'react';
import { useSignedInUser } from '../../auth/use-session';
import { browserTimeZone } from '../../lib/time-zones';
import { addDays } from '../../lib/plain-date';
import { wallClockAt } from '../../lib/zoned-time';

export const RANGE_PRESETS = [7, 28, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** The last N days up to today, as the viewer's calendar has them (their zone's midnight). */
export function useAnalyticsRange() {
  const { user } = useSignedInUser();
  const timeZone = user.timezone || browserTimeZone();
  const [days, setDays] = useState<RangePreset>(28);
  const today = wallClockAt(Date.now(), timeZone).date;
  const from = addDays(today, -(days - 1));
  return { days, setDays, timeZone, query: { from, to: today, timeZone } };
}
