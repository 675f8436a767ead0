import { localSlot, slotIndex } from '../../../functions/core/agents/best-time/local-slot';
import type { PostOutcome } from '../../../functions/core/agents/post-outcomes';

/**
 * The naive answers a person would give from the same posts, to measure the agent against:
 * "when I usually post" (the most used slots) and "the slot whose posts did best on average"
 * (raw mean engagement per follower, no smoothing, no outlier handling). Same posts as the
 * agent sees: measured ones only.
 */
function slotsOf(outcomes: readonly PostOutcome[], timeZone: string) {
  return outcomes
    .filter((o) => o.engagement !== null && o.followersAtPublish !== null && o.followersAtPublish > 0)
    .map((o) => ({
      slot: slotIndex(localSlot(o.publishedAt, timeZone)),
      rate: (o.engagement as number) / (o.followersAtPublish as number),
    }));
}

export function mostFrequentSlots(outcomes: readonly PostOutcome[], timeZone: string, k: number): number[] {
  const counts = new Map<number, number>();
  for (const { slot } of slotsOf(outcomes, timeZone)) counts.set(slot, (counts.get(slot) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, k)
    .map(([slot]) => slot);
}

export function bestRawMeanSlots(outcomes: readonly PostOutcome[], timeZone: string, k: number): number[] {
  const sums = new Map<number, { sum: number; count: number }>();
  for (const { slot, rate } of slotsOf(outcomes, timeZone)) {
    const entry = sums.get(slot) ?? { sum: 0, count: 0 };
    entry.sum += rate;
    entry.count += 1;
    sums.set(slot, entry);
  }
  return [...sums.entries()]
    .sort((a, b) => b[1].sum / b[1].count - a[1].sum / a[1].count || a[0] - b[0])
    .slice(0, k)
    .map(([slot]) => slot);
}
