import { designRow } from '../../../functions/core/agents/engagement-model/design';
import {
  FEATURES,
  featureValues,
  type PostContent,
} from '../../../functions/core/agents/engagement-model/features';
import { localSlot } from '../../../functions/core/agents/engagement-model/local-time';
import type { FittedEngagementModel } from '../../../functions/core/agents/engagement-model';
import { engagementProfile } from '../../../functions/platforms/sandbox/engagement-model';

/** The model's effect of one feature, per unit, with its 95 % interval (log units). */
export function learnedPerUnit(
  model: FittedEngagementModel,
  name: string,
): { value: number; low: number; high: number } | null {
  const j = FEATURES.findIndex((f) => f.name === name);
  const k = model.design.active.indexOf(j);
  if (k < 0) return null;
  const column = model.design.platforms.length + k;
  const sd = model.design.sd[j] as number;
  const value = (model.fit.coefficients[column] as number) / sd;
  const se = Math.sqrt(model.fit.covariance[column]![column] as number) / sd;
  return { value, low: value - 1.96 * se, high: value + 1.96 * se };
}

const PLAIN: PostContent = {
  length: 120,
  hashtags: 1,
  links: 0,
  question: false,
  mediaCount: 0,
  sentiment: 0,
};

/**
 * The weekday and hour (account's zone) the model rates best for the account among the slots
 * it published in before the cut: the timing features' part of the prediction (daily curve,
 * weekend, the slot's own lift) for a plain post in the middle of each slot's hour.
 */
export function modelPeak(
  model: FittedEngagementModel,
  accountId: string,
  timeZone: string,
): { weekday: number; hour: number } | null {
  const known = model.history.knownAt(accountId, model.asOf);
  const baseline = model.history.baselineAt(accountId, model.asOf);
  if (!baseline) return null;
  const slots = new Map<string, Date>();
  for (const post of known) {
    const half = new Date(post.publishedMs - (post.publishedMs % 3_600_000) + 1_800_000);
    slots.set(`${post.local.weekday}:${post.local.hour}`, half);
  }
  const timing = new Set(FEATURES.flatMap((f, j) => (f.group === 'timing' ? [j] : [])));
  let best: { weekday: number; hour: number; score: number } | null = null;
  for (const at of slots.values()) {
    const local = localSlot(at, timeZone);
    const slot = model.history.slotLiftAt(accountId, model.asOf, local);
    const values = featureValues(PLAIN, local, { slot, audience: 0, baseline });
    // Only the timing columns: set every other feature to its mean, so its standardised value is 0.
    const timingOnly = values.map((v, j) => (timing.has(j) ? v : (model.design.mean[j] as number)));
    const row = designRow(model.design, model.design.platforms[0]!, timingOnly);
    const score = row.reduce((sum, v, c) => sum + v * (model.fit.coefficients[c] as number), 0);
    if (!best || score > best.score) best = { weekday: local.weekday, hour: local.hour, score };
  }
  return best && { weekday: best.weekday, hour: best.hour };
}

interface PlantedPost {
  text: string;
  media: { kind: 'image' }[];
}

/**
 * A planted content effect read from the Sandbox's own model: the expected interactions (final
 * reach x the per-reach rates) of one post against another, geometric mean over 400 post ids
 * (each id draws its own virality and rate noise, the same for both posts, so they cancel but
 * for the metrics' mix).
 */
function plantedMultiplier(changed: PlantedPost, plain: PlantedPost): number {
  let sum = 0;
  const posts = 400;
  for (let i = 0; i < posts; i += 1) {
    const expected = (post: PlantedPost) => {
      const profile = engagementProfile({
        id: `planted-${i}`,
        kind: 'post',
        ...post,
        threadReplies: 0,
        publishedAt: new Date('2027-02-02T18:00:00Z'),
        followers: 5_000,
        timeZone: 'UTC',
      });
      const { likes, comments, shares, clicks, saves } = profile.rates;
      return (
        profile.finalReach * [likes, comments, shares, clicks, saves].reduce((a, r) => a + Math.min(1, r), 0)
      );
    };
    sum += Math.log(expected(changed) / expected(plain));
  }
  return Math.exp(sum / posts);
}

const TEXT = 'Read the notes from this week, all of them, with the fixes you asked for and a few more. #tips';

/** One picture on a plain post (the Sandbox: reach x1.3, likes x1.25, clicks x3, saves x1.5). */
export const plantedMediaMultiplier = (): number =>
  plantedMultiplier({ text: TEXT, media: [{ kind: 'image' }] }, { text: TEXT, media: [] });

/** A link in a plain post (the Sandbox: reach x0.8, clicks 2.5 % instead of 0.4 %, shares x1.2). */
export const plantedLinkMultiplier = (): number =>
  plantedMultiplier(
    { text: TEXT.replace('this week', 'https://example.com/notes'), media: [] },
    { text: TEXT, media: [] },
  );
