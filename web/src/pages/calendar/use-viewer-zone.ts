import { useState } from 'react';
import { useSignedInUser } from '../../auth/use-session';
import { browserTimeZone } from '../../lib/time-zones';
import { isKnownTimeZone } from '../../lib/zoned-time';

const STORAGE_KEY = 'plume.calendar.timeZone';

function readSessionZone(): string | null {
  try {
    const zone = sessionStorage.getItem(STORAGE_KEY);
    return zone && isKnownTimeZone(zone) ? zone : null;
  } catch {
    return null;
  }
}

/**
 * The zone the calendar is drawn in: one picked on this page for this browser session,
 * else the profile's, else the browser's. Picking one does not change the profile.
 */
export function useViewerZone(): { zone: string; ownZone: string; setZone: (zone: string | null) => void } {
  const { user } = useSignedInUser();
  const ownZone = user.timezone && isKnownTimeZone(user.timezone) ? user.timezone : browserTimeZone();
  const [picked, setPicked] = useState<string | null>(readSessionZone);
  const setZone = (zone: string | null) => {
    const next = zone === ownZone ? null : zone;
    try {
      if (next) sessionStorage.setItem(STORAGE_KEY, next);
      else sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // Storage refused (private mode): the choice still holds until the page reloads.
    }
    setPicked(next);
  };
  return { zone: picked ?? ownZone, ownZone, setZone };
}
