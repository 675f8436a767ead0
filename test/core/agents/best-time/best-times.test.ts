import { describe, expect, it } from 'vitest';
import {
  backtestBestTimes,
  bestTimes,
  smartScheduleResult,
} from '../../../../functions/core/agents/best-time';
import type { PostOutcome } from '../../../../functions/core/agents/post-outcomes';
import { ACCOUNT, OTHER_ACCOUNT, outcome, weekly } from './fixtures';

const PARIS = 'Europe/Paris';
const START = '2026-01-05'; // a Monday
const WEEKS = 24;

/**
 * 24 weeks of an account in Paris (across the March change to summer time): weekly posts on
 * Sunday 10:15, Monday 09:15 and Friday 12:15 at 80 or 120 engagements per 1,000 followers
 * (alternating), and every other week on Wednesday 18:15 at 240 or 360: the best hour, three
 * times the others, and the least used.
 */
function history(account = ACCOUNT, peakTime = '18:15'): PostOutcome[] {
  const slots = [
    { isoWeekday: 7, time: '10:15', low: 79, high: 119, every: 1 },
    { isoWeekday: 1, time: '09:15', low: 79, high: 119, every: 1 },
    { isoWeekday: 5, time: '12:15', low: 79, high: 119, every: 1 },
    { isoWeekday: 3, time: peakTime, low: 239, high: 359, every: 2 },
  ];
  return slots.flatMap((slot) =>
    weekly(START, slot.isoWeekday, WEEKS)
      .filter((_, week) => week % slot.every === 0)
      .map((date, i) =>
        outcome({
          local: `${date}T${slot.time}`,
          timeZone: PARIS,
          engagement: i % 2 === 0 ? slot.low : slot.high,
          account,
        }),
      ),
  );
}

// 12 weeks after the cut at the start of week 12 (Monday 30 March, 00:00 UTC).
const NOW = new Date('2026-06-22T00:00:00Z');
const WEDNESDAY = 3;

describe('bestTimes', () => {
  const result = bestTimes(history(), { accountId: ACCOUNT, timeZone: PARIS, now: NOW });

  it('ranks the planted best hour first, from the posts, in the audience zone across summer time', () => {
    expect(result.supported).toBe(true);
    expect(result.platform).toBe('sandbox');
    expect(result.evidence.postsUsed).toBe(3 * 24 + 12);
    expect(result.evidence.baseline).toBe('followers');
    const best = result.ranked[0]!;
    expect(best).toMatchObject({
      weekday: WEDNESDAY,
      hour: 18,
      label: 'Wednesday 18:00',
      posts: 12,
      basis: 'posts',
    });
    // Raw typical multiplier: geometric mean of 0.24 and 0.36 against that of every post.
    expect(best.multiplier).toBeGreaterThan(2);
    expect(best.interval.low).toBeLessThan(best.multiplier);
    expect(best.interval.high).toBeGreaterThan(best.multiplier);
    // Every post of the summer-time months fell in the same local hours as the winter ones.
    expect(result.grid.posts[WEDNESDAY]![18]).toBe(12);
    expect(result.grid.posts[1]![9]).toBe(24);
    expect(result.grid.posts.flat().reduce((a, b) => a + b, 0)).toBe(84);
    // Distinct times: no two named hours within 2 hours of each other.
    const hours = result.ranked.map((r) => r.weekday * 24 + r.hour);
    for (const a of hours)
      for (const b of hours) if (a !== b) expect(Math.abs(a - b)).toBeGreaterThanOrEqual(3);
  });

  it("reads only the account's own posts", () => {
    const mixed = [...history(), ...history(OTHER_ACCOUNT, '07:15')];
    expect(bestTimes(mixed, { accountId: ACCOUNT, timeZone: PARIS, now: NOW })).toEqual(result);
    const other = bestTimes(mixed, { accountId: OTHER_ACCOUNT, timeZone: PARIS, now: NOW });
    expect(other.ranked[0]).toMatchObject({ weekday: WEDNESDAY, hour: 7 });
  });

  it('reads hours in the zone it is given: a Paris hour is two Tokyo hours over a year', () => {
    const tokyo = bestTimes(history(), { accountId: ACCOUNT, timeZone: 'Asia/Tokyo', now: NOW });
    // Wednesday 18:15 in Paris is Thursday 02:15 in Tokyo in winter and 01:15 in summer.
    expect(tokyo.grid.posts[4]![2]! + tokyo.grid.posts[4]![1]!).toBe(12);
    expect(tokyo.grid.posts[4]![2]).toBeGreaterThan(0);
    expect(tokyo.grid.posts[4]![1]).toBeGreaterThan(0);
  });

  it('backtests the advice on the last 12 weeks against the usual times', () => {
    const backtest = result.backtest;
    if (!backtest.supported) throw new Error(backtest.reason);
    expect(backtest.modelSlots[0]).toBe('Wednesday 18:00');
    // The usual times are the weekly ones (the best hour was used every other week only).
    expect([...backtest.baselineSlots].sort()).toEqual(['Friday 12:00', 'Monday 09:00', 'Sunday 10:00']);
    // Test posts: 6 on Wednesdays (3 at 240, 3 at 360) and 36 usual ones (18 at 80, 18 at 120).
    expect(backtest.n).toMatchObject({ model: 6, baseline: 36 });
    const model = Math.sqrt(0.24 * 0.36);
    const baseline = Math.sqrt(0.08 * 0.12);
    expect(backtest.model).toBeCloseTo(model, 12);
    expect(backtest.baseline).toBeCloseTo(baseline, 12);
    expect(backtest.improvement).toBeCloseTo(model / baseline - 1, 12);
    expect(backtest.interval!.low).toBeLessThanOrEqual(backtest.improvement);
    expect(backtest.interval!.high).toBeGreaterThanOrEqual(backtest.improvement);
    expect(backtest.interval!.low).toBeGreaterThan(1);
    expect(backtest.metric).toContain('per follower');
  });

  it('says so when the test window is too thin to judge', () => {
    const thin = backtestBestTimes(history(), {
      accountId: ACCOUNT,
      timeZone: PARIS,
      platform: 'sandbox',
      cut: new Date('2026-06-10T00:00:00Z'),
    });
    expect(thin).toMatchObject({ supported: false });
    expect(thin.supported === false && thin.reason).toMatch(/at least 5 in each/);
  });

  it('is the same for the same input, and valid against the stored schema', () => {
    const again = bestTimes(history(), { accountId: ACCOUNT, timeZone: PARIS, now: NOW });
    expect(again).toEqual(result);
    const parsed = smartScheduleResult.safeParse(
      JSON.parse(JSON.stringify({ accounts: [result], plan: null })),
    );
    expect(parsed.success).toBe(true);
  });
});

