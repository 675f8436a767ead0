import { describe, expect, it } from 'vitest';
import { crisisReport, detectCrisis, episodesOf } from '../../../../functions/core/agents/crisis';
import { planMentions } from '../../../../functions/platforms/sandbox/history/mentions';

describe('episodesOf', () => {
  it('counts runs of raised hours, merging runs closer than the gap, with the first crisis hour as the peak', () => {
    const levels = [
      'none',
      'watch',
      'crisis',
      'crisis',
      'none',
      'watch',
      'none',
      'none',
      'none',
      'crisis',
    ] as const;
    expect(episodesOf([...levels], 100)).toEqual([
      { fromHour: 101, toHour: 104, peak: 'crisis', peakHour: 102 },
      { fromHour: 105, toHour: 106, peak: 'watch', peakHour: 105 },
      { fromHour: 109, toHour: 110, peak: 'crisis', peakHour: 109 },
    ]);
    expect(episodesOf([...levels], 100, 2)).toEqual([
      { fromHour: 101, toHour: 106, peak: 'crisis', peakHour: 102 },
      { fromHour: 109, toHour: 110, peak: 'crisis', peakHour: 109 },
    ]);
    expect(episodesOf([], 0)).toEqual([]);
  });
});

describe('detectCrisis on a Sandbox mention history with a planted crisis', () => {
  // The generator's own plan (no database): 4 mentions a day for 60 days, a 36-hour crisis
  // ending 8 days before the end, labelled by the generator.
  const end = new Date('2026-11-20T00:00:00Z');
  const start = new Date(end.getTime() - 60 * 86_400_000);
  const plan = planMentions({
    seed: 'detect-test',
    tag: 't',
    brand: 'Northwind',
    mainHandle: 'northwind.t',
    perDay: 4,
    start,
    end,
  });
  const crisis = plan.crisis!;
  const mentions = plan.mentions.map((m) => ({ at: m.at, label: m.label }));
  const report = detectCrisis(mentions, { now: end, from: new Date(start.getTime() + 20 * 86_400_000) });

  it('finds the planted crisis within six hours of its start and raises no other crisis', () => {
    const crises = report.episodes.filter((e) => e.peak === 'crisis');
    expect(crises).toHaveLength(1);
    const found = crises[0]!;
    const delayHours = (Date.parse(found.peakAt) + 3_600_000 - crisis.from.getTime()) / 3_600_000;
    expect(delayHours).toBeGreaterThanOrEqual(1);
    expect(delayHours).toBeLessThanOrEqual(6);
    expect(Date.parse(found.from)).toBeLessThan(crisis.to.getTime());
    expect(found.negative).toBeGreaterThan(0.7 * found.mentions);
  });

  it('keeps a timeline of every hour judged and a backtest against the naive rule', () => {
    expect(report.timeline).toHaveLength(40 * 24);
    expect(report.timeline[0]!.hour).toBe(report.from);
    expect(report.current.level).toBe('none');
    expect(report.backtest.supported).toBe(true);
    if (report.backtest.supported) {
      expect(report.backtest.n).toBe(40 * 24);
      expect(report.backtest.model).toBeCloseTo(30 / 40, 2);
      // "Twice the weekly hourly mean" fires on most busy hours of a quiet brand.
      expect(report.backtest.baseline).toBeGreaterThan(10);
      expect(report.backtest.improvement).toBeCloseTo(report.backtest.baseline - report.backtest.model, 1);
    }
    expect(() => crisisReport.parse(report)).not.toThrow();
  });
});
