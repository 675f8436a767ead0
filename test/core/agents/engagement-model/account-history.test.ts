import { describe, expect, it } from 'vitest';
import { OrganizationHistory } from '../../../../functions/core/agents/engagement-model/account-history';
import { outcome } from './fixtures';

const ACCOUNT = 'aaaaaaaa-0000-4000-8000-00000000000a';
const zones = { zones: { [ACCOUNT]: 'Europe/Paris' }, fallback: 'UTC' };
const day = (n: number, hour = 9) => new Date(Date.UTC(2027, 0, 4 + n, hour));

describe('OrganizationHistory', () => {
  it('keeps only mature posts with figures: synced at least 3 days after publication, engagement not null', () => {
    const history = new OrganizationHistory(
      [
        outcome({ socialAccountId: ACCOUNT, publishedAt: day(0), engagement: 10 }),
        outcome({ socialAccountId: ACCOUNT, publishedAt: day(1), engagement: null }),
        outcome({ socialAccountId: ACCOUNT, publishedAt: day(2), asOf: null }),
        outcome({
          socialAccountId: ACCOUNT,
          publishedAt: day(3),
          asOf: new Date(day(3).getTime() + 2 * 86_400_000),
        }),
        outcome({
          socialAccountId: ACCOUNT,
          publishedAt: day(4),
          asOf: new Date(day(4).getTime() + 3 * 86_400_000),
        }),
      ],
      zones,
    );
    expect(history.all().map((p) => p.outcome.publishedAt)).toEqual([day(0), day(4)]);
  });

  it('reads each post in its account zone', () => {
    // Monday 2027-01-04 09:00 UTC is 10:00 in Paris.
    const history = new OrganizationHistory(
      [outcome({ socialAccountId: ACCOUNT, publishedAt: day(0) })],
      zones,
    );
    expect(history.all()[0]!.local).toMatchObject({ weekday: 1, hour: 10 });
  });

  it('knows a post at an instant only once it has been mature for 3 days by then', () => {
    const history = new OrganizationHistory(
      [outcome({ socialAccountId: ACCOUNT, publishedAt: day(0) })],
      zones,
    );
    expect(history.knownAt(ACCOUNT, new Date(day(3).getTime() - 1))).toHaveLength(0);
    expect(history.knownAt(ACCOUNT, day(3))).toHaveLength(1);
    expect(history.knownAt('unknown-account', day(30))).toEqual([]);
  });

  it('baseline: median, 10th/90th percentiles and median followers of the last 12 known posts; none under 3', () => {
    const engagements = [100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
    const history = new OrganizationHistory(
      engagements.map((engagement, i) =>
        outcome({ socialAccountId: ACCOUNT, publishedAt: day(i), engagement, followersAtPublish: 1000 + i }),
      ),
      zones,
    );
    // At day 5 the known posts are days 0-2 (100, 1, 2).
    expect(history.baselineAt(ACCOUNT, day(5))).toMatchObject({ engagement: 2, posts: 3, followers: 1001 });
    expect(history.baselineAt(ACCOUNT, day(4))).toBeNull();
    // At day 20 all 14 are known; the last 12 are 2..13: median 7.5, p10 = 2 + 1.1 = 3.1, p90 = 2 + 9.9 = 11.9.
    const late = history.baselineAt(ACCOUNT, day(20))!;
    expect(late.engagement).toBe(7.5);
    expect(late.posts).toBe(12);
    expect(late.low).toBeCloseTo(3.1, 10);
    expect(late.high).toBeCloseTo(11.9, 10);
    expect(late.followers).toBe(1007.5);
    // Each post carries the baseline it had when published: the post of day 5 (engagement 5) is
    // the first that knew three mature posts (days 0-2, median 2).
    const posts = history.all();
    expect(posts.slice(0, 5).map((p) => p.relative)).toEqual([null, null, null, null, null]);
    expect(posts[5]!.relative).toBeCloseTo(Math.log1p(5) - Math.log1p(2), 12);
  });

  it('slot lift: capped deviations of the slot from the account mean, shrunk by n / (n + 3)', () => {
    // Three posts a week for 3 weeks: Monday 10:00 (Paris), Wednesday 10:00 and Friday 10:00.
    // Fridays do 4x; the rest 10. Baselines start at the 4th post.
    const posts = [];
    for (let week = 0; week < 4; week += 1)
      for (const offset of [0, 2, 4])
        posts.push(
          outcome({
            socialAccountId: ACCOUNT,
            publishedAt: day(7 * week + offset),
            engagement: offset === 4 ? 40 : 10,
          }),
        );
    const history = new OrganizationHistory(posts, zones);
    const at = day(40);
    const known = history.knownAt(ACCOUNT, at).filter((p) => p.relative !== null);
    const mean = known.reduce((a, p) => a + (p.relative as number), 0) / known.length;
    const fridays = known.filter((p) => p.local.weekday === 5);
    const expected =
      fridays.reduce((a, p) => a + Math.min(2, Math.max(-2, (p.relative as number) - mean)), 0) /
      (fridays.length + 3);
    const lift = history.slotLiftAt(ACCOUNT, at, { weekday: 5, hour: 10 });
    expect(lift.posts).toBe(fridays.length);
    expect(lift.lift).toBeCloseTo(expected, 12);
    expect(lift.lift).toBeGreaterThan(0.3);
    expect(history.slotLiftAt(ACCOUNT, at, { weekday: 1, hour: 10 }).lift).toBeLessThan(0);
    expect(history.slotLiftAt(ACCOUNT, at, { weekday: 0, hour: 3 })).toEqual({ lift: 0, posts: 0 });
  });

  it('remembers the last follower reading of an account, mature or not', () => {
    const history = new OrganizationHistory(
      [
        outcome({ socialAccountId: ACCOUNT, publishedAt: day(0), followersAtPublish: 500 }),
        outcome({ socialAccountId: ACCOUNT, publishedAt: day(2), followersAtPublish: 700, asOf: null }),
        outcome({ socialAccountId: ACCOUNT, publishedAt: day(3), followersAtPublish: null }),
      ],
      zones,
    );
    expect(history.followersOf(ACCOUNT)).toBe(700);
    expect(history.followersOf('other')).toBeNull();
  });
});
