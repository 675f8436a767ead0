import { describe, expect, it } from 'vitest';
import { forecastBacktest } from '../../../../functions/core/agents/anomalies/backtest';
import { weekdaySeries } from './fixtures';

describe('forecastBacktest', () => {
  it('beats yesterday’s reading on a weekly rhythm, the same every run', () => {
    // Monday to Sunday 100, 120, 140, 160, 180, 60, 40 for ten weeks: the detector's forecasts
    // are exact after the first weeks; yesterday's reading is off every day, by ln(121/101),
    // ln(141/121), ln(161/141), ln(181/161), ln(181/61), ln(61/41) and ln(101/41). On the last
    // 28 days (four of each) the median is ln(121/101): a typical error of 20/101.
    const week = [100, 120, 140, 160, 180, 60, 40];
    const points = weekdaySeries(70).map((p, i) => ({ ...p, value: week[i % 7]! }));
    const result = forecastBacktest(points);
    expect(result).toEqual({
      supported: true,
      metric: 'median absolute one-day-ahead forecast error (as a factor)',
      model: 0,
      baseline: expect.closeTo(20 / 101, 12),
      improvement: 1,
      // The model is exact in every resample, so the interval is the point.
      interval: { low: 1, high: 1 },
      n: { train: 42, test: 28 },
      cut: points[42]!.day,
    });
    expect(forecastBacktest(points)).toEqual(result);
  });

  it('says a short history cannot support a backtest', () => {
    expect(forecastBacktest(weekdaySeries(30))).toEqual({
      supported: false,
      reason: '30 daily readings: at least 42 are needed (28 to learn, 14 to test).',
    });
  });
});
