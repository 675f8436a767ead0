import { describe, expect, it } from 'vitest';
import {
  bestTimes,
  planSchedule,
  smartSchedule,
  smartScheduleResult,
  type AccountBestTimes,
} from '../../../../functions/core/agents/best-time';
import type { Platform } from '../../../../functions/shared/platforms/catalog';
import { ACCOUNT, OTHER_ACCOUNT, outcome, weekly } from './fixtures';

const PARIS = 'Europe/Paris';
// Monday 4 May 2026, 08:00 in Paris (UTC+2).
const NOW = new Date('2026-05-04T06:00:00Z');

/** Best times with a hand-set grid: every hour 1x except those given ("weekday-hour": multiplier). */
function bestWith(
  multipliers: Record<string, number>,
  options: { timeZone?: string; platform?: Platform; accountId?: string } = {},
): AccountBestTimes {
  const base = bestTimes([], {
    accountId: options.accountId ?? ACCOUNT,
    timeZone: options.timeZone ?? PARIS,
    platform: options.platform ?? 'sandbox',
    now: NOW,
    backtest: false,
  });
  const grid = base.grid.multiplier.map((hours, weekday) =>
    hours.map((_, hour) => multipliers[`${weekday}-${hour}`] ?? 1),
  );
  return { ...base, supported: true, reason: undefined, grid: { ...base.grid, multiplier: grid } };
}

const drafts = (n: number, account = ACCOUNT) =>
  Array.from({ length: n }, (_, i) => ({ id: `d${i + 1}`, socialAccountId: account }));

const WEDNESDAY_EVENING = { '3-18': 3, '3-20': 2.5, '4-9': 2 };

