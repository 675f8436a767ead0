import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../functions/core/agents/anomalies/daily-series';
import { runPerformanceTracker, type TrackerInput } from '../../../../functions/core/agents/anomalies/performance-tracker';
import type { PostGrowth } from '../../../../functions/core/agents/anomalies/post-growth';
import { performanceTrackerResultSchema } from '../../../../functions/core/agents/anomalies/result';
import { MONDAY, stepSeries, weekdaySeries } from './fixtures';

const HOUR = 3_600_000;
// The morning after day 40 (2026-02-14), when account "a" lost 55 % of its followers.
const now = new Date(`${addDays(MONDAY, 41)}T07:00:00Z`);

/** Posts of account "b" a day apart up to now, 10 then 100 at 1 h and 24 h; the last one, 3 h old, at 300 after 1 h. */
function posts(): PostGrowth[] {
  return Array.from({ length: 12 }, (_, i) => {
    const publishedAt = now.getTime() - (11 - i) * 24 * HOUR - 3 * HOUR;
    const viral = i === 11;
    return {
      targetId: `post-${i}`,
      socialAccountId: 'b',
      publishedAt: new Date(publishedAt),
      points: [
        { at: new Date(publishedAt + HOUR), engagement: viral ? 300 : 10 },
        { at: new Date(publishedAt + 24 * HOUR), engagement: 100 },
      ],
    };
  });
}

const input: TrackerInput = {
  now,
  series: [
    { socialAccountId: 'a', metric: 'followers', points: stepSeries(41, 40, 1000, 450) },
    { socialAccountId: 'a', metric: 'impressions', points: weekdaySeries(41) },
    { socialAccountId: 'b', metric: 'followers', points: stepSeries(41, 40, 500, 500) },
  ],
  posts: posts(),
};

describe('runPerformanceTracker', () => {
  it('alerts on yesterday’s purge and on today’s viral post, most severe first, and validates', () => {
    const result = runPerformanceTracker(input);
    expect(performanceTrackerResultSchema.parse(result)).toEqual(result);
    expect(result.alerts).toEqual([
      {
        socialAccountId: 'b',
        subject: 'post',
        targetId: 'post-11',
        severity: 'critical',
        direction: 'spike',
        reason: 'new',
        at: new Date(now.getTime() - 2 * HOUR).toISOString(),
        observed: 300,
        expected: expect.closeTo(10, 9),
        change: expect.closeTo(29, 9),
      },
      {
        socialAccountId: 'a',
        subject: 'followers',
        targetId: null,
        severity: 'critical',
        direction: 'drop',
        reason: 'new',
        at: addDays(MONDAY, 40),
        observed: 450,
        expected: expect.closeTo(1000, 6),
        change: expect.closeTo(-0.55, 6),
      },
    ]);
    // The 12th post is judged (published 3 h ago); the 11th (27 h ago) too, and is usual.
    expect(result.posts.map((p) => [p.targetId, p.status])).toEqual([
      ['post-10', 'usual'],
      ['post-11', 'unusual'],
    ]);
    // The viral post's 24-hour reading lies in the future: only the 1-hour one is read.
    expect(result.posts[1]!.peak!.hoursAfterPublish).toBe(1);
    const impressions = result.series.find((s) => s.metric === 'impressions')!;
    expect(impressions.now.status).toBe('usual');
    // 41 readings: under the 42 the backtest needs.
    expect(impressions.backtest.supported).toBe(false);
    // The week's movers: a's followers fell from 1000 to 450.
    expect(result.summary.movers[0]).toMatchObject({ socialAccountId: 'a', metric: 'followers', current: 450, previous: 1000 });
    expect(result.summary.anomalies).toHaveLength(1);
  });

  it('gives the same result for the same input, and an empty one for no data', () => {
    expect(runPerformanceTracker(input)).toEqual(runPerformanceTracker(input));
    const empty = runPerformanceTracker({ now, series: [], posts: [] });
    expect(empty).toMatchObject({ series: [], posts: [], alerts: [], summary: { movers: [], anomalies: [] } });
    expect(performanceTrackerResultSchema.parse(empty)).toEqual(empty);
  });
});
