import { describe, expect, it } from 'vitest';
import {
  backtestEngagementModel,
  backtestMetrics,
  defaultCut,
  type BacktestMetric,
  type BacktestPoint,
} from '../../../../functions/core/agents/engagement-model';
import { NEW_YORK, PARIS, plantedHistory, zonesOf } from './fixtures';

const zones = zonesOf([PARIS, NEW_YORK]);
const point = (
  actual: number,
  model: number,
  modelLow: number,
  modelHigh: number,
  baselineLow: number,
  baselineHigh: number,
): BacktestPoint => ({
  socialAccountId: PARIS.id,
  publishedAt: new Date('2027-01-01T00:00:00Z'),
  actual,
  model,
  modelLow,
  modelHigh,
  basis: 'model',
  baseline: 20,
  baselineLow,
  baselineHigh,
});
const byName = (metrics: BacktestMetric[], name: BacktestMetric['metric']) =>
  metrics.find((m) => m.metric === name)!;

describe('backtestMetrics', () => {
  // actual 10, 20, 30; model 12, 18, 33; baseline 20 for all.
  const points = [point(10, 12, 8, 14, 15, 25), point(20, 18, 15, 25, 15, 25), point(30, 33, 31, 40, 15, 25)];
  const metrics = backtestMetrics(points);

  it('computes MAE in interactions and in log1p, with the improvement as a share of the baseline', () => {
    const mae = byName(metrics, 'mae');
    expect(mae.model).toBeCloseTo(7 / 3, 12);
    expect(mae.baseline).toBeCloseTo(20 / 3, 12);
    expect(mae.improvement).toBeCloseTo((20 / 3 - 7 / 3) / (20 / 3), 12);
    expect(mae.n).toBe(3);
    const log = byName(metrics, 'mae_log');
    const expected =
      (Math.abs(Math.log(11 / 13)) + Math.abs(Math.log(21 / 19)) + Math.abs(Math.log(31 / 34))) / 3;
    expect(log.model).toBeCloseTo(expected, 12);
  });

  it('gives Spearman 1 for the model, none for a constant baseline', () => {
    const rho = byName(metrics, 'spearman');
    expect(rho.model).toBeCloseTo(1, 12);
    expect(rho.baseline).toBeNull();
    expect(rho.improvement).toBeNull();
  });

  it('counts coverage and scores it by closeness to 80 %', () => {
    const cover = byName(metrics, 'coverage_80');
    // Model: 10 in [8, 14], 20 in [15, 25], 30 not in [31, 40]. Baseline: only 20 in [15, 25].
    expect(cover.model).toBeCloseTo(2 / 3, 12);
    expect(cover.baseline).toBeCloseTo(1 / 3, 12);
    expect(cover.improvement).toBeCloseTo(Math.abs(1 / 3 - 0.8) - Math.abs(2 / 3 - 0.8), 12);
  });

  it('gives a bootstrap interval around the improvement, the same every run', () => {
    const mae = byName(metrics, 'mae');
    expect(mae.interval![0]).toBeLessThanOrEqual(mae.improvement!);
    expect(mae.interval![1]).toBeGreaterThanOrEqual(mae.improvement!);
    expect(backtestMetrics(points)).toEqual(metrics);
  });
});

describe('backtestEngagementModel', () => {
  const outcomes = plantedHistory([PARIS, NEW_YORK], { from: '2026-01-05', weeks: 52 });

  it('beats the trailing median where the planted effects (picture x2, peak x3) are what varies', () => {
    const cut = defaultCut(outcomes, zones)!;
    const result = backtestEngagementModel(outcomes, { cut, zones });
    if (!result.supported) throw new Error(result.reason);
    expect(result.tested).toBeGreaterThanOrEqual(70);
    const log = byName(result.metrics, 'mae_log');
    // The noise alone (sigma 0.3) leaves 0.24 of log error; the median misses the x2 and x3.
    expect(log.model!).toBeLessThan(0.35);
    expect(log.improvement!).toBeGreaterThan(0.4);
    expect(log.interval![0]).toBeGreaterThan(0);
    expect(byName(result.metrics, 'spearman').model!).toBeGreaterThan(
      byName(result.metrics, 'spearman').baseline! + 0.2,
    );
    const cover = byName(result.metrics, 'coverage_80').model!;
    expect(cover).toBeGreaterThan(0.65);
    expect(cover).toBeLessThan(0.95);
  });

  it('cuts at the mature post 75 % of the way through', () => {
    const cut = defaultCut(outcomes, zones)!;
    expect(cut).toEqual(outcomes[Math.floor(outcomes.length * 0.75)]!.publishedAt);
    expect(defaultCut([], zones)).toBeNull();
  });

  it('is not supported when there is no model before the cut, or too few posts after it', () => {
    const short = plantedHistory([PARIS], { from: '2026-10-05', weeks: 12 });
    const early = backtestEngagementModel(short, { cut: defaultCut(short, zones)!, zones });
    expect(early).toMatchObject({ supported: false });
    if (!early.supported) expect(early.reason).toMatch(/^no model before the cut: .*needs 60/);

    const late = backtestEngagementModel(outcomes, {
      cut: outcomes[outcomes.length - 10]!.publishedAt,
      zones,
    });
    expect(late).toMatchObject({ supported: false, tested: 10 });
    if (!late.supported)
      expect(late.reason).toBe('10 mature posts with a baseline after the cut; the backtest needs 20');
  });
});
