import { describe, expect, it } from 'vitest';
import {
  binomialUpperTail,
  negativeBinomialUpperTail,
  poissonUpperTail,
} from '../../../../functions/core/agents/crisis/tails';

describe('upper tails', () => {
  it('Poisson: P(X >= 2 | mean 1) = 1 - 2/e', () => {
    expect(poissonUpperTail(2, 1)).toBeCloseTo(1 - 2 / Math.E, 12);
    expect(poissonUpperTail(0, 1)).toBe(1);
    expect(poissonUpperTail(3, 0)).toBe(0);
  });

  it('Poisson keeps tiny tails that 1 - cdf would round to 0: P(X >= 30 | 2) ~ 2^30 e^-2 / 30!', () => {
    let factorial = 1;
    for (let i = 2; i <= 30; i += 1) factorial *= i;
    const leading = (2 ** 30 * Math.exp(-2)) / factorial;
    const tail = poissonUpperTail(30, 2);
    // The leading term dominates: the next is 2/31 of it, and so on.
    expect(tail / leading).toBeGreaterThan(1);
    expect(tail / leading).toBeLessThan(1.07);
    expect(tail).toBeLessThan(1e-22);
  });

  it('binomial: P(K >= 2 | 3, 1/2) = 1/2, P(K >= 3 | 3, 0.2) = 0.008', () => {
    expect(binomialUpperTail(2, 3, 0.5)).toBeCloseTo(0.5, 12);
    expect(binomialUpperTail(3, 3, 0.2)).toBeCloseTo(0.008, 12);
    expect(binomialUpperTail(0, 3, 0.2)).toBe(1);
    expect(binomialUpperTail(4, 3, 0.2)).toBe(0);
  });

  it('negative binomial: mean 3, dispersion 2 is size 3, p 1/2: P(X >= 1) = 1 - 1/8, P(X >= 2) = 1 - 1/8 - 3/16', () => {
    expect(negativeBinomialUpperTail(1, 3, 2)).toBeCloseTo(0.875, 12);
    expect(negativeBinomialUpperTail(2, 3, 2)).toBeCloseTo(1 - 0.125 - 0.1875, 12);
    // Burstier than Poisson: a large count is less surprising.
    expect(negativeBinomialUpperTail(10, 3, 2)).toBeGreaterThan(poissonUpperTail(10, 3));
    // Dispersion 1 is Poisson.
    expect(negativeBinomialUpperTail(4, 2.5, 1)).toBe(poissonUpperTail(4, 2.5));
  });
});
