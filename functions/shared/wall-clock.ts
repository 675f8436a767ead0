/**
 * Wall-clock readings of an instant in an IANA zone through Intl alone (browser-safe, no date
 * library): the scheduler's `at()` expressions, the server's calendar and the dashboard's all
 * read wall times this way. One formatter per zone, reused: building an Intl.DateTimeFormat is
 * the expensive part, and reading through a cached one costs ~9 µs.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's `en-US` 24-hour formatter; throws RangeError for a zone the runtime does not know. */
export function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** `yyyy-mm-ddThh:mm:ss` in the zone; milliseconds are dropped. */
export function wallClockText(instant: Date, timeZone: string): string {
  const parts = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  for (const part of wallClockFormatter(timeZone).formatToParts(instant)) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = part.value;
  }
  return `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}
