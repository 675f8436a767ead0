/**
 * Conformal bounds (Vovk et al.; Lei et al., 2018): given residuals (actual - predicted) of
 * posts the model did not see (here the cross-validation's out-of-fold residuals, train.ts), the interval [prediction + low, prediction + high] covers a
 * new post's outcome with probability at least `level` if the new post is exchangeable with
 * them. Two one-sided bounds of (1 - level) / 2 each, not a symmetric |residual| band, because
 * log engagement is skewed (a post can do ten times its usual, rarely a tenth).
 *
 * With n residuals sorted, the lower bound is the ⌊(n + 1)·α/2⌋-th and the upper the
 * ⌈(n + 1)·(1 - α/2)⌉-th (1-based), the finite-sample correction; null when n is too small for
 * a finite bound at this level.
 */
export function conformalOffsets(
  residuals: readonly number[],
  level: number,
): { low: number; high: number } | null {
  const n = residuals.length;
  const tail = (1 - level) / 2;
  // (1 - 0.8) / 2 is 0.09999999999999998 in floating point: the epsilon keeps 20 x 0.1 at rank 2.
  const lowRank = Math.floor((n + 1) * tail + 1e-9);
  const highRank = Math.ceil((n + 1) * (1 - tail) - 1e-9);
  if (lowRank < 1 || highRank > n) return null;
  const sorted = [...residuals].sort((a, b) => a - b);
  return { low: sorted[lowRank - 1] as number, high: sorted[highRank - 1] as number };
}
