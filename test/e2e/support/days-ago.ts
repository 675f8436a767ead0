export const DAY = 86_400_000;

/** A UTC instant `days` before now at `hour`:00 UTC (a person who set no zone sees days in UTC). */
export function daysAgo(days: number, hour: number): Date {
  const at = new Date(Date.now() - days * DAY);
  at.setUTCHours(hour, 0, 0, 0);
  return at;
}
