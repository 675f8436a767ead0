import type { Platform } from '../../../shared/platforms/catalog';
import { SLOTS_PER_WEEK } from './local-slot';
import { logPriorShape } from './network-priors';
import type { NormalisedPost } from './normalise';
import { estimateSlots, type SlotEstimates } from './slot-estimates';

/** Slot estimates of an account's normalised posts against its network's prior. */
export function learnSlots(posts: readonly NormalisedPost[], platform: Platform): SlotEstimates {
  return estimateSlots(
    posts.map((p) => ({ slot: p.slot, value: p.value })),
    logPriorShape(platform),
  );
}

/**
 * Slots best first: by estimate, then the surer one (smaller variance), then earlier in the
 * week, so equal estimates always rank the same way.
 */
export function rankSlots(estimates: SlotEstimates): number[] {
  return Array.from({ length: SLOTS_PER_WEEK }, (_, s) => s).sort(
    (a, b) =>
      estimates.estimate[b]! - estimates.estimate[a]! ||
      estimates.variance[a]! - estimates.variance[b]! ||
      a - b,
  );
}

/**
 * Neighbouring hours share the same crowd (slot-estimates.ts lends a slot's departure to them),
 * so the best hour's neighbours would fill a top 3 with one recommendation said three times.
 * The advice names distinct times: best first, skipping any hour within `gapHours - 1` of one
 * already named (on the weekly clock). Every hour stays in the grid for the planner.
 */
export function distinctTopSlots(estimates: SlotEstimates, k: number, gapHours = 3): number[] {
  const picked: number[] = [];
  for (const slot of rankSlots(estimates)) {
    if (picked.length === k) break;
    const near = picked.some((p) => {
      const apart = Math.abs(p - slot);
      return Math.min(apart, SLOTS_PER_WEEK - apart) < gapHours;
    });
    if (!near) picked.push(slot);
  }
  return picked;
}

/** The account's usual times: its k most used slots, more posts first, then earlier in the week. */
export function usualSlots(posts: readonly NormalisedPost[], k: number): number[] {
  const counts = new Map<number, number>();
  for (const p of posts) counts.set(p.slot, (counts.get(p.slot) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, k)
    .map(([slot]) => slot);
}
