import { describe, expect, it } from 'vitest';
import { analyzeTrends } from '../../../../functions/core/agents/trends/analyze-trends';
import { detectBursts } from '../../../../functions/core/agents/trends/detect-bursts';
import { mostFrequentTerms, risingTerms } from '../../../../functions/core/agents/trends/naive-trends';
import { trendAnalysisSchema } from '../../../../functions/core/agents/trends/result';
import type { TrendText } from '../../../../functions/core/agents/trends/trend-texts';

const DAY = 86_400_000;
const start = Date.parse('2026-03-01T00:00:00Z');
const at = (day: number, hour: number) => new Date(start + day * DAY + hour * 3_600_000);

/**
 * A bakery's 28 quiet days (2 posts a day, a mention every 7th day: 60 texts), then on
 * 2026-03-29 its 2 usual posts, 3 mentions about a broken oven and a competitor's post on it.
 */
function history(): TrendText[] {
  const texts: TrendText[] = [];
  for (let day = 0; day <= 28; day += 1) {
    texts.push({ key: `a${day}`, source: 'ownPosts', at: at(day, 8), text: 'Fresh sourdough bread this morning' });
    texts.push({ key: `b${day}`, source: 'ownPosts', at: at(day, 12), text: 'Visit our bakery in Lyon' });
    if (day % 7 === 0 && day < 28)
      texts.push({ key: `m${day}`, source: 'mentions', at: at(day, 15), text: 'Great croissants at the bakery' });
  }
  for (let i = 0; i < 3; i += 1)
    texts.push({ key: `crisis${i}`, source: 'mentions', at: at(28, 9 + i), text: 'The oven broke, no bread today #OvenFail' });
  texts.push({ key: 'rival', source: 'competitorPosts', at: at(28, 14), text: 'Our oven works fine #ovenfail' });
  return texts;
}

const window = { from: at(28, 0), to: at(29, 0) };

describe('detectBursts', () => {
  it('ranks the oven terms of the window, with their evidence, and not the bread it always talks about', () => {
    const result = detectBursts(history(), { window });
    expect(result.texts).toEqual({
      window: { ownPosts: 2, mentions: 3, competitorPosts: 1 },
      baseline: { ownPosts: 56, mentions: 4, competitorPosts: 0 },
    });
    // Tested (3 window uses or more): #ovenfail 4, oven 4, bread 4 (28 before), broke 3, today 3.
    expect(result.tested).toBe(5);
    expect(result.bursts.map((b) => b.term)).toEqual(['#ovenfail', 'oven', 'broke', 'today']);
    const [tag] = result.bursts;
    // New terms: all uses in a window holding 6 of 66 texts, p = (1/11)^4.
    expect(tag).toEqual({
      term: '#ovenfail',
      kind: 'hashtag',
      countWindow: 4,
      countBaseline: 0,
      expected: 0,
      growth: null,
      pValue: expect.closeTo(11 ** -4, 15),
      qValue: expect.closeTo((11 ** -4 * 5) / 2, 15),
      score: expect.closeTo(4 * Math.log10(11), 9),
      sources: { ownPosts: 0, mentions: 3, competitorPosts: 1 },
      counts: [4],
      peak: { bucket: '2026-03-29', count: 4 },
      firstSeen: '2026-03-29T09:00:00.000Z',
      related: ['oven', 'broke', 'today'],
    });
    expect(result.bursts[2]).toMatchObject({ term: 'broke', countWindow: 3, pValue: expect.closeTo(11 ** -3, 15) });
  });

  it('measures a term against its own history: a usual term used more is a burst only past the lift', () => {
    // "bread": 4 uses in the window against 28 in 60 baseline texts: expected 2.8, growth 1.43.
    const result = detectBursts(history(), { window, minLift: 1, maxQValue: 1 });
    const bread = result.bursts.find((b) => b.term === 'bread')!;
    expect(bread.expected).toBeCloseTo((28 * 6) / 60, 12);
    expect(bread.growth).toBeCloseTo(4 / 2.8, 12);
    expect(detectBursts(history(), { window }).bursts.some((b) => b.term === 'bread')).toBe(false);
  });

  it('needs the minimum support: two uses are not a trend', () => {
    const result = detectBursts(history(), { window, minSupport: 5 });
    expect(result.bursts).toEqual([]);
    expect(result.tested).toBe(0);
  });

  it('buckets by the hour in the zone, across a DST change', () => {
    // 2026-03-29 in Paris: 23:00Z on the 28th to 22:00Z on the 29th, 23 hours (02:00 is skipped).
    const paris = detectBursts(history(), {
      window: { from: new Date('2026-03-28T23:00:00Z'), to: new Date('2026-03-29T22:00:00Z') },
      bucket: 'hour',
      timeZone: 'Europe/Paris',
    });
    expect(paris.buckets).toHaveLength(23);
    expect(paris.buckets).not.toContain('2026-03-29T02');
    // The mentions at 09:00, 10:00, 11:00 UTC are 11:00, 12:00, 13:00 in Paris (CEST).
    const tag = paris.bursts.find((b) => b.term === '#ovenfail')!;
    expect(tag.peak).toEqual({ bucket: '2026-03-29T11', count: 1 });
    expect(tag.counts.reduce((n, c) => n + c, 0)).toBe(4);
  });

  it('says nothing on no texts', () => {
    const empty = detectBursts([], { window });
    expect(empty.bursts).toEqual([]);
    expect(empty.buckets).toEqual(['2026-03-29']);
  });
});

describe('naive baselines', () => {
  it('the most frequent terms of the window are the bakery’s usual words', () => {
    // bread, #ovenfail and oven are used in 4 texts each: alphabetical on the tie.
    expect(mostFrequentTerms(history(), window, 3)).toEqual(['#ovenfail', 'bread', 'oven']);
  });

  it('the rising rule ranks by extra uses over the day before', () => {
    expect(risingTerms(history(), window, { minSupport: 3, limit: 3 })).toEqual(['#ovenfail', 'oven', 'bread']);
  });
});

describe('analyzeTrends', () => {
  it('validates, and says when the baseline is too thin to claim a burst', () => {
    const full = analyzeTrends(history(), { window });
    expect(trendAnalysisSchema.parse(full)).toEqual(full);
    expect(full.support).toEqual({ supported: true });
    // 7 days of baseline: 14 posts and a mention.
    const thin = analyzeTrends(history(), { window, baselineDays: 7 });
    expect(thin.bursts).toEqual([]);
    expect(thin.support).toEqual({
      supported: false,
      reason: "15 texts in the 7 days before the window: at least 30 are needed to tell a burst from a term's usual use.",
    });
    // Eight past days have a full 7-day baseline, and in this quiet history none bursts or rises.
    expect(thin.backtest).toEqual({
      supported: false,
      reason: 'Too few past flags to judge (0 bursts, 0 rising terms in 8 windows).',
    });
    // With the 28-day baseline no past window has a full one.
    expect(full.backtest).toEqual({ supported: false, reason: '0 past windows with a full baseline: at least 4 are needed.' });
    expect(analyzeTrends(history(), { window })).toEqual(full);
  });
});
