import { displayNameFor, followersAt } from '../account';
import { audienceRhythm, type AudienceRhythm } from '../audience-rhythm';
import { hashString } from '../seeded-random';
import { draws } from './random';

/** Where the organization's accounts' audiences live: one city (and zone) per account. */
const CITIES = [
  ['paris', 'Europe/Paris'],
  ['newyork', 'America/New_York'],
  ['london', 'Europe/London'],
  ['tokyo', 'Asia/Tokyo'],
  ['berlin', 'Europe/Berlin'],
  ['sydney', 'Australia/Sydney'],
  ['saopaulo', 'America/Sao_Paulo'],
  ['chicago', 'America/Chicago'],
  ['madrid', 'Europe/Madrid'],
  ['seoul', 'Asia/Seoul'],
  ['toronto', 'America/Toronto'],
  ['mumbai', 'Asia/Kolkata'],
  ['denver', 'America/Denver'],
  ['dubai', 'Asia/Dubai'],
  ['mexico', 'America/Mexico_City'],
  ['oslo', 'Europe/Oslo'],
  ['auckland', 'Pacific/Auckland'],
  ['lagos', 'Africa/Lagos'],
  ['singapore', 'Asia/Singapore'],
  ['la', 'America/Los_Angeles'],
] as const;

export interface Slot {
  weekday: number;
  hour: number;
}

export interface PlannedAccount {
  index: number;
  handle: string;
  displayName: string;
  city: string;
  timeZone: string;
  /** When the account joined the Sandbox (its audience grows from then, see account.ts). */
  createdAt: Date;
  /** Starting audience as stored on the sandbox account: after the drop, for the dropped account. */
  followers: number;
  drop?: { at: Date; factor: number };
  rhythm: AudienceRhythm;
  slots: Slot[];
  postsPerWeek: number;
}

/** Followers at an instant, as the network counts them (before the drop, the larger audience). */
export function followersOf(account: PlannedAccount, at: Date): number {
  const base =
    account.drop && at < account.drop.at
      ? Math.round(account.followers / account.drop.factor)
      : account.followers;
  return followersAt(base, account.createdAt, at);
}

/** 4 letters and digits from the slug: two organizations' handles never meet. */
export function handleTag(slug: string): string {
  return hashString(`sandbox-history:${slug}`).toString(36).slice(-4);
}

/** The first word of the slug, trimmed to fit the 30-character handle. */
export function brandWord(slug: string): string {
  return (slug.split('-')[0] ?? '').replace(/[^a-z0-9]/g, '').slice(0, 10) || 'brand';
}

const DAY_MS = 86_400_000;

/**
 * The organization's sandbox accounts: the first is the brand's main account (the largest
 * audience), the others regional ones. Each gets a handle whose audience rhythm (drawn from the
 * handle, audience-rhythm.ts) peaks at a weekday and hour no other account of the brand has,
 * as far as there are free ones, and a few weekly slots it posts in, the peak among them.
 */
export function planAccounts(options: {
  slug: string;
  seed: string;
  accounts: number;
  postsPerWeek: number;
  start: Date;
}): PlannedAccount[] {
  const random = draws(options.seed, 'accounts');
  const word = brandWord(options.slug);
  const tag = handleTag(options.slug);
  const usedPeaks = new Set<string>();
  const planned: PlannedAccount[] = [];
  for (let index = 0; index < options.accounts; index += 1) {
    const [city, timeZone] = CITIES[index % CITIES.length]!;
    const round = Math.floor(index / CITIES.length);
    const base = index === 0 ? `${word}.${tag}` : `${word}.${tag}.${city}${round > 0 ? round + 1 : ''}`;
    // A handle whose peak is new to the brand: the base, else base-b, base-c... (a few tries).
    let handle = base;
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const candidate = attempt === 0 ? base : `${base}-${String.fromCharCode(97 + attempt)}`;
      const rhythm = audienceRhythm(candidate);
      handle = candidate;
      if (!usedPeaks.has(`${rhythm.peakWeekday}:${rhythm.peakHour}`)) break;
    }
    const rhythm = audienceRhythm(handle);
    usedPeaks.add(`${rhythm.peakWeekday}:${rhythm.peakHour}`);
    const median = index === 0 ? 9_000 : 2_500;
    const followers = Math.min(250_000, Math.max(200, Math.round(median * Math.exp(0.7 * random.normal()))));
    // Half the accounts are new (they grow through the history), half established (flatter).
    const ageDays = random.chance(0.5) ? random.int(0, 20) : random.int(120, 600);
    planned.push({
      index,
      handle,
      displayName: index === 0 ? displayNameFor(word) : `${displayNameFor(word)} ${displayNameFor(city)}`,
      city,
      timeZone,
      createdAt: new Date(options.start.getTime() - ageDays * DAY_MS),
      followers,
      rhythm,
      slots: weeklySlots(random, rhythm, options.postsPerWeek),
      postsPerWeek: options.postsPerWeek,
    });
  }
  // The main account has the largest audience (the viral post goes out there).
  const main = planned[0]!;
  const largest = Math.max(...planned.slice(1).map((a) => a.followers), 0);
  if (main.followers <= largest) main.followers = Math.min(250_000, Math.round(largest * 1.3));
  return planned;
}

/**
 * The weekly slots an account posts in: its peak plus others at least three hours apart on
 * the same day (four from the peak, so no other slot shares its lift), weekdays twice as likely as
 * weekends, 07:00 to 21:00. About 1.5 slots per weekly post, so each is used most weeks.
 */
function weeklySlots(random: ReturnType<typeof draws>, rhythm: AudienceRhythm, postsPerWeek: number): Slot[] {
  const count = Math.min(40, Math.max(6, Math.ceil(postsPerWeek * 1.2)));
  const slots: Slot[] = [{ weekday: rhythm.peakWeekday, hour: rhythm.peakHour }];
  for (let tries = 0; slots.length < count && tries < 2_000; tries += 1) {
    const weekday = random.chance(0.8) ? random.int(1, 5) : random.pick([0, 6]);
    const hour = random.int(7, 21);
    // Four hours from the peak, three from the others: out of reach of the peak's lift.
    if (slots.some((s, i) => s.weekday === weekday && Math.abs(s.hour - hour) < (i === 0 ? 4 : 3))) continue;
    slots.push({ weekday, hour });
  }
  return slots;
}