describe('bestTimes without enough history', () => {
  const options = { accountId: ACCOUNT, timeZone: PARIS, now: NOW };

  it('with no posts: not supported, the network curve ranks, nothing backtested', () => {
    const none = bestTimes([], { ...options, platform: 'mastodon' });
    expect(none.supported).toBe(false);
    expect(none.reason).toMatch(/Only 0 measured posts/);
    expect(none.evidence.postsUsed).toBe(0);
    expect(none.ranked.every((r) => r.basis === 'prior' && r.posts === 0)).toBe(true);
    expect(none.evidence.prior).toMatch(/generic/);
    expect(none.backtest.supported).toBe(false);
    // The generic curve's evening: a weekday hour between 17:00 and 20:00 leads.
    expect(none.ranked[0]!.weekday).toBeGreaterThanOrEqual(1);
    expect(none.ranked[0]!.weekday).toBeLessThanOrEqual(5);
    expect(none.ranked[0]!.hour).toBeGreaterThanOrEqual(17);
    expect(none.ranked[0]!.hour).toBeLessThanOrEqual(20);
  });

  it('with one post, or posts whose figures are all missing, says why', () => {
    const one = bestTimes([outcome({ local: '2026-04-01T12:00', timeZone: PARIS, engagement: 5 })], options);
    expect(one.supported).toBe(false);
    expect(one.reason).toMatch(/Only 1 measured post at least/);
    const nulls = history().map((o) => ({ ...o, engagement: null }));
    const unmeasured = bestTimes(nulls, options);
    expect(unmeasured.supported).toBe(false);
    expect(unmeasured.evidence.excluded.noFigures).toBe(nulls.length);
  });

  it('with every post in one hour: nothing to compare', () => {
    const same = weekly(START, 1, 20).map((date) =>
      outcome({ local: `${date}T09:15`, timeZone: PARIS, engagement: 100 }),
    );
    const result = bestTimes(same, options);
    expect(result.supported).toBe(false);
    expect(result.reason).toMatch(/only one weekday-and-hour slot/);
  });

  it('leaves out posts published after now and those still growing', () => {
    const recent = history().map((o) => ({ ...o, asOf: new Date(o.publishedAt.getTime() + 86_400_000) }));
    const result = bestTimes(recent, options);
    expect(result.evidence.excluded.immature).toBe(recent.length);
    const early = bestTimes(history(), { ...options, now: new Date('2026-02-01T00:00:00Z') });
    expect(early.evidence.postsUsed).toBeLessThan(20);
  });
});
