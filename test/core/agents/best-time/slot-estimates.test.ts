import { describe, expect, it } from 'vitest';
import {
  estimateSlots,
  type SlotObservation,
} from '../../../../functions/core/agents/best-time/slot-estimates';

const FLAT = new Float64Array(168);
const MONDAY_10 = 34;
const WEDNESDAY_10 = 82;
const FRIDAY_10 = 130;

/** n posts in a slot at mean m, alternating m + 0.5 and m - 0.5. */
const posts = (slot: number, m: number, n = 8): SlotObservation[] =>
  Array.from({ length: n }, (_, i) => ({ slot, value: m + (i % 2 === 0 ? 0.5 : -0.5) }));

const normal = (x: number, variance: number) =>
  Math.exp((-x * x) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);

describe('estimateSlots', () => {
  // Three slots far apart, 8 posts each at +1, 0 and -1 around the account's level 0.
  const fixture = [...posts(MONDAY_10, 1), ...posts(WEDNESDAY_10, 0), ...posts(FRIDAY_10, -1)];
  const result = estimateSlots(fixture, FLAT);

  it('pools the within-slot spread with its pseudo-observations', () => {
    // Within: 24 x 0.25 = 6 on 24 - 3 = 21 degrees of freedom, plus 4 at 1.0: (6 + 4) / (21 + 4).
    expect(result.sigma2).toBeCloseTo(0.4, 12);
    expect(result.level).toBeCloseTo(0, 12);
    expect(result.posts[MONDAY_10]).toBe(8);
    expect(result.rawMean[MONDAY_10]).toBeCloseTo(1, 12);
  });

  it('shrinks each slot by the two-component mixture, as documented', () => {
    // Noise of a slot mean 0.4 / 8 = 0.05. Ordinary: tau2 0.0625 keeps 0.0625/0.1125 of the
    // departure; special: tau2 1 keeps 1/1.05; each weighted by how well it explains +1.
    const share = result.specialShare;
    const ordinary = (1 - share) * normal(1, 0.1125);
    const special = share * normal(1, 1.05);
    const p = special / (ordinary + special);
    const expected = (1 - p) * (0.0625 / 0.1125) + p * (1 / 1.05);
    expect(result.estimate[MONDAY_10]).toBeCloseTo(expected, 9);
    expect(result.special[MONDAY_10]).toBeCloseTo(p, 9);
    expect(p).toBeGreaterThan(0.8);
    expect(result.estimate[MONDAY_10]).toBeGreaterThan(0.85);
    // Symmetric below, and a slot at the level stays there.
    expect(result.estimate[FRIDAY_10]).toBeCloseTo(-result.estimate[MONDAY_10]!, 9);
    expect(result.estimate[WEDNESDAY_10]).toBeCloseTo(0, 12);
    expect(result.special[WEDNESDAY_10]).toBeLessThan(0.2);
  });

  it('lends half of a slot departure to the next hours and a quarter to those two away', () => {
    const monday = result.estimate[MONDAY_10]!;
    expect(result.posts[MONDAY_10 + 1]).toBe(0);
    expect(result.estimate[MONDAY_10 + 1]).toBeCloseTo(0.5 * monday, 9);
    expect(result.estimate[MONDAY_10 - 1]).toBeCloseTo(0.5 * monday, 9);
    expect(result.estimate[MONDAY_10 + 2]).toBeCloseTo(0.25 * monday, 9);
    expect(result.estimate[MONDAY_10 + 3]).toBeCloseTo(0, 12);
    // A slot without posts keeps its prior's spread: the mixture's variance.
    const share = result.specialShare;
    expect(result.variance[MONDAY_10 + 3]).toBeCloseTo((1 - share) * 0.0625 + share * 1, 12);
  });

  it('with no history gives the network shape centred, with the prior share 1/8', () => {
    const shape = new Float64Array(168).map((_, s) => (s === 20 ? 1 : 0));
    const empty = estimateSlots([], shape);
    expect(empty.specialShare).toBeCloseTo(1 / 8, 12);
    expect(empty.estimate[20]).toBeCloseTo(1 - 1 / 168, 12);
    expect(empty.estimate[100]).toBeCloseTo(-1 / 168, 12);
    expect(empty.variance[100]).toBeCloseTo((7 / 8) * 0.0625 + 1 / 8, 12);
    expect([...empty.posts].every((n) => n === 0)).toBe(true);
  });

  it('centres the network shape on the hours the account posts in', () => {
    const shape = new Float64Array(168).fill(0);
    shape[MONDAY_10] = Math.log(2);
    shape[FRIDAY_10] = Math.log(4);
    const only = estimateSlots(posts(MONDAY_10, 0, 10), shape);
    // The account posts only on Mondays at 10: Friday 10:00 is ln 4 - ln 2 above where it posts.
    expect(only.estimate[FRIDAY_10]).toBeCloseTo(Math.log(2), 12);
    expect(only.estimate[WEDNESDAY_10]).toBeCloseTo(-Math.log(2), 12);
  });

  it('barely shrinks a slot seen through many posts', () => {
    const many = estimateSlots([...posts(MONDAY_10, 0.3, 200), ...posts(FRIDAY_10, -0.3, 200)], FLAT);
    expect(many.estimate[MONDAY_10]).toBeGreaterThan(0.28);
    expect(many.estimate[MONDAY_10]).toBeLessThan(0.3);
    expect(Math.sqrt(many.variance[MONDAY_10]!)).toBeLessThan(0.04);
  });
});
