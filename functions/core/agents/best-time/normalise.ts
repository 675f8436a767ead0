import { median, medianAbsoluteDeviation } from 'simple-statistics';
import type { PostOutcome } from '../post-outcomes';
import { localSlot, slotIndex } from './local-slot';

/**
 * How a post's engagement is made comparable across an account's history, so follower growth,
 * a sudden follower drop or a quiet season do not make the slots posted in at those times look
 * better or worse than they are:
 * - `followers`: engagement per follower at publication (the account's reach scales with it);
 * - `rolling-median`: engagement relative to the median of the account's other posts within
 *   30 days either side, for networks without follower readings.
 * `auto` takes followers when at least 80 % of the usable posts have a follower reading.
 */
export type BaselineKind = 'followers' | 'rolling-median';

export interface NormaliseOptions {
  /**
   * Figures are running totals: a post younger than this (asOf - publishedAt) is still growing
   * and would make recent slots look worse. Three days: the Sandbox model gathers >99 % within
   * a day; real networks mostly within two or three.
   */
  matureAfterDays?: number;
  baseline?: BaselineKind | 'auto';
}

export interface NormalisedPost {
  outcome: PostOutcome;
  /** Weekly slot index (0..167) in the audience's zone. */
  slot: number;
  /** ln((engagement + 1) / baseline), clipped to the account's robust range (below). */
  value: number;
  /** Whether `value` was clipped (a viral post, or a near-zero outlier). */
  clipped: boolean;
}

export interface Normalisation {
  posts: NormalisedPost[];
  baseline: BaselineKind;
  excluded: { immature: number; noFigures: number; noFollowers: number };
}

export const DEFAULT_MATURE_AFTER_DAYS = 3;
const DAY_MS = 86_400_000;
const ROLLING_DAYS = 30;
const ROLLING_MIN_NEIGHBOURS = 5;
const FOLLOWERS_SHARE_FOR_AUTO = 0.8;
/**
 * Values beyond median +- 3 robust standard deviations (1.4826 MAD) are clipped there: one
 * viral post (the Sandbox plants one ~100x its peers) must not make its hour the best one.
 */
const CLIP_SIGMAS = 3;
const MAD_TO_SIGMA = 1.4826;

const isMature = (post: PostOutcome, days: number) =>
  post.asOf !== null && post.asOf.getTime() - post.publishedAt.getTime() >= days * DAY_MS;

function rollingBaselines(posts: PostOutcome[]): number[] {
  const all = posts.map((p) => (p.engagement as number) + 1);
  const allMedian = posts.length > 1 ? median(all) : (all[0] ?? 1);
  return posts.map((post, i) => {
    const around: number[] = [];
    for (let j = 0; j < posts.length; j += 1) {
      if (j === i) continue;
      if (Math.abs(posts[j]!.publishedAt.getTime() - post.publishedAt.getTime()) <= ROLLING_DAYS * DAY_MS)
        around.push(all[j]!);
    }
    if (around.length >= ROLLING_MIN_NEIGHBOURS) return median(around);
    const others = all.filter((_, j) => j !== i);
    return others.length > 0 ? median(others) : allMedian;
  });
}

/** One account's mature, measured posts with their slot and normalised log engagement. */
export function normalisePosts(
  outcomes: readonly PostOutcome[],
  timeZone: string,
  options: NormaliseOptions = {},
): Normalisation {
  const days = options.matureAfterDays ?? DEFAULT_MATURE_AFTER_DAYS;
  const excluded = { immature: 0, noFigures: 0, noFollowers: 0 };
  const usable: PostOutcome[] = [];
  for (const post of outcomes) {
    if (post.engagement === null || post.asOf === null) excluded.noFigures += 1;
    else if (!isMature(post, days)) excluded.immature += 1;
    else usable.push(post);
  }
  const withFollowers = usable.filter((p) => p.followersAtPublish !== null && p.followersAtPublish > 0);
  const baseline: BaselineKind =
    options.baseline === 'followers' || options.baseline === 'rolling-median'
      ? options.baseline
      : usable.length > 0 && withFollowers.length >= FOLLOWERS_SHARE_FOR_AUTO * usable.length
        ? 'followers'
        : 'rolling-median';

  let kept: PostOutcome[];
  let bases: number[];
  if (baseline === 'followers') {
    kept = withFollowers;
    excluded.noFollowers = usable.length - withFollowers.length;
    bases = kept.map((p) => p.followersAtPublish as number);
  } else {
    kept = [...usable].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
    bases = rollingBaselines(kept);
  }
  const raw = kept.map((p, i) => Math.log(((p.engagement as number) + 1) / bases[i]!));
  let low = -Infinity;
  let high = Infinity;
  if (raw.length >= 3) {
    const centre = median(raw);
    const spread = MAD_TO_SIGMA * medianAbsoluteDeviation(raw);
    if (spread > 0) {
      low = centre - CLIP_SIGMAS * spread;
      high = centre + CLIP_SIGMAS * spread;
    }
  }
  return {
    baseline,
    excluded,
    posts: kept.map((outcome, i) => {
      const value = Math.min(high, Math.max(low, raw[i]!));
      return {
        outcome,
        slot: slotIndex(localSlot(outcome.publishedAt, timeZone)),
        value,
        clipped: value !== raw[i],
      };
    }),
  };
}
