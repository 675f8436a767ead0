import betainc from '@stdlib/math-base-special-betainc';
import gammainc from '@stdlib/math-base-special-gammainc';

/**
 * Upper tail probabilities P(X >= k) of the count distributions the detector tests against,
 * through the regularized incomplete gamma and beta functions (stdlib), which stay accurate far
 * into the tail: `1 - cdf` or summed probability tables (simple-statistics stops at 1 - 1e-4)
 * lose exactly the small p-values a crisis is made of.
 */

/** X ~ Poisson(mean): P(X >= k) = P(k, mean), the regularized lower incomplete gamma. */
export function poissonUpperTail(k: number, mean: number): number {
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  return gammainc(mean, k);
}

/**
 * X ~ negative binomial with this mean and variance `dispersion` x mean (dispersion > 1: counts
 * burstier than Poisson). With size r = mean / (dispersion - 1) and q = r / (r + mean),
 * P(X >= k) = I_{1-q}(k, r). Falls back to Poisson when dispersion is 1 or less.
 */
export function negativeBinomialUpperTail(k: number, mean: number, dispersion: number): number {
  if (dispersion <= 1) return poissonUpperTail(k, mean);
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  const size = mean / (dispersion - 1);
  const q = size / (size + mean);
  return betainc(1 - q, k, size);
}

/** K ~ Binomial(n, p): P(K >= k) = I_p(k, n - k + 1). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return betainc(p, k, n - k + 1);
}
