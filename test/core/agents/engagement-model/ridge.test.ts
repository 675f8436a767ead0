import { describe, expect, it } from 'vitest';
import {
  fitHuberRidge,
  outOfFoldResiduals,
  varianceOf,
} from '../../../../functions/core/agents/engagement-model/ridge';
import { normals } from './fixtures';

// Design: an intercept column (not penalised) and one feature.
const xs = Array.from({ length: 40 }, (_, i) => (i - 19.5) / 10);
const rows = xs.map((x) => [1, x]);
const penalised = [false, true];

describe('fitHuberRidge', () => {
  it('recovers y = 2 + 3x exactly without noise and a tiny penalty', () => {
    const fit = fitHuberRidge(
      rows,
      xs.map((x) => 2 + 3 * x),
      penalised,
      1e-9,
    );
    expect(fit.coefficients[0]).toBeCloseTo(2, 6);
    expect(fit.coefficients[1]).toBeCloseTo(3, 6);
    expect(fit.scale).toBeCloseTo(0, 6);
  });

  it('shrinks the penalised slope by sum(x²) / (sum(x²) + λ) and leaves the intercept alone', () => {
    const y = xs.map((x) => 2 + 3 * x);
    const sxx = xs.reduce((a, x) => a + x * x, 0); // x is centred, so the two columns are orthogonal
    const fit = fitHuberRidge(rows, y, penalised, sxx);
    expect(fit.coefficients[0]).toBeCloseTo(2, 6);
    expect(fit.coefficients[1]).toBeCloseTo(1.5, 6);
  });

  it('is not pulled by one huge outlier, where squared loss would be', () => {
    const noise = normals(3);
    const y = xs.map((x) => 2 + 3 * x + 0.1 * noise());
    y[39] = (y[39] as number) + 50;
    const fit = fitHuberRidge(rows, y, penalised, 1e-6);
    expect(fit.coefficients[1]).toBeGreaterThan(2.8);
    expect(fit.coefficients[1]).toBeLessThan(3.2);
    // Ordinary least squares on the same data: the slope moves by 50 * x39 / sum(x²) = 50 * 1.95 / 53.3 = 1.83.
    const sxx = xs.reduce((a, x) => a + x * x, 0);
    expect((50 * (xs[39] as number)) / sxx).toBeGreaterThan(1.8);
  });

  it('gives a standard error that matches the textbook one under normal noise', () => {
    const noise = normals(11);
    const y = xs.map((x) => 1 + 0.5 * x + noise());
    const fit = fitHuberRidge(rows, y, penalised, 1e-9);
    const sxx = xs.reduce((a, x) => a + x * x, 0);
    // OLS: se(slope) = sigma / sqrt(sxx) = 1 / 7.3; the sandwich estimate is close for n = 40.
    const se = Math.sqrt(varianceOf(fit, [0, 1]));
    expect(se).toBeGreaterThan(0.6 / Math.sqrt(sxx));
    expect(se).toBeLessThan(1.5 / Math.sqrt(sxx));
  });
});

describe('outOfFoldResiduals', () => {
  it('predicts every row from a fit that did not see it', () => {
    const y = xs.map((x) => 2 + 3 * x);
    const residuals = outOfFoldResiduals(rows, y, penalised, 1e-9);
    expect(residuals).toHaveLength(40);
    for (const r of residuals) expect(r).toBeCloseTo(0, 6);
  });

  it('leaves a fold unpredicted when its rows are the only ones of an unpenalised column', () => {
    // The second intercept is set on the first 8 rows only: fold 1 holds all of them.
    const two = rows.map((r, i) => [i < 8 ? 0 : 1, i < 8 ? 1 : 0, r[1] as number]);
    const residuals = outOfFoldResiduals(
      two,
      xs.map((x) => x),
      [false, false, true],
      1,
    );
    expect(residuals.slice(0, 8)).toEqual(Array(8).fill(null));
    expect(residuals.slice(8).every((r) => r !== null)).toBe(true);
  });
});
