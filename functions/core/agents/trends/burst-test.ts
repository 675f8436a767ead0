import betainc from '@stdlib/math-base-special-betainc';

/**
 * Is a term's share of the window's texts higher than its share of the baseline's? Given the
 * term was used in k = kWindow + kBaseline texts in all, and the window holds a share
 * π = nWindow / (nWindow + nBaseline) of the texts, with no burst the window's uses are
 * Binomial(k, π): the p-value is P(X ≥ kWindow) = I_π(kWindow, kBaseline + 1), the regularised
 * incomplete beta function (exact, and accurate far into the tail where 1 - CDF would round to 0).
 * The test conditions on the term's total, so a term is measured against its own history and a
 * busier window (more texts) raises the bar with it.
 */
export function burstPValue(kWindow: number, kBaseline: number, nWindow: number, nBaseline: number): number {
  if (kWindow <= 0) return 1;
  if (nBaseline <= 0) return 1;
  const share = nWindow / (nWindow + nBaseline);
  return Math.min(1, Math.max(0, betainc(share, kWindow, kBaseline + 1)));
}

/**
 * Benjamini–Hochberg q-values, in the order given: many terms are tested at once, and this keeps
 * the expected share of false bursts among those reported under the level they are cut at.
 */
export function benjaminiHochberg(pValues: number[]): number[] {
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const q = new Array<number>(pValues.length);
  let running = 1;
  for (let rank = order.length; rank >= 1; rank -= 1) {
    const { p, i } = order[rank - 1]!;
    running = Math.min(running, (p * order.length) / rank);
    q[i] = running;
  }
  return q;
}
