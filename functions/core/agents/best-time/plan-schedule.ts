import { Temporal } from 'temporal-polyfill';
import type { Platform } from '../../../shared/platforms/catalog';
import { INSTAGRAM_DAILY_PUBLISH_LIMIT } from '../../../shared/platforms/instagram/limits';
import { THREADS_DAILY_PUBLISH_LIMIT } from '../../../shared/platforms/threads/limits';
import type { AccountBestTimes, SlotBasis } from './best-times';
import { slotAt, slotLabel } from './local-slot';
import { upcomingSlots, type UpcomingSlot } from './upcoming-slots';

/** One draft on one account (a post's target): the unit the publisher schedules. */
export interface PlanDraft {
  id: string;
  socialAccountId: string;
}

/** A post already scheduled or published on an account: planned posts keep their distance from it. */
export interface BusyPost {
  socialAccountId: string;
  at: Date;
}

export interface PlanConstraints {
  now: Date;
  /** How far ahead to plan, days (7). */
  days?: number;
  /** Least time between two posts of the same account, hours (3). */
  minSpacingHours?: number;
  /** Most posts of one account per local calendar day (3). */
  maxPerDay?: number;
  /**
   * Posts a network accepts per account in any 24 hours. Defaults: the documented publishing
   * limits (Instagram 50, Threads 250, from shared/platforms/<network>/limits.ts); the other
   * networks document none for ordinary use, so only spacing and `maxPerDay` hold there.
   */
  networkDailyLimits?: Partial<Record<Platform, number>>;
  /** Nothing earlier than this many minutes from now: the publisher needs its lead (15). */
  leadMinutes?: number;
  /** Minute past the hour posts go out at (0). */
  minute?: number;
  busy?: BusyPost[];
}

export interface PlannedPost {
  draftId: string;
  socialAccountId: string;
  at: string;
  timeZone: string;
  /** Wall time in the zone: with `timeZone`, what the scheduler's `{ localTime, timeZone }` takes. */
  localTime: string;
  label: string;
  multiplier: number;
  interval: { low: number; high: number };
  basis: SlotBasis;
  reason: string;
}

export interface SchedulePlan {
  planned: PlannedPost[];
  unplaced: { draftId: string; socialAccountId: string; reason: string }[];
  settings: Required<Omit<PlanConstraints, 'now' | 'busy' | 'networkDailyLimits'>> & {
    networkDailyLimits: Partial<Record<Platform, number>>;
  };
}

export const PLAN_DEFAULTS = {
  days: 7,
  minSpacingHours: 3,
  maxPerDay: 3,
  leadMinutes: 15,
  minute: 0,
} as const;

const NETWORK_DAILY_LIMITS: Partial<Record<Platform, number>> = {
  instagram: INSTAGRAM_DAILY_PUBLISH_LIMIT,
  threads: THREADS_DAILY_PUBLISH_LIMIT,
};

const HOUR_MS = 3_600_000;

/** Whether one more post at `at` keeps every 24-hour window at or under `limit`. */
function withinRollingLimit(times: number[], at: number, limit: number): boolean {
  const all = [...times, at];
  return all.every((end) => all.filter((t) => t > end - 24 * HOUR_MS && t <= end).length <= limit);
}

function reasonFor(
  candidate: UpcomingSlot,
  best: AccountBestTimes,
  multiplier: number,
  posts: number,
): string {
  const label = slotLabel(slotAt(candidate.slot));
  const times = `${multiplier.toFixed(2)}x the account's typical post`;
  if (!best.supported)
    return `${label} (${best.timeZone}): the network curve's ${times}; the account's history cannot rank hours yet (${best.reason})`;
  if (posts === 0)
    return `${label} (${best.timeZone}): no posts of the account in this hour; its neighbouring hours and the network curve put it at ${times}`;
  return `${label} (${best.timeZone}): ${posts} post${posts === 1 ? '' : 's'} of the account in this hour, smoothed: ${times}`;
}

/**
 * Places drafts in the upcoming hours that promise the most (planSchedule, README "Smart
 * scheduler"). Accounts are independent (every limit is per account), so each account's
 * drafts are placed alone: its upcoming hours are taken best first (expected multiplier, then
 * the earlier hour), each kept only if it is at least `minSpacingHours` from the account's other
 * planned and busy posts, its local day stays within `maxPerDay`, and no 24 hours exceed the
 * network's limit. This greedy choice is exact without spacing and near it with (one very good
 * hour may block two slightly worse ones around it). The account's drafts, in the order given,
 * then go out in the chosen hours oldest first. A draft that does not fit is listed with why.
 */
