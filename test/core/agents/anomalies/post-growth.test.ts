import { describe, expect, it } from 'vitest';
import {
  assessPostGrowth,
  engagementAtAge,
  type PostGrowth,
} from '../../../../functions/core/agents/anomalies/post-growth';

const HOUR = 3_600_000;
const start = Date.parse('2026-03-01T09:00:00Z');

/** A post published `day` days after start, read at 1 h and 24 h with these totals. */
const post = (id: string, day: number, atOneHour: number, atOneDay: number): PostGrowth => {
  const publishedAt = start + day * 24 * HOUR;
  return {
    targetId: id,
    socialAccountId: 'acct',
    publishedAt: new Date(publishedAt),
    points: [
      { at: new Date(publishedAt + HOUR), engagement: atOneHour },
      { at: new Date(publishedAt + 24 * HOUR), engagement: atOneDay },
    ],
  };
};

// Ten earlier posts that all did alike: 10 after an hour, 100 after a day.
const earlier = Array.from({ length: 10 }, (_, i) => post(`old-${i}`, i, 10, 100));

describe('engagementAtAge', () => {
  it('interpolates between readings from 0 at publication, and knows nothing past the last', () => {
    const p = earlier[0]!;
    expect(engagementAtAge(p, 0.5)).toBe(5);
    expect(engagementAtAge(p, 12.5)).toBeCloseTo(10 + (90 * 11.5) / 23, 9);
    expect(engagementAtAge(p, 24)).toBe(100);
    expect(engagementAtAge(p, 30)).toBeNull();
  });
});

describe('assessPostGrowth', () => {
  it('flags a post twenty times the usual at its first hour as critical', () => {
    const viral = post('viral', 12, 200, 5000);
    const result = assessPostGrowth(viral, [...earlier, viral]);
    expect(result.status).toBe('unusual');
    // All ten did alike, so the spread is the floor (0.1): z = (ln 201 - ln 11) / 0.1.
    expect(result.firstAlert).toMatchObject({
      hoursAfterPublish: 1,
      observed: 200,
      expected: expect.closeTo(10, 9),
      severity: 'critical',
      direction: 'spike',
      reference: 10,
    });
    expect(result.firstAlert!.z).toBeCloseTo((Math.log(201) - Math.log(11)) / 0.1, 6);
    expect(result.peak!.hoursAfterPublish).toBe(24);
  });

  it('says a usual post is usual, and a dud is a drop by its first day', () => {
    expect(assessPostGrowth(post('same', 12, 10, 100), earlier)).toMatchObject({ status: 'usual', firstAlert: null });
    // 8 after an hour is z = (ln 9 - ln 11) / 0.1 = -2: usual. 20 after a day is 1/5 of usual:
    // past the squared bar (1/4) but not the fourth power (1/16), so a warning.
    const dud = assessPostGrowth(post('dud', 12, 8, 20), earlier);
    expect(dud.readings[0]!.z).toBeCloseTo((Math.log(9) - Math.log(11)) / 0.1, 6);
    expect(dud.firstAlert).toMatchObject({ hoursAfterPublish: 24, direction: 'drop', severity: 'warning' });
  });

  it('compares only with posts published before it, and needs eight of them', () => {
    const early = post('early', 5, 200, 5000);
    expect(assessPostGrowth(early, [...earlier, early])).toMatchObject({
      status: 'insufficient-history',
      readings: [],
      firstAlert: null,
    });
  });
});
