import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../functions/core/agents/anomalies/daily-series';
import { detectAnomalies } from '../../../../functions/core/agents/anomalies/seasonal-detector';
import { naiveAnomalies } from '../../../../functions/core/agents/anomalies/naive-detector';
import { MONDAY, stepSeries, weekdaySeries } from './fixtures';

describe('detectAnomalies', () => {
  it('expects each weekday at its own level, and flags a spike on a weekday against it', () => {
    // Six weeks of 100 on weekdays and 50 at weekends; day 37 (a Wednesday) is 300.
    const { days, anomalies } = detectAnomalies(weekdaySeries(42, { 37: 300 }));
    // The profile puts Saturdays at log1p(50) - log1p(100) below the level: a Saturday of 50 is expected.
    const saturday = days[33]!;
    expect(saturday.day).toBe(addDays(MONDAY, 33));
    expect(saturday.expected).toBeCloseTo(50, 6);
    expect(saturday.severity).toBeNull();
    // Every past forecast was exact, so the scale is the floor (0.002): z = ln(301/101) / 0.002.
    expect(anomalies).toEqual([
      {
        start: '2026-02-11',
        end: '2026-02-11',
        days: 1,
        direction: 'spike',
        kind: 'outlier',
        severity: 'critical',
        severityAtStart: 'critical',
        peak: { day: '2026-02-11', observed: 300, expected: expect.closeTo(100, 6), change: expect.closeTo(2, 6), z: expect.closeTo(Math.log(301 / 101) / 0.002, 3) },
      },
    ]);
    // The day after is expected at 100 again: the spike was left out of the level.
    expect(days[38]!.expected).toBeCloseTo(100, 6);
  });

  it('judges nothing before 14 readings and 10 forecasts', () => {
    const { days } = detectAnomalies(weekdaySeries(30));
    expect(days.slice(0, 14).every((d) => d.expected === null)).toBe(true);
    // Readings 14..23 are forecast (their errors make the scale) but not judged.
    expect(days[14]!.expected).not.toBeNull();
    expect(days[23]!.z).toBeNull();
    expect(days[24]!.z).toBe(0);
  });

  it('tells a step down once, as a level shift, and takes the new level as normal from then on', () => {
    const { days, anomalies } = detectAnomalies(stepSeries(60, 40, 1000, 450), { minChange: 0.01 });
    expect(anomalies).toHaveLength(1);
    expect(anomalies[0]).toMatchObject({
      start: addDays(MONDAY, 40),
      end: addDays(MONDAY, 42),
      days: 3,
      direction: 'drop',
      kind: 'level-shift',
      severity: 'critical',
      peak: { day: addDays(MONDAY, 40), observed: 450, expected: expect.closeTo(1000, 6) },
    });
    expect(anomalies[0]!.peak.z).toBeCloseTo(Math.log(451 / 1001) / 0.002, 3);
    // From the fourth day the level restarts at 450.
    expect(days[43]).toMatchObject({ expected: expect.closeTo(450, 6), severity: null });
  });

  it('lets a small move through when it clears the deviations but not the change bar', () => {
    // 1000 then 1010: z = ln(1011/1001)/0.002 ≈ 5, but a 1 % move is under the 5 % default bar.
    const { anomalies } = detectAnomalies(stepSeries(40, 30, 1000, 1010));
    expect(anomalies).toEqual([]);
    const followers = detectAnomalies(stepSeries(40, 30, 1000, 1010), { minChange: 0.005 });
    expect(followers.anomalies[0]).toMatchObject({ direction: 'spike', severity: 'info' });
  });

  it('reads through days without a reading, and says nothing about an empty or all-null series', () => {
    const gappy = weekdaySeries(42, { 10: null, 20: null, 36: null, 37: 300 });
    const { anomalies, days } = detectAnomalies(gappy);
    expect(days).toHaveLength(42);
    // Day 27 is a Sunday with only two Sundays read before it (day 20 is missing): under the three
    // a weekday needs for its own factor, so it is expected at the weekday level and its 50 is a drop.
    expect(anomalies.map((a) => [a.start, a.direction])).toEqual([
      ['2026-02-01', 'drop'],
      ['2026-02-11', 'spike'],
    ]);
    expect(days[27]!.expected).toBeCloseTo(100, 6);
    expect(detectAnomalies([])).toEqual({ days: [], anomalies: [] });
    const nulls = detectAnomalies(weekdaySeries(30, Object.fromEntries(Array.from({ length: 30 }, (_, i) => [i, null]))));
    expect(nulls.anomalies).toEqual([]);
    expect(nulls.days.every((d) => d.expected === null)).toBe(true);
  });

  it('is deterministic', () => {
    const series = weekdaySeries(60, { 45: 20, 50: 400 });
    expect(detectAnomalies(series)).toEqual(detectAnomalies(series));
  });
});

describe('naiveAnomalies', () => {
  it('flags a day-over-day change over three standard deviations of the last 28', () => {
    // Alternating 100/104 (changes ±4, sd ≈ 4.07), then 140 on day 30: +36 is ~8.8 sd; back to 100 the day after.
    const points = Array.from({ length: 33 }, (_, i) => ({
      day: addDays(MONDAY, i),
      value: i === 30 ? 140 : i % 2 === 0 ? 100 : 104,
    }));
    const { anomalies } = naiveAnomalies(points);
    expect(anomalies.map((a) => [a.start, a.direction, a.days])).toEqual([
      [addDays(MONDAY, 30), 'spike', 1],
      [addDays(MONDAY, 31), 'drop', 1],
    ]);
  });

  it('stays quiet on the weekly rhythm (its yardstick includes it) and flags a jump and the fall back', () => {
    // Changes of the rhythm: 0 four times, -50, 0, +50 a week: sd ≈ 27.2, so 200 is ~7 sd.
    const { anomalies } = naiveAnomalies(weekdaySeries(42, { 37: 300 }));
    expect(anomalies.map((a) => [a.start, a.direction])).toEqual([
      [addDays(MONDAY, 37), 'spike'],
      [addDays(MONDAY, 38), 'drop'],
    ]);
  });
});
