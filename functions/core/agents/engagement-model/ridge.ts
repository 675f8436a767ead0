import { inverse, Matrix, solve } from 'ml-matrix';
import { median, medianAbsoluteDeviation } from 'simple-statistics';
import { ENGAGEMENT_MODEL_SETTINGS as SETTINGS } from './settings';

/** A fitted robust ridge regression: coefficients on the design's columns and their covariance. */
export interface RidgeFit {
  coefficients: number[];
  /** Approximate covariance of the coefficients (M-estimator sandwich), row-major. */
  covariance: number[][];
  /** Robust residual scale: 1.4826 x MAD of the residuals (a standard deviation under normal errors). */
  scale: number;
  lambda: number;
}

/** ψ of Huber's loss: the residual, clipped at k·scale. */
const huberPsi = (residual: number, limit: number): number => Math.max(-limit, Math.min(limit, residual));

function robustScale(residuals: number[]): number {
  // simple-statistics' MAD is unscaled; 1.4826 makes it a standard deviation under normal errors.
  return residuals.length > 1 ? 1.4826 * medianAbsoluteDeviation(residuals) : 0;
}

function weightedNormal(
  design: Matrix,
  weights: number[],
  penalised: readonly boolean[],
  lambda: number,
): Matrix {
  const weighted = design.clone();
  for (let i = 0; i < weighted.rows; i += 1) weighted.mulRow(i, weights[i] as number);
  const normal = design.transpose().mmul(weighted);
  penalised.forEach((p, j) => {
    if (p) normal.set(j, j, normal.get(j, j) + lambda);
  });
  return normal;
}

/**
 * Ridge regression with Huber's loss, by iteratively reweighted least squares: each step solves
 * (AᵀWA + λP) b = AᵀWy, W the Huber weights min(1, k·s/|r|) of the previous residuals, P the
 * identity on penalised columns and 0 on the rest (the per-network intercepts are not shrunk).
 * Huber rather than squared loss because engagement is heavy-tailed even in log space (one
 * viral post is five log units above its baseline): squared loss would let it pull every
 * coefficient. Deterministic: it starts from the ordinary ridge solution and runs a fixed number
 * of steps.
 */
export function fitHuberRidge(
  rows: readonly number[][],
  y: readonly number[],
  penalised: readonly boolean[],
  lambda: number,
): RidgeFit {
  const design = new Matrix(rows as number[][]);
  let weights = y.map(() => 1);
  let coefficients: Matrix = Matrix.zeros(penalised.length, 1);
  let residuals: number[] = [];
  let scale = 0;
  for (let step = 0; step <= SETTINGS.huberIterations; step += 1) {
    const normal = weightedNormal(design, weights, penalised, lambda);
    const right = design.transpose().mmul(Matrix.columnVector(y.map((v, i) => v * (weights[i] as number))));
    coefficients = solve(normal, right);
    // Matrix#sub works in place: residuals are taken from the arrays instead.
    const fitted = design.mmul(coefficients).getColumn(0);
    residuals = y.map((v, i) => v - (fitted[i] as number));
    scale = robustScale(residuals);
    if (!(scale > 0)) break;
    const limit = SETTINGS.huberK * scale;
    weights = residuals.map((r) => (Math.abs(r) <= limit ? 1 : limit / Math.abs(r)));
  }
  // Sandwich: H⁻¹ (Σ ψ(rᵢ)² aᵢaᵢᵀ) H⁻¹ with H the last step's normal matrix, times n/(n-p) for
  // the degrees of freedom spent. It ignores the ridge's bias (a shrunk coefficient is reported
  // with the variance of the shrunk estimate), which only makes the suggestions more cautious.
  const limit = scale > 0 ? SETTINGS.huberK * scale : Number.POSITIVE_INFINITY;
  const psiSquared = residuals.map((r) => huberPsi(r, limit) ** 2);
  const meat = weightedNormal(design, psiSquared, penalised, 0);
  const bread = inverse(weightedNormal(design, weights, penalised, lambda));
  const n = rows.length;
  const p = penalised.length;
  const covariance = bread
    .mmul(meat)
    .mmul(bread)
    .mul(n / Math.max(1, n - p));
  return { coefficients: coefficients.getColumn(0), covariance: covariance.to2DArray(), scale, lambda };
}

export function predictRow(fit: Pick<RidgeFit, 'coefficients'>, row: readonly number[]): number {
  let sum = 0;
  row.forEach((value, j) => {
    sum += value * (fit.coefficients[j] as number);
  });
  return sum;
}

/** Variance of aᵀb for a change `delta` of the design row. */
export function varianceOf(fit: Pick<RidgeFit, 'covariance'>, delta: readonly number[]): number {
  let sum = 0;
  delta.forEach((di, i) => {
    if (di === 0) return;
    delta.forEach((dj, j) => {
      sum += di * dj * (fit.covariance[i]![j] as number);
    });
  });
  return Math.max(0, sum);
}

/**
 * Residuals (actual - predicted) of every row predicted by a fit that did not see it:
 * chronological k-fold, the rows (oldest first) cut into `cvFolds` contiguous blocks, each
 * predicted by a fit on the others. Contiguous blocks keep a week's posts together, so
 * neighbours do not leak into each other's fold. Null for a row whose fold could not be fitted
 * (it held every row of a network, leaving that network's intercept unidentified).
 */
export function outOfFoldResiduals(
  rows: readonly number[][],
  y: readonly number[],
  penalised: readonly boolean[],
  lambda: number,
): (number | null)[] {
  const size = Math.ceil(rows.length / SETTINGS.cvFolds);
  const residuals: (number | null)[] = rows.map(() => null);
  for (let from = 0; from < rows.length; from += size) {
    const to = Math.min(rows.length, from + size);
    const trainRows = [...rows.slice(0, from), ...rows.slice(to)];
    const trainY = [...y.slice(0, from), ...y.slice(to)];
    if (!penalised.every((p, j) => p || trainRows.some((r) => r[j] !== 0))) continue;
    const fit = fitHuberRidge(trainRows, trainY, penalised, lambda);
    for (let i = from; i < to; i += 1) residuals[i] = (y[i] as number) - predictRow(fit, rows[i]!);
  }
  return residuals;
}

/**
 * The penalty with the least median absolute out-of-fold error over `lambdaGrid` (median, so
 * one viral post does not choose it), with its out-of-fold residuals.
 */
export function chooseLambda(
  rows: readonly number[][],
  y: readonly number[],
  penalised: readonly boolean[],
): { lambda: number; residuals: (number | null)[] } {
  let best: { lambda: number; residuals: (number | null)[]; error: number } | undefined;
  for (const lambda of SETTINGS.lambdaGrid) {
    const residuals = outOfFoldResiduals(rows, y, penalised, lambda);
    const errors = residuals.flatMap((r) => (r === null ? [] : [Math.abs(r)]));
    const error = errors.length > 0 ? median(errors) : Number.POSITIVE_INFINITY;
    if (!best || error < best.error) best = { lambda, residuals, error };
  }
  return { lambda: best!.lambda, residuals: best!.residuals };
}
