import { describe, expect, it } from 'vitest';
import type { Anomaly } from '../../../../functions/core/agents/anomalies/anomaly-runs';
import { addDays, type AccountSeries } from '../../../../functions/core/agents/anomalies/daily-series';
import { periodSummary } from '../../../../functions/core/agents/anomalies/period-summary';

const days = (from: string, values: (number | null)[]) => values.map((value, i) => ({ day: addDays(from, i), value }));

const anomaly = (start: string, severity: Anomaly['severity']): Anomaly => ({
  start,
  end: start,
  days: 1,
  direction: 'drop',
  kind: 'outlier',
  severity,
  severityAtStart: severity,
  peak: { day: start, observed: 1, expected: 2, change: -0.5, z: -6 },
});

describe('periodSummary', () => {
  // Two weeks: 2026-03-02..08 (previous), 2026-03-09..15 (this one).
  const series: AccountSeries[] = [
    // Followers: the last reading of each week, 1000 -> 1100 (+10 %).
    { socialAccountId: 'a', metric: 'followers', points: days('2026-03-02', [990, 1000, 1000, 1000, 1000, 1000, 1000, 1050, 1100, 1100, 1100, 1100, 1100, 1100]) },
    // Impressions: totals, 700 -> 350 (halved: as large a move as a doubling, more than +10 %).
    { socialAccountId: 'a', metric: 'impressions', points: days('2026-03-02', [100, 100, 100, 100, 100, 100, 100, 50, 50, 50, 50, 50, 50, 50]) },
    // Engagement per post: means of the days with posts, (10 + 20) / 2 = 15 -> 16 (+6.7 %).
    { socialAccountId: 'b', metric: 'engagementPerPost', points: days('2026-03-02', [10, null, null, 20, null, null, null, 16, null, null, null, null, null, null]) },
    // No reading in the previous week: not a mover.
    { socialAccountId: 'c', metric: 'followers', points: days('2026-03-09', [5, 6]) },
  ];

  it('ranks the week’s movers by factor and lists its anomalies, most severe first', () => {
    const summary = periodSummary(
      series,
      [
        { socialAccountId: 'a', metric: 'impressions', anomaly: anomaly('2026-03-10', 'warning') },
        { socialAccountId: 'a', metric: 'followers', anomaly: anomaly('2026-03-12', 'critical') },
        { socialAccountId: 'b', metric: 'engagementPerPost', anomaly: anomaly('2026-03-01', 'critical') },
      ],
      '2026-03-15',
    );
    expect(summary.from).toBe('2026-03-09');
    expect(summary.movers.map((m) => [m.socialAccountId, m.metric, m.current, m.previous])).toEqual([
      ['a', 'impressions', 350, 700],
      ['a', 'followers', 1100, 1000],
      ['b', 'engagementPerPost', 16, 15],
    ]);
    expect(summary.movers[0]!.change).toBe(-0.5);
    expect(summary.movers[1]!.change).toBeCloseTo(0.1, 9);
    expect(summary.anomalies.map((a) => a.anomaly.start)).toEqual(['2026-03-12', '2026-03-10']);
    expect(summary.severities).toEqual({ info: 0, warning: 1, critical: 1 });
  });

  it('is empty for no series', () => {
    expect(periodSummary([], [], '2026-03-15')).toEqual({
      from: '2026-03-09',
      to: '2026-03-15',
      movers: [],
      anomalies: [],
      severities: { info: 0, warning: 0, critical: 0 },
    });
  });
});
