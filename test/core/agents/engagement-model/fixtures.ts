import { Temporal } from 'temporal-polyfill';
import type { PostOutcome } from '../../../../functions/core/agents/post-outcomes';
import type { Platform } from '../../../../functions/shared/platforms/catalog';

/** A deterministic standard normal stream (mulberry32 + Box-Muller), so fixtures are the same every run. */
export function normals(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** The UTC instant of a wall-clock time in a zone (DST resolved as Temporal does: 'compatible'). */
export function wallTime(timeZone: string, date: string, hour: number, minute = 0): Date {
  const plain = Temporal.PlainDate.from(date);
  const zoned = Temporal.ZonedDateTime.from({
    timeZone,
    year: plain.year,
    month: plain.month,
    day: plain.day,
    hour,
    minute,
  });
  return new Date(zoned.epochMilliseconds);
}

let counter = 0;
export function outcome(
  fields: Partial<PostOutcome> & { publishedAt: Date; socialAccountId: string },
): PostOutcome {
  counter += 1;
  const id = String(counter).padStart(12, '0');
  return {
    targetId: `00000000-0000-4000-8000-${id}`,
    postId: `10000000-0000-4000-8000-${id}`,
    platform: 'sandbox',
    text: 'A plain post',
    mediaCount: 0,
    engagement: 100,
    impressions: null,
    followersAtPublish: 1000,
    asOf: new Date(fields.publishedAt.getTime() + 30 * 86_400_000),
    ...fields,
  };
}

export interface PlantedAccount {
  id: string;
  timeZone: string;
  platform: Platform;
  /** Median engagement of an ordinary post. */
  base: number;
  /** Weekly slots, local: [weekday (ISO: 1 = Monday ... 7 = Sunday), hour]. */
  slots: [number, number][];
  /** The slot that does `peakFactor` times better. */
  peak: [number, number];
}

export const PEAK_FACTOR = 3;
export const IMAGE_FACTOR = 2;
export const NOISE_SIGMA = 0.3;

export const PARIS: PlantedAccount = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  timeZone: 'Europe/Paris',
  platform: 'sandbox',
  base: 100,
  slots: [
    [1, 9],
    [3, 13],
    [5, 18],
  ],
  peak: [5, 18],
};

export const NEW_YORK: PlantedAccount = {
  id: 'bbbbbbbb-0000-4000-8000-000000000002',
  timeZone: 'America/New_York',
  platform: 'sandbox',
  base: 40,
  slots: [
    [2, 8],
    [4, 12],
    [6, 15],
  ],
  peak: [2, 8],
};

/** Texts of varied lengths (34 to 181 characters), none with a link, a question or a mood word. */
const BODIES = [
  'Notes from the team this week.',
  'Week notes from the team, with the usual round-up of what changed.',
  'The team listed what changed this week: the planner, the calendar, the exports and the small things in between.',
  'This week in the studio: the planner moved, the calendar grew a second view, the exports run in the background, and the team tidied the settings page.',
];

/**
 * A history with known answers: each account posts in its weekly slots (local wall time, so
 * across DST), a third of the posts (drawn, not aligned with slots) carry an image, texts carry
 * 0-3 hashtags and one of four lengths, neither of which does anything. Engagement = base x 2 (image) x 3 (peak slot) x a log-normal
 * noise of sigma 0.3. Everything is mature (figures synced 30 days after publication).
 */
export function plantedHistory(
  accounts: PlantedAccount[],
  options: { from: string; weeks: number; seed?: number },
): PostOutcome[] {
  const noise = normals(options.seed ?? 7);
  const out: PostOutcome[] = [];
  const first = Temporal.PlainDate.from(options.from);
  for (const account of accounts) {
    for (let week = 0; week < options.weeks; week += 1) {
      for (const [weekday, hour] of account.slots) {
        const monday = first.add({ days: 7 * week - (first.dayOfWeek - 1) });
        const day = monday.add({ days: weekday - 1 });
        const publishedAt = wallTime(account.timeZone, day.toString(), hour, 15);
        const image = noise() > 0.43; // P(Z > 0.43) = 1/3
        const hashtags = Math.min(3, Math.floor(Math.abs(noise()) * 2));
        const peak = weekday === account.peak[0] && hour === account.peak[1];
        const engagement = Math.round(
          account.base *
            (image ? IMAGE_FACTOR : 1) *
            (peak ? PEAK_FACTOR : 1) *
            Math.exp(NOISE_SIGMA * noise()),
        );
        out.push(
          outcome({
            socialAccountId: account.id,
            platform: account.platform,
            publishedAt,
            text: `${BODIES[Math.floor(Math.abs(noise()) * 10) % BODIES.length]}${' #tag'.repeat(hashtags)}`,
            mediaCount: image ? 1 : 0,
            engagement,
          }),
        );
      }
    }
  }
  return out.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
}

export const zonesOf = (accounts: PlantedAccount[]) => ({
  zones: Object.fromEntries(accounts.map((a) => [a.id, a.timeZone])),
  fallback: 'UTC',
});
