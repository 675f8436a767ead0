import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, burstPValue } from '../../../../functions/core/agents/trends/burst-test';
import { hashtagsOf } from '../../../../functions/core/agents/trends/hashtags';

describe('burstPValue', () => {
  it('is the binomial upper tail of the window’s uses given the term’s total', () => {
    // 3 uses, all in a window holding a tenth of the texts: 0.1^3.
    expect(burstPValue(3, 0, 10, 90)).toBeCloseTo(0.001, 12);
    // 2 of 3 uses in a window holding half the texts: P(X >= 2) = 3/8 + 1/8.
    expect(burstPValue(2, 1, 50, 50)).toBeCloseTo(0.5, 12);
    // Far in the tail, where 1 - CDF would round to 0: 40 uses all in a hundredth of the texts.
    expect(burstPValue(40, 0, 1, 99)).toBeCloseTo(1e-80, 90);
    expect(burstPValue(0, 5, 10, 90)).toBe(1);
    expect(burstPValue(3, 0, 10, 0)).toBe(1);
  });
});

describe('benjaminiHochberg', () => {
  it('gives q-values in the input order', () => {
    // Sorted: 0.01, 0.03, 0.04, 0.5 -> p·4/rank = 0.04, 0.06, 0.0533, 0.5, then the running minimum from the top.
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.5]);
    expect(q[0]).toBeCloseTo(0.04, 12);
    expect(q[1]).toBeCloseTo(0.16 / 3, 12);
    expect(q[2]).toBeCloseTo(0.16 / 3, 12);
    expect(q[3]).toBeCloseTo(0.5, 12);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});

describe('hashtagsOf', () => {
  it('finds hashtags as the Trends page’s SQL does', () => {
    const text = 'Big day #Launch #launch, #1 is no tag; a&#39;s entity, https://x.example/#anchor, word#inside, #café_2 #日本';
    expect([...hashtagsOf(text)]).toEqual(['#launch', '#café_2', '#日本']);
    expect(hashtagsOf('#start of a line').has('#start')).toBe(true);
  });
});
