import type { Platform } from '../../../shared/platforms/catalog';
import { ACTIVITY_CURVES } from '../../../platforms/sandbox/audience-activity';
import { SLOTS_PER_WEEK, slotAt } from './local-slot';

/**
 * What an account with little history is smoothed toward: a network-wide curve of how many
 * people are online at each local hour (weekdays and weekends), turned into what a post
 * published in that hour can expect over its life.
 *
 * | network | curve | source |
 * | ------- | ----- | ------ |
 * | sandbox | the Sandbox engagement model's own network curve (`platforms/sandbox/audience-activity.ts`) | the model: exact |
 * | every other network | the same daily-usage shape: night trough 03:00-05:00, commute rise, lunch bump, evening peak ~20:00; weekends later and flatter | the published usage studies that curve was shaped after |
 *
 * No network publishes its hourly activity, so for the real networks the curve is a weak,
 * generic prior: how far an account's own slots may stray from it (`tau2` in slot-estimates.ts)
 * is learned from the account's data, and with a few dozen posts the account's figures decide.
 */
export interface PriorCurve {
  /** Share of the audience online at the start of each local hour, Monday to Friday (24 values). */
  weekday: readonly number[];
  /** The same on Saturdays and Sundays. */
  weekend: readonly number[];
  source: string;
}

const GENERIC: PriorCurve = {
  ...ACTIVITY_CURVES,
  source:
    'generic daily social-media usage curve (night trough, commute rise, lunch bump, evening peak), as published usage studies describe it',
};

const SANDBOX: PriorCurve = {
  ...ACTIVITY_CURVES,
  source: "the Sandbox engagement model's network-wide activity curve",
};

export const NETWORK_PRIORS: Record<Platform, PriorCurve> = {
  bluesky: GENERIC,
  mastodon: GENERIC,
  twitter: GENERIC,
  linkedin: GENERIC,
  facebook: GENERIC,
  instagram: GENERIC,
  threads: GENERIC,
  tiktok: GENERIC,
  sandbox: SANDBOX,
};

/**
 * Attention to a feed post decays over a few hours: the Sandbox model uses an e-folding time
 * of 2 hours, and the studies of feed post half-lives put most of a post's reach within the
 * first hours. A post published in an hour therefore meets the audience of that hour and the
 * next few, weighted by this decay.
 */
const ATTENTION_LIFETIME_HOURS = 2;
const LIFE_HOURS = 12;
const STEPS_PER_HOUR = 4;

function activityAt(curve: PriorCurve, weekHour: number): number {
  const whole = Math.floor(weekHour);
  const here = slotAt(whole);
  const next = slotAt(whole + 1);
  const value = (slot: { weekday: number; hour: number }) =>
    (slot.weekday === 0 || slot.weekday === 6 ? curve.weekend : curve.weekday)[slot.hour] as number;
  return value(here) + (value(next) - value(here)) * (weekHour - whole);
}

const expected = new Map<PriorCurve, Float64Array>();

/**
 * For each of the 168 weekly slots, the decay-weighted mean activity a post published in the
 * middle of that hour meets over its first 12 hours: the prior's expected engagement, up to a
 * constant factor (only ratios between slots are used).
 */
export function expectedActivity(curve: PriorCurve): Float64Array {
  const cached = expected.get(curve);
  if (cached) return cached;
  const values = new Float64Array(SLOTS_PER_WEEK);
  for (let slot = 0; slot < SLOTS_PER_WEEK; slot += 1) {
    let weighted = 0;
    let weights = 0;
    for (let step = 0; step < LIFE_HOURS * STEPS_PER_HOUR; step += 1) {
      const after = (step + 0.5) / STEPS_PER_HOUR;
      const weight = Math.exp(-after / ATTENTION_LIFETIME_HOURS);
      weighted += weight * activityAt(curve, slot + 0.5 + after);
      weights += weight;
    }
    values[slot] = weighted / weights;
  }
  expected.set(curve, values);
  return values;
}

/** The prior of a network: ln of the expected activity per slot (a log-scale shape). */
export function logPriorShape(platform: Platform): Float64Array {
  const activity = expectedActivity(NETWORK_PRIORS[platform]);
  return activity.map((value) => Math.log(value));
}
