import { describe, expect, it } from 'vitest';
import { assessAccountNow } from '../../../../functions/core/agents/anomalies/assess-now';
import { addDays, type AccountSeries } from '../../../../functions/core/agents/anomalies/daily-series';
import { MONDAY, stepSeries, weekdaySeries } from './fixtures';

const followers = (points: AccountSeries['points']): AccountSeries => ({
  socialAccountId: 'acct-1',
  metric: 'followers',
  points,
});
/** The sweep's run at 07:00 UTC the day after `day` (the index from MONDAY). */
const morningAfter = (day: number) => new Date(`${addDays(MONDAY, day + 1)}T07:00:00Z`);

describe('assessAccountNow', () => {
  // 1000 followers for 40 days, 450 from day 40 (a purge).
  const purge = followers(stepSeries(50, 40, 1000, 450));

  it('tells a new anomaly on its first day, not again while it goes on, then that it is a level shift', () => {
    const first = assessAccountNow(purge, morningAfter(40));
    expect(first).toMatchObject({
      day: addDays(MONDAY, 40),
      status: 'unusual',
      alert: { severity: 'critical', reason: 'new' },
      assessment: { observed: 450, expected: expect.closeTo(1000, 6), direction: 'drop' },
      anomaly: { start: addDays(MONDAY, 40), days: 1, kind: 'outlier' },
    });
    expect(first.assessment!.change).toBeCloseTo(-0.55, 6);
    expect(assessAccountNow(purge, morningAfter(41))).toMatchObject({ status: 'unusual', alert: null });
    expect(assessAccountNow(purge, morningAfter(42))).toMatchObject({
      status: 'unusual',
      alert: { severity: 'critical', reason: 'level-shift' },
      anomaly: { days: 3, kind: 'level-shift' },
    });
    // The new level is normal from then on.
    expect(assessAccountNow(purge, morningAfter(43))).toMatchObject({ status: 'usual', alert: null });
  });

  it('judges the day before now in the organization’s zone', () => {
    // 2026-02-15T01:00Z is still the 14th in New York, so the day judged is the 13th (day 39): usual.
    const now = new Date('2026-02-15T01:00:00Z');
    expect(assessAccountNow(purge, now, { timeZone: 'America/New_York' }).day).toBe('2026-02-13');
    expect(assessAccountNow(purge, now).day).toBe('2026-02-14');
  });

  it('says when yesterday has no reading, and when the history is too short to judge', () => {
    const gap = followers(stepSeries(50, 40, 1000, 450).filter((p) => p.day !== addDays(MONDAY, 45)));
    expect(assessAccountNow(gap, morningAfter(45))).toMatchObject({ status: 'no-reading', alert: null });
    expect(assessAccountNow(followers(weekdaySeries(20)), morningAfter(19))).toMatchObject({
      status: 'insufficient-history',
      alert: null,
    });
    expect(assessAccountNow(followers([]), morningAfter(3)).status).toBe('no-reading');
  });

  it('escalates when a later day of the same anomaly is more severe', () => {
    // Flat 1000, then 975 (-2.5 %: a warning with the 1 % followers bar, under the 4 % of a critical), then 800.
    const points = stepSeries(44, 40, 1000, 1000).map((p, i) => ({ ...p, value: i === 40 ? 975 : i >= 41 ? 800 : 1000 }));
    expect(assessAccountNow(followers(points), morningAfter(40)).alert).toEqual({ severity: 'warning', reason: 'new' });
    expect(assessAccountNow(followers(points), morningAfter(41)).alert).toEqual({
      severity: 'critical',
      reason: 'escalated',
    });
  });
});