describe('planSchedule', () => {
  it('takes the best hours, keeps the spacing, and gives the drafts out in time order', () => {
    const plan = planSchedule(drafts(2), [bestWith(WEDNESDAY_EVENING)], { now: NOW });
    // Wednesday 20:00 is 2 hours after 18:00, under the 3 hours of spacing: Thursday 09:00 instead.
    expect(plan.planned.map((p) => [p.draftId, p.localTime, p.at, p.multiplier])).toEqual([
      ['d1', '2026-05-06T18:00', '2026-05-06T16:00:00.000Z', 3],
      ['d2', '2026-05-07T09:00', '2026-05-07T07:00:00.000Z', 2],
    ]);
    expect(plan.planned[0]!.reason).toMatch(/^Wednesday 18:00 \(Europe\/Paris\)/);
    expect(plan.planned[0]!.timeZone).toBe(PARIS);
    expect(plan.unplaced).toEqual([]);
    expect(plan.settings).toMatchObject({ days: 7, minSpacingHours: 3, maxPerDay: 3 });
  });

  it('with less spacing takes both evening hours; with one post a day it does not', () => {
    const close = planSchedule(drafts(2), [bestWith(WEDNESDAY_EVENING)], { now: NOW, minSpacingHours: 1 });
    expect(close.planned.map((p) => p.localTime)).toEqual(['2026-05-06T18:00', '2026-05-06T20:00']);
    const daily = planSchedule(drafts(2), [bestWith(WEDNESDAY_EVENING)], {
      now: NOW,
      minSpacingHours: 1,
      maxPerDay: 1,
    });
    expect(daily.planned.map((p) => p.localTime)).toEqual(['2026-05-06T18:00', '2026-05-07T09:00']);
  });

  it('keeps away from posts already scheduled, and breaks ties by the earlier hour', () => {
    const plan = planSchedule(drafts(2), [bestWith(WEDNESDAY_EVENING)], {
      now: NOW,
      busy: [{ socialAccountId: ACCOUNT, at: new Date('2026-05-06T15:30:00Z') }], // Wednesday 17:30
    });
    // 18:00 and 20:00 are within 3 hours of 17:30; Thursday 09:00, then the first 1x hour after
    // the 15-minute lead: Monday 09:00.
    expect(plan.planned.map((p) => p.localTime)).toEqual(['2026-05-04T09:00', '2026-05-07T09:00']);
  });

  it("keeps every 24 hours within the network's publishing limit", () => {
    const plan = planSchedule(
      drafts(3),
      [bestWith({ '3-18': 3, '3-19': 2.9, '3-20': 2.8 }, { platform: 'instagram' })],
      {
        now: NOW,
        minSpacingHours: 0,
        maxPerDay: 10,
        networkDailyLimits: { instagram: 2 },
      },
    );
    const times = plan.planned.map((p) => new Date(p.at).getTime());
    for (const end of times)
      expect(times.filter((t) => t > end - 86_400_000 && t <= end).length).toBeLessThanOrEqual(2);
    expect(plan.planned.map((p) => p.localTime)).toEqual([
      '2026-05-04T09:00',
      '2026-05-06T18:00',
      '2026-05-06T19:00',
    ]);
  });

  it('lists drafts that do not fit, and those of accounts without best times', () => {
    const plan = planSchedule([...drafts(3), { id: 'x', socialAccountId: OTHER_ACCOUNT }], [bestWith({})], {
      now: NOW,
      days: 1,
      maxPerDay: 1,
    });
    // One day from Monday 08:00: Monday and Tuesday morning, one post each.
    expect(plan.planned.map((p) => p.localTime)).toEqual(['2026-05-04T09:00', '2026-05-05T00:00']);
    expect(plan.unplaced.map((u) => u.draftId)).toEqual(['d3', 'x']);
    expect(plan.unplaced[0]!.reason).toMatch(/No free hour left in the next 1 days/);
    expect(plan.unplaced[1]!.reason).toMatch(/No best times/);
  });

  it('never proposes the hour skipped by summer time, and takes the earlier of a repeated hour', () => {
    // Paris skips 02:00-03:00 on Sunday 29 March 2026; 02:00 Sunday is the best hour on paper.
    const spring = planSchedule(drafts(1), [bestWith({ '0-2': 5, '0-3': 4 })], {
      now: new Date('2026-03-28T11:00:00Z'),
      days: 2,
    });
    expect(spring.planned[0]).toMatchObject({
      localTime: '2026-03-29T03:00',
      at: '2026-03-29T01:00:00.000Z',
    });
    // New York repeats 01:00-02:00 on Sunday 1 November 2026: the first, in summer time.
    const fall = planSchedule(drafts(1), [bestWith({ '0-1': 5 }, { timeZone: 'America/New_York' })], {
      now: new Date('2026-10-31T16:00:00Z'),
      days: 2,
    });
    expect(fall.planned[0]).toMatchObject({ localTime: '2026-11-01T01:00', at: '2026-11-01T05:00:00.000Z' });
  });
});

describe('smartSchedule', () => {
  it('gives each account its best times and the plan, valid against the stored schema', () => {
    const outcomes = ['10:15', '18:15'].flatMap((time, i) =>
      weekly('2026-01-05', 3, 16).map((date) =>
        outcome({ local: `${date}T${time}`, timeZone: PARIS, engagement: i === 1 ? 300 : 100 }),
      ),
    );
    const input = {
      outcomes,
      accounts: [{ accountId: ACCOUNT, platform: 'sandbox' as const, timeZone: PARIS }],
      drafts: drafts(1),
      now: NOW,
    };
    const result = smartSchedule(input);
    expect(result.accounts[0]!.ranked[0]!.label).toBe('Wednesday 18:00');
    expect(result.plan!.planned[0]).toMatchObject({
      draftId: 'd1',
      localTime: '2026-05-06T18:00',
      basis: 'posts',
    });
    expect(result.plan!.planned[0]!.reason).toMatch(/16 posts of the account in this hour/);
    expect(smartScheduleResult.safeParse(JSON.parse(JSON.stringify(result))).success).toBe(true);
    expect(smartSchedule(input)).toEqual(result);
    expect(smartSchedule({ ...input, drafts: [] }).plan).toBeNull();
  });
});
