/**
 * Weeks when the whole sandbox network is quieter (README.md, "Seasons"): people are away over
 * the year-end holidays and in the middle of summer. A factor on audience activity by local
 * calendar day, the same every year and for every account, so histories show seasonal dips
 * and a live sync over those days sees them too.
 */
export const SEASONS = [
  { name: 'Year-end holidays', from: { month: 12, day: 22 }, to: { month: 1, day: 2 }, factor: 0.5 },
  { name: 'Mid-summer', from: { month: 8, day: 1 }, to: { month: 8, day: 21 }, factor: 0.75 },
] as const;

export type Season = (typeof SEASONS)[number];

const DAY_MS = 86_400_000;
const byDay = new Map<number, number>();

const ordinal = (month: number, day: number) => month * 100 + day;

function inSeason(season: Season, month: number, day: number): boolean {
  const at = ordinal(month, day);
  const from = ordinal(season.from.month, season.from.day);
  const to = ordinal(season.to.month, season.to.day);
  // A season may run over New Year (from > to).
  return from <= to ? at >= from && at <= to : at >= from || at <= to;
}

/** The season a calendar day falls in, if any. */
export function seasonOf(month: number, day: number): Season | undefined {
  return SEASONS.find((season) => inSeason(season, month, day));
}

/**
 * The activity factor of a local calendar day, given as whole days since 1970-01-01 (the local
 * date's day number). Cached per day: the model asks for it at every step of every post.
 */
export function seasonalFactor(localDayNumber: number): number {
  const cached = byDay.get(localDayNumber);
  if (cached !== undefined) return cached;
  const date = new Date(localDayNumber * DAY_MS);
  const factor = seasonOf(date.getUTCMonth() + 1, date.getUTCDate())?.factor ?? 1;
  byDay.set(localDayNumber, factor);
  return factor;
}
