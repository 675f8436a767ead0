import type { Platform } from '../../../shared/platforms/catalog';
import type { PostOutcome } from '../post-outcomes';
import { backtestBestTimes, type BacktestResult } from './backtest';
import { SLOTS_PER_WEEK, slotAt, slotLabel } from './local-slot';
import { NETWORK_PRIORS } from './network-priors';
import { normalisePosts, type BaselineKind, type NormaliseOptions } from './normalise';
import { distinctTopSlots, learnSlots } from './ranking';
import { unsupportedReason } from './support';

export interface BestTimesOptions extends NormaliseOptions {
  accountId: string;
  /** The audience's IANA zone: weekdays and hours are read there. */
  timeZone: string;
  now: Date;
  /** The account's network (its prior curve); read from its posts when left out. */
  platform?: Platform;
  /** Distinct best times returned, at least 3 hours apart (every hour is in `grid`); 10. */
  top?: number;
  /** The backtest: cut this many weeks before `now` (12), top-k against the k usual slots (3); false skips it. */
  backtest?: false | { weeks?: number; k?: number; seed?: string };
}

/** What a slot's figure rests on: the account's posts in it, those and the prior, or the prior alone. */
export type SlotBasis = 'posts' | 'posts and prior' | 'prior';

export interface RankedSlot {
  weekday: number;
  hour: number;
  label: string;
  /** Expected engagement of a post in this slot relative to the account's typical post (1 = typical). */
  multiplier: number;
  /** 95 % interval of the multiplier. */
  interval: { low: number; high: number };
  /** The account's posts measured in this slot. */
  posts: number;
  /** Their raw typical multiplier before smoothing; null without posts. */
  observed: number | null;
  basis: SlotBasis;
}

export interface AccountBestTimes {
  accountId: string;
  platform: Platform;
  timeZone: string;
  supported: boolean;
  /** Why the history cannot back advice (`supported: false`): the ranking is then the network prior's. */
  reason?: string;
  ranked: RankedSlot[];
  /** Every slot by weekday (0 = Sunday) and hour: multiplier, its 95 % interval, posts, basis (the heatmap; the planner reads it). */
  grid: {
    multiplier: number[][];
    low: number[][];
    high: number[][];
    posts: number[][];
    basis: SlotBasis[][];
  };
  evidence: {
    postsUsed: number;
    excluded: { immature: number; noFigures: number; noFollowers: number };
    baseline: BaselineKind;
    /** Spread of single posts around their slot (sigma, log scale): the noise the slots are read through. */
    postSpread: number;
    /** Share of the account's hours with posts that depart from their prior by more than noise (the mixture's special share). */
    specialShare: number;
    slotsWithPosts: number;
    prior: string;
  };
  backtest: BacktestResult;
}

const Z95 = 1.959964;
const DEFAULT_PLATFORM: Platform = 'twitter';

/**
 * What a slot's figure rests on: "posts" when the estimate moved at least half-way from its
 * prior to the slot's own raw mean (or they agree), "posts and prior" when less, "prior" without posts.
 */
function basisOf(posts: number, estimate: number, rawMean: number, prior: number): SlotBasis {
  if (posts === 0) return 'prior';
  const gap = rawMean - prior;
  return Math.abs(gap) < 1e-9 || (estimate - prior) / gap >= 0.5 ? 'posts' : 'posts and prior';
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

/**
 * The best weekly slots of one account (README "Smart scheduler"): its measured posts at least a
 * few days old, engagement normalised by its baseline (normalise.ts), slot effects shrunk toward
 * neighbouring hours and the network curve (slot-estimates.ts), ranked; with the evidence and a
 * backtest of the advice on the account's last 12 weeks against its usual posting times.
 */
export function bestTimes(outcomes: readonly PostOutcome[], options: BestTimesOptions): AccountBestTimes {
  const own = outcomes.filter(
    (o) => o.socialAccountId === options.accountId && o.publishedAt.getTime() <= options.now.getTime(),
  );
  const platform = options.platform ?? own[0]?.platform ?? DEFAULT_PLATFORM;
  const normalised = normalisePosts(own, options.timeZone, options);
  const reason = unsupportedReason(normalised.posts);
  // Without support the account's few posts still shape nothing: the network prior alone ranks.
  const estimates = learnSlots(reason ? [] : normalised.posts, platform);
  const slot = (s: number): RankedSlot => {
    const sd = Math.sqrt(estimates.variance[s]!);
    const estimate = estimates.estimate[s]!;
    const posts = estimates.posts[s]!;
    const { weekday, hour } = slotAt(s);
    return {
      weekday,
      hour,
      label: slotLabel({ weekday, hour }),
      multiplier: round(Math.exp(estimate)),
      interval: { low: round(Math.exp(estimate - Z95 * sd)), high: round(Math.exp(estimate + Z95 * sd)) },
      posts,
      observed: posts > 0 ? round(Math.exp(estimates.rawMean[s]!)) : null,
      basis: basisOf(posts, estimate, estimates.rawMean[s]!, estimates.prior[s]!),
    };
  };
  const slots = Array.from({ length: SLOTS_PER_WEEK }, (_, s) => slot(s));
  const byDay = <T>(pick: (r: RankedSlot) => T): T[][] =>
    Array.from({ length: 7 }, (_, d) => slots.slice(d * 24, d * 24 + 24).map(pick));
  const grid = {
    multiplier: byDay((r) => r.multiplier),
    low: byDay((r) => r.interval.low),
    high: byDay((r) => r.interval.high),
    posts: byDay((r) => r.posts),
    basis: byDay((r) => r.basis),
  };
  const backtestSettings = options.backtest === false ? undefined : (options.backtest ?? {});
  const weeks = backtestSettings?.weeks ?? 12;
  return {
    accountId: options.accountId,
    platform,
    timeZone: options.timeZone,
    supported: reason === null,
    ...(reason ? { reason } : {}),
    ranked: distinctTopSlots(estimates, options.top ?? 10).map((s) => slots[s]!),
    grid,
    evidence: {
      postsUsed: normalised.posts.length,
      excluded: normalised.excluded,
      baseline: normalised.baseline,
      postSpread: round(Math.sqrt(estimates.sigma2)),
      specialShare: round(estimates.specialShare),
      slotsWithPosts: estimates.posts.filter((n) => n > 0).length,
      prior: NETWORK_PRIORS[platform].source,
    },
    backtest: backtestSettings
      ? backtestBestTimes(own, {
          ...options,
          platform,
          cut: new Date(options.now.getTime() - weeks * 7 * 86_400_000),
          end: options.now,
          k: backtestSettings.k,
          seed: backtestSettings.seed,
        })
      : { supported: false, reason: 'Backtest not asked for.' },
  };
}