export function planSchedule(
  drafts: readonly PlanDraft[],
  bestTimes: readonly AccountBestTimes[],
  constraints: PlanConstraints,
): SchedulePlan {
  const settings = {
    days: constraints.days ?? PLAN_DEFAULTS.days,
    minSpacingHours: constraints.minSpacingHours ?? PLAN_DEFAULTS.minSpacingHours,
    maxPerDay: constraints.maxPerDay ?? PLAN_DEFAULTS.maxPerDay,
    leadMinutes: constraints.leadMinutes ?? PLAN_DEFAULTS.leadMinutes,
    minute: constraints.minute ?? PLAN_DEFAULTS.minute,
    networkDailyLimits: { ...NETWORK_DAILY_LIMITS, ...constraints.networkDailyLimits },
  };
  const planned: PlannedPost[] = [];
  const unplaced: SchedulePlan['unplaced'] = [];
  const accounts = [...new Set(drafts.map((d) => d.socialAccountId))];
  for (const accountId of accounts) {
    const own = drafts.filter((d) => d.socialAccountId === accountId);
    const best = bestTimes.find((b) => b.accountId === accountId);
    if (!best) {
      for (const d of own)
        unplaced.push({
          draftId: d.id,
          socialAccountId: accountId,
          reason: 'No best times were computed for this account.',
        });
      continue;
    }
    const candidates = upcomingSlots(constraints.now, best.timeZone, settings);
    const score = (c: UpcomingSlot) => {
      const { weekday, hour } = slotAt(c.slot);
      return best.grid.multiplier[weekday]![hour]!;
    };
    candidates.sort((a, b) => score(b) - score(a) || a.at.getTime() - b.at.getTime());
    const busy = (constraints.busy ?? [])
      .filter((b) => b.socialAccountId === accountId)
      .map((b) => ({ at: b.at.getTime(), localDate: localDateOf(b.at, best.timeZone) }));
    const taken = busy.map((b) => b.at);
    const perDay = new Map<string, number>();
    for (const b of busy) perDay.set(b.localDate, (perDay.get(b.localDate) ?? 0) + 1);
    const limit = settings.networkDailyLimits[best.platform];
    const chosen: UpcomingSlot[] = [];
    for (const c of candidates) {
      if (chosen.length === own.length) break;
      const at = c.at.getTime();
      if (taken.some((t) => Math.abs(t - at) < settings.minSpacingHours * HOUR_MS)) continue;
      if ((perDay.get(c.localDate) ?? 0) >= settings.maxPerDay) continue;
      if (limit !== undefined && !withinRollingLimit(taken, at, limit)) continue;
      chosen.push(c);
      taken.push(at);
      perDay.set(c.localDate, (perDay.get(c.localDate) ?? 0) + 1);
    }
    chosen.sort((a, b) => a.at.getTime() - b.at.getTime());
    own.forEach((draft, i) => {
      const c = chosen[i];
      if (!c) {
        unplaced.push({
          draftId: draft.id,
          socialAccountId: accountId,
          reason: `No free hour left in the next ${settings.days} days with ${settings.minSpacingHours} h between posts and at most ${settings.maxPerDay} a day.`,
        });
        return;
      }
      const { weekday, hour } = slotAt(c.slot);
      const multiplier = best.grid.multiplier[weekday]![hour]!;
      const posts = best.grid.posts[weekday]![hour]!;
      planned.push({
        draftId: draft.id,
        socialAccountId: accountId,
        at: c.at.toISOString(),
        timeZone: best.timeZone,
        localTime: c.localTime,
        label: slotLabel({ weekday, hour }),
        multiplier,
        interval: { low: best.grid.low[weekday]![hour]!, high: best.grid.high[weekday]![hour]! },
        basis: best.grid.basis[weekday]![hour]!,
        reason: reasonFor(c, best, multiplier, posts),
      });
    });
  }
  planned.sort((a, b) => a.at.localeCompare(b.at) || a.draftId.localeCompare(b.draftId));
  return { planned, unplaced, settings };
}

/** The local calendar day of an instant in a zone, `YYYY-MM-DD`. */
function localDateOf(at: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}
