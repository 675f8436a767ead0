import { describe, expect, it } from 'vitest';
import { conformalOffsets } from '../../../../functions/core/agents/engagement-model/conformal';

describe('conformalOffsets', () => {
  it('takes the floor((n+1)0.1)-th and ceil((n+1)0.9)-th residuals for 80 %', () => {
    // n = 19: ranks 2 and 18 of -9 .. 9.
    const residuals = Array.from({ length: 19 }, (_, i) => 9 - i);
    expect(conformalOffsets(residuals, 0.8)).toEqual({ low: -8, high: 8 });
    // n = 9: ranks 1 and 9, the extremes.
    expect(conformalOffsets([5, -1, 0, 2, 3, -4, 1, -2, 4], 0.8)).toEqual({ low: -4, high: 5 });
  });

  it('keeps skew: the bounds need not be symmetric', () => {
    const residuals = [-1, -0.8, -0.5, -0.2, 0, 0.3, 0.6, 1.5, 2.5, 4];
    // n = 10: ranks floor(1.1) = 1 and ceil(9.9) = 10.
    expect(conformalOffsets(residuals, 0.8)).toEqual({ low: -1, high: 4 });
  });

  it('has no finite interval with fewer than 9 residuals at 80 %', () => {
    expect(conformalOffsets([1, 2, 3, 4, 5, 6, 7, 8], 0.8)).toBeNull();
    expect(conformalOffsets([], 0.8)).toBeNull();
  });
});
