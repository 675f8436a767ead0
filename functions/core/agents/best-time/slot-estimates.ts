import { SLOTS_PER_WEEK } from './local-slot';

/**
 * Each weekly slot's effect on an account's engagement, on the log scale and relative to the
 * account's own level (0 = a typical post of the account; ln 2 = twice that), by empirical-Bayes
 * shrinkage toward a prior:
 *
 * 1. Values are the posts' normalised log engagement (normalise.ts); the account's level is
 *    their mean, and each post's deviation from it is what slots explain.
 * 2. Network prior of a slot: the network curve's shape (network-priors.ts), centred on the
 *    account's own posting mix (so it says how this hour compares with where the account posts).
 * 3. Each slot with posts is first shrunk toward the network prior (step 5); its shrunk
 *    departure from the network is then lent to its neighbouring hours on the weekly clock,
 *    half at one hour, a quarter at two (an audience that crowds at 15:00 is partly there at 14:00
 *    and 16:00; weights averaged when several neighbours have posts). The final prior of a slot
 *    is the network prior plus what its neighbours lend; a slot's own posts never enter it.
 * 4. Within-slot variance sigma2: pooled over slots, with 4 pseudo-degrees of freedom at 1.0
 *    (the log engagement of single posts typically varies by about +-1).
 * 5. Slot effects around their prior follow a two-component normal mixture: most hours are
 *    ordinary (sd 0.25 around the prior: within about +-25 %), a few are special (sd 1: the
 *    crowd of a weekly event, 2-3x). The special share is fitted to the account's slots by EM
 *    with a Beta(2, 8) prior (mean 0.2). A normal prior alone shrinks a real peak seen through
 *    noisy posts almost to nothing (its one spread is set by the many ordinary hours); the
 *    mixture keeps a clear departure when the posts show one and still pulls noise back.
 *    With n posts of raw mean m and noise v = sigma2 / n, each component shrinks m toward the
 *    prior by tau2 / (tau2 + v), weighted by how well it explains m; a slot without posts keeps
 *    its prior, with the mixture's variance.
 */
export interface SlotEstimates {
  /** The account's level: mean normalised log engagement of its posts. */
  level: number;
  sigma2: number;
  /** Fitted share of special hours among the account's slots with posts. */
  specialShare: number;
  /** Per slot (0..167): posterior mean, its variance, posts observed, raw mean (NaN without posts), prior. */
  estimate: Float64Array;
  variance: Float64Array;
  posts: Int32Array;
  rawMean: Float64Array;
  prior: Float64Array;
  /** Posterior probability that the slot is special (departs from its prior by more than noise). */
  special: Float64Array;
}

export const SHRINKAGE = {
  neighbourWeights: [0.5, 0.25],
  ordinarySd: 0.25,
  specialSd: 1,
  /** Beta(a, b) prior on the special share. */
  specialPrior: [2, 8],
  emIterations: 50,
  sigma2Prior: 1,
  sigma2PriorDf: 4,
} as const;

export interface SlotObservation {
  slot: number;
  value: number;
}

interface Posterior {
  mean: number;
  variance: number;
  special: number;
}

const normalDensity = (x: number, variance: number) =>
  Math.exp((-x * x) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);

/** The mixture posterior of one slot's effect given its posts' mean `m` with noise variance `v`. */
function mixturePosterior(m: number, v: number, prior: number, share: number): Posterior {
  const components = [
    { weight: 1 - share, tau2: SHRINKAGE.ordinarySd ** 2 },
    { weight: share, tau2: SHRINKAGE.specialSd ** 2 },
  ].map(({ weight, tau2 }) => {
    const keep = tau2 / (tau2 + v);
    return {
      likelihood: weight * normalDensity(m - prior, tau2 + v),
      mean: prior + keep * (m - prior),
      variance: keep * v,
    };
  });
  const total = components[0]!.likelihood + components[1]!.likelihood;
  // Far in the tails both densities underflow: the special component explains it.
  const special = total > 0 ? components[1]!.likelihood / total : 1;
  const weights = [1 - special, special];
  const mean = components.reduce((s, c, i) => s + weights[i]! * c.mean, 0);
  const second = components.reduce((s, c, i) => s + weights[i]! * (c.variance + c.mean * c.mean), 0);
  return { mean, variance: Math.max(0, second - mean * mean), special };
}

