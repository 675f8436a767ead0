/** The zone this browser runs in (`Europe/Paris`), or UTC when it will not say. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * Every IANA zone the browser knows, plus UTC (which `supportedValuesOf` leaves out) and
 * the user's current value, so a zone saved elsewhere still shows as selected.
 */
export function listTimeZones(current?: string): string[] {
  const zones = new Set<string>(
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [],
  );
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b));
}

/** "GMT+2" for a zone at a given instant (offsets change with daylight saving time). */
export function utcOffsetLabel(timeZone: string, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((item) => item.type === 'timeZoneName');
    return part?.value ?? '';
  } catch {
    return '';
  }
}

/** "Europe/Paris (GMT+1)" for the zone picker; underscores read as spaces. */
export function timeZoneLabel(timeZone: string, at?: Date): string {
  const offset = utcOffsetLabel(timeZone, at);
  const name = timeZone.replace(/_/g, ' ');
  return offset ? `${name} (${offset})` : name;
}
