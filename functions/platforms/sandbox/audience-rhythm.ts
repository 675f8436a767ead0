import { hashString } from './seeded-random';

/**
 * Each sandbox audience's own weekly rhythm (README.md, "Audience rhythm"): on top of the
 * network-wide activity curve, an account's followers crowd in at one weekday and hour of
 * their week (a newsletter going out, a weekly meeting, a commute), a Gaussian bump on the
 * weekly clock. The peak is drawn from the handle, as the starting audience is, so it needs no
 * storage and the same account behaves the same in a seeded history and in a live sync.
 */
export const AUDIENCE_RHYTHM = {
  /**
   * Added to the base activity (0.1 to 1) at the centre of the bump: an absolute crowd, so a
   * peak on a quiet Sunday morning stands out as much as one on a busy weekday.
   */
  lift: 3,
  /** Standard deviation of the bump, hours. */
  widthHours: 1.25,
  /**
   * The bump's centre sits this many hours after the start of the peak hour: attention decays
   * over the hours after a post (lifetime ~2 h), so the best hour to publish starts before the
   * crowd is largest. With this lead, posts published during the peak hour do best.
   */
  centreAfterHourStart: 1.5,
  /** Peak hours are drawn from 07:00 to 21:00 local. */
  firstHour: 7,
  hours: 15,
} as const;

export interface AudienceRhythm {
  /** Local weekday of the peak: 0 = Sunday ... 6 = Saturday (as `localTime`). */
  peakWeekday: number;
  /** Local hour (0-23) in which publishing does best. */
  peakHour: number;
}

const WEEK_HOURS = 7 * 24;

/** The rhythm of an account, from its handle. */
export function audienceRhythm(handle: string): AudienceRhythm {
  const draw = hashString(`sandbox-rhythm:${handle}`);
  return {
    peakWeekday: draw % 7,
    peakHour: AUDIENCE_RHYTHM.firstHour + (Math.floor(draw / 7) % AUDIENCE_RHYTHM.hours),
  };
}

/**
 * The activity the rhythm adds to the base curve at a local weekday and fractional hour:
 * lift * exp(-d^2 / 2w^2), with d the distance in hours to the bump's centre on the weekly
 * clock (so Saturday 23:00 is close to Sunday 01:00).
 */
export function rhythmBoost(rhythm: AudienceRhythm, weekday: number, hour: number): number {
  const centre = rhythm.peakWeekday * 24 + rhythm.peakHour + AUDIENCE_RHYTHM.centreAfterHourStart;
  const raw = Math.abs(weekday * 24 + hour - centre) % WEEK_HOURS;
  const distance = Math.min(raw, WEEK_HOURS - raw);
  // Beyond 5 widths the bump is below 4e-6 of the lift: skip the exponential.
  if (distance > 5 * AUDIENCE_RHYTHM.widthHours) return 0;
  const w = AUDIENCE_RHYTHM.widthHours;
  return AUDIENCE_RHYTHM.lift * Math.exp(-(distance * distance) / (2 * w * w));
}