/** The special share by EM over the slots with posts, MAP under the Beta prior. */
function fitSpecialShare(slots: { m: number; v: number; prior: number }[]): number {
  const [a, b] = SHRINKAGE.specialPrior;
  let share = (a - 1) / (a + b - 2);
  for (let i = 0; i < SHRINKAGE.emIterations; i += 1) {
    const responsibility = slots.reduce((s, x) => s + mixturePosterior(x.m, x.v, x.prior, share).special, 0);
    share = (responsibility + a - 1) / (slots.length + a + b - 2);
  }
  return share;
}

export function estimateSlots(
  observations: readonly SlotObservation[],
  logShape: Float64Array,
): SlotEstimates {
  const n = observations.length;
  const level = n > 0 ? observations.reduce((s, o) => s + o.value, 0) / n : 0;
  const posts = new Int32Array(SLOTS_PER_WEEK);
  const sums = new Float64Array(SLOTS_PER_WEEK);
  let shapeOfMix = 0;
  for (const o of observations) {
    posts[o.slot]! += 1;
    sums[o.slot]! += o.value - level;
    shapeOfMix += logShape[o.slot]!;
  }
  const centre = n > 0 ? shapeOfMix / n : logShape.reduce((s, v) => s + v, 0) / SLOTS_PER_WEEK;
  const network = logShape.map((v) => v - centre);
  const rawMean = new Float64Array(SLOTS_PER_WEEK).fill(Number.NaN);
  const observed: number[] = [];
  for (let s = 0; s < SLOTS_PER_WEEK; s += 1) {
    if (posts[s]! > 0) {
      rawMean[s] = sums[s]! / posts[s]!;
      observed.push(s);
    }
  }

  let within = 0;
  for (const o of observations) within += (o.value - level - rawMean[o.slot]!) ** 2;
  const df = n - observed.length;
  const sigma2 = (within + SHRINKAGE.sigma2PriorDf * SHRINKAGE.sigma2Prior) / (df + SHRINKAGE.sigma2PriorDf);
  const noise = (s: number) => sigma2 / posts[s]!;

  // First pass: each slot with posts against the network prior alone; its shrunk departure is lent out.
  const firstShare = fitSpecialShare(
    observed.map((s) => ({ m: rawMean[s]!, v: noise(s), prior: network[s]! })),
  );
  const departure = new Float64Array(SLOTS_PER_WEEK);
  for (const s of observed)
    departure[s] = mixturePosterior(rawMean[s]!, noise(s), network[s]!, firstShare).mean - network[s]!;
  const prior = new Float64Array(SLOTS_PER_WEEK);
  for (let s = 0; s < SLOTS_PER_WEEK; s += 1) {
    let lent = 0;
    let weights = 0;
    SHRINKAGE.neighbourWeights.forEach((weight, i) => {
      for (const side of [-1, 1]) {
        const other = (s + side * (i + 1) + SLOTS_PER_WEEK) % SLOTS_PER_WEEK;
        if (posts[other]! === 0) continue;
        lent += weight * departure[other]!;
        weights += weight;
      }
    });
    prior[s] = network[s]! + lent / Math.max(1, weights);
  }

  // Second pass: against the full prior.
  const specialShare = fitSpecialShare(
    observed.map((s) => ({ m: rawMean[s]!, v: noise(s), prior: prior[s]! })),
  );
  const estimate = new Float64Array(prior);
  const priorVariance =
    (1 - specialShare) * SHRINKAGE.ordinarySd ** 2 + specialShare * SHRINKAGE.specialSd ** 2;
  const variance = new Float64Array(SLOTS_PER_WEEK).fill(priorVariance);
  const special = new Float64Array(SLOTS_PER_WEEK).fill(specialShare);
  for (const s of observed) {
    const posterior = mixturePosterior(rawMean[s]!, noise(s), prior[s]!, specialShare);
    estimate[s] = posterior.mean;
    variance[s] = posterior.variance;
    special[s] = posterior.special;
  }
  return { level, sigma2, specialShare, estimate, variance, posts, rawMean, prior, special };
}
