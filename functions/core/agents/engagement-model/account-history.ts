import { median, quantileSorted } from 'simple-statistics';
import type { PostOutcome } from '../post-outcomes';
import { localSlot, type LocalSlot } from './local-time';
import { DAY_MS, ENGAGEMENT_MODEL_SETTINGS as SETTINGS } from './settings';

/** Each account's audience zone; accounts without one use `fallback`. */
export interface ZoneLookup {
  zones: Readonly<Record<string, string>>;
  fallback: string;
}

export const zoneOf = (lookup: ZoneLookup, accountId: string): string =>
  lookup.zones[accountId] ?? lookup.fallback;

/** A published copy whose figures are final (mature) and known. */
export interface MatureOutcome {
  outcome: PostOutcome;
  engagement: number;
  publishedMs: number;
  local: LocalSlot;
  /** The account baseline when it was published; null while the account had too few mature posts. */
  baseline: Baseline | null;
  /** log1p(engagement) - log1p(baseline): how much better than usual it did, in log units. */
  relative: number | null;
}

/** "Same as your median": what the account's recent mature posts did. */
export interface Baseline {
  /** Median engagement of the last `posts` mature posts. */
  engagement: number;
  posts: number;
  /** 10th and 90th percentiles of the same posts: the naive 80 % interval. */
  low: number;
  high: number;
  /** Median followers at publication of the same posts; null when none was read. */
  followers: number | null;
}

/** The account's own weekday x hour effect at one slot, from its earlier posts. */
export interface SlotLift {
  /** Shrunk mean deviation (log units) of the slot's posts from the account's mean. */
  lift: number;
  /** Posts of the account in that slot. */
  posts: number;
}

const isMature = (outcome: PostOutcome): boolean =>
  outcome.engagement !== null &&
  outcome.asOf !== null &&
  outcome.asOf.getTime() - outcome.publishedAt.getTime() >= SETTINGS.matureDays * DAY_MS;

/**
 * The organization's mature outcomes by account, oldest first, each with the baseline it had
 * when it was published. Every question is asked "as known at" an instant: a post counts only
 * once it was mature then (published `matureDays` before), so a backtest or a training row sees
 * exactly what a prediction made at that instant would have seen.
 */
export class OrganizationHistory {
  private readonly byAccount = new Map<string, MatureOutcome[]>();
  /** The last follower reading of each account, mature or not: a draft's audience. */
  private readonly latestFollowers = new Map<string, { at: number; followers: number }>();

  constructor(
    outcomes: readonly PostOutcome[],
    readonly zones: ZoneLookup,
  ) {
    for (const outcome of outcomes) {
      if (outcome.followersAtPublish !== null) {
        const seen = this.latestFollowers.get(outcome.socialAccountId);
        if (!seen || seen.at <= outcome.publishedAt.getTime())
          this.latestFollowers.set(outcome.socialAccountId, {
            at: outcome.publishedAt.getTime(),
            followers: outcome.followersAtPublish,
          });
      }
      if (!isMature(outcome)) continue;
      const list = this.byAccount.get(outcome.socialAccountId) ?? [];
      list.push({
        outcome,
        engagement: outcome.engagement as number,
        publishedMs: outcome.publishedAt.getTime(),
        local: localSlot(outcome.publishedAt, zoneOf(zones, outcome.socialAccountId)),
        baseline: null,
        relative: null,
      });
      this.byAccount.set(outcome.socialAccountId, list);
    }
    for (const list of this.byAccount.values()) {
      list.sort(
        (a, b) => a.publishedMs - b.publishedMs || a.outcome.targetId.localeCompare(b.outcome.targetId),
      );
      for (const post of list) {
        post.baseline = this.baselineAt(post.outcome.socialAccountId, post.outcome.publishedAt);
        post.relative =
          post.baseline === null ? null : Math.log1p(post.engagement) - Math.log1p(post.baseline.engagement);
      }
    }
  }

  accounts(): string[] {
    return [...this.byAccount.keys()].sort();
  }

  /** Every mature outcome, oldest first (ties by target id, so the order is the same every run). */
  all(): MatureOutcome[] {
    return [...this.byAccount.values()]
      .flat()
      .sort((a, b) => a.publishedMs - b.publishedMs || a.outcome.targetId.localeCompare(b.outcome.targetId));
  }

  /** The account's mature outcomes known at `at` (published at least `matureDays` before). */
  knownAt(accountId: string, at: Date): MatureOutcome[] {
    const list = this.byAccount.get(accountId) ?? [];
    const limit = at.getTime() - SETTINGS.matureDays * DAY_MS;
    let count = 0;
    // Sorted by publication: the known posts are a prefix.
    while (count < list.length && list[count]!.publishedMs <= limit) count += 1;
    return list.slice(0, count);
  }

  /** The account's baseline as known at `at`; null with fewer than `minBaselinePosts` known posts. */
  baselineAt(accountId: string, at: Date): Baseline | null {
    const recent = this.knownAt(accountId, at).slice(-SETTINGS.baselinePosts);
    if (recent.length < SETTINGS.minBaselinePosts) return null;
    const sorted = recent.map((p) => p.engagement).sort((a, b) => a - b);
    const followers = recent.flatMap((p) =>
      p.outcome.followersAtPublish === null ? [] : [p.outcome.followersAtPublish],
    );
    return {
      engagement: median(sorted),
      posts: recent.length,
      low: quantileSorted(sorted, 0.1),
      high: quantileSorted(sorted, 0.9),
      followers: followers.length > 0 ? median(followers) : null,
    };
  }

  /**
   * How the account's known posts in this weekday and hour (its zone) did against its other
   * posts: the mean of their deviations from the account's mean relative engagement, each capped
   * at `slotDeviationCap`, shrunk by n / (n + `slotShrinkage`). It carries the audience's own
   * weekly rhythm, which a smooth daily curve shared by all accounts cannot.
   */
  slotLiftAt(accountId: string, at: Date, slot: { weekday: number; hour: number }): SlotLift {
    const known = this.knownAt(accountId, at).filter((p) => p.relative !== null);
    if (known.length === 0) return { lift: 0, posts: 0 };
    const mean = known.reduce((sum, p) => sum + (p.relative as number), 0) / known.length;
    const cap = SETTINGS.slotDeviationCap;
    let sum = 0;
    let posts = 0;
    for (const p of known) {
      if (p.local.weekday !== slot.weekday || p.local.hour !== slot.hour) continue;
      sum += Math.max(-cap, Math.min(cap, (p.relative as number) - mean));
      posts += 1;
    }
    return { lift: sum / (posts + SETTINGS.slotShrinkage), posts };
  }

  /** The account's last follower reading (any post, mature or not); null without one. */
  followersOf(accountId: string): number | null {
    return this.latestFollowers.get(accountId)?.followers ?? null;
  }
}
