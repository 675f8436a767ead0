import { safeOffsetMinutes } from '../audience-activity';
import { SEASONS, seasonOf, type Season } from '../seasonal-calendar';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** The UTC instant of a wall-clock time in a zone, given as ms since the epoch read as UTC. */
export function utcOfLocal(localMs: number, timeZone: string): Date {
  const first = safeOffsetMinutes(timeZone, localMs);
  const second = safeOffsetMinutes(timeZone, localMs - first * 60_000);
  return new Date(localMs - second * 60_000);
}

/** Whole local days since 1970-01-01 at an instant in a zone. */
export function localDayNumber(at: Date, timeZone: string): number {
  const ms = at.getTime();
  return Math.floor((ms + safeOffsetMinutes(timeZone, ms) * 60_000) / DAY_MS);
}

/**
 * How much less the brand posts in a season (planted): a skeleton crew over the year-end
 * holidays, holidays in mid-summer. The network's audience is quieter then too
 * (seasonal-calendar.ts), so these weeks dip in posts and in engagement per post.
 */
export const POSTING_IN_SEASON: Record<Season['name'], number> = {
  'Year-end holidays': 0.35,
  'Mid-summer': 0.7,
};

export function postingFactor(localDay: number): number {
  const date = new Date(localDay * DAY_MS);
  const season = seasonOf(date.getUTCMonth() + 1, date.getUTCDate());
  return season ? POSTING_IN_SEASON[season.name] : 1;
}

/** The seasons' windows (UTC days) that overlap [from, to). */
export function seasonsBetween(
  from: Date,
  to: Date,
): { name: string; from: string; to: string; activityFactor: number; postingFactor: number }[] {
  const found = [];
  for (let year = from.getUTCFullYear() - 1; year <= to.getUTCFullYear(); year += 1) {
    for (const season of SEASONS) {
      const startYear = year;
      const endYear = season.from.month > season.to.month ? year + 1 : year;
      const start = new Date(Date.UTC(startYear, season.from.month - 1, season.from.day));
      const end = new Date(Date.UTC(endYear, season.to.month - 1, season.to.day) + DAY_MS);
      if (end > from && start < to)
        found.push({
          name: season.name,
          from: start.toISOString(),
          to: end.toISOString(),
          activityFactor: season.factor,
          postingFactor: POSTING_IN_SEASON[season.name],
        });
    }
  }
  return found.sort((a, b) => a.from.localeCompare(b.from));
}
