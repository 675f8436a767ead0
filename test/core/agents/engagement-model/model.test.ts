import { describe, expect, it } from 'vitest';
import {
  predictPost,
  trainEngagementModel,
  type FittedEngagementModel,
} from '../../../../functions/core/agents/engagement-model';
import { topFactors } from '../../../../functions/core/agents/engagement-model/factors';
import { FEATURES, type PostInput } from '../../../../functions/core/agents/engagement-model/features';
import { editSuggestions } from '../../../../functions/core/agents/engagement-model/suggestions';
import { IMAGE_FACTOR, NEW_YORK, PARIS, PEAK_FACTOR, plantedHistory, wallTime, zonesOf } from './fixtures';

// A year of three posts a week on two accounts: Paris (base 100, peak Friday 18:00) and New
// York (base 40, peak Tuesday 08:00); a picture doubles engagement, the peak triples it.
const accounts = [PARIS, NEW_YORK];
const outcomes = plantedHistory(accounts, { from: '2026-01-05', weeks: 52 });
const NOW = new Date('2027-01-10T12:00:00Z');
const model = trainEngagementModel(outcomes, {
  asOf: NOW,
  zones: zonesOf(accounts),
}) as FittedEngagementModel;

const draft = (fields: Partial<PostInput> & { publishedAt: Date }): PostInput => ({
  socialAccountId: PARIS.id,
  platform: 'sandbox',
  text: 'Week notes from the team, with the usual round-up of what changed. #tag',
  mediaCount: 0,
  followersAtPublish: 1000,
  ...fields,
});
const MONDAY_9 = wallTime('Europe/Paris', '2027-01-11', 9, 15);

describe('trainEngagementModel on a history with planted effects', () => {
  it('fits a model on every mature post with a baseline', () => {
    expect(model.basis).toBe('model');
    // 312 posts; each account's posts of its first 3 days + 3 of lag have no baseline: 4 each.
    expect(model.trainedOn).toBe(304);
    expect(model.design.platforms).toEqual(['sandbox']);
  });

  it('predicts an ordinary post near its planted median, inside its interval', () => {
    const ordinary = predictPost(model, draft({ publishedAt: MONDAY_9 }), NOW)!;
    expect(ordinary.basis).toBe('model');
    expect(ordinary.engagement).toBeGreaterThan(PARIS.base * 0.8);
    expect(ordinary.engagement).toBeLessThan(PARIS.base * 1.25);
    expect(ordinary.low).toBeLessThan(PARIS.base);
    expect(ordinary.high).toBeGreaterThan(PARIS.base);
    // Noise of sigma 0.3: an 80 % band of about x/÷ 1.47; the interval is not much wider.
    expect(ordinary.high / ordinary.low).toBeLessThan(2.6);
  });

  it('predicts a pictured post at the peak at about base x 2 x 3', () => {
    const best = predictPost(
      model,
      draft({ publishedAt: wallTime('Europe/Paris', '2027-01-15', 18, 15), mediaCount: 1 }),
      NOW,
    )!;
    const planted = PARIS.base * IMAGE_FACTOR * PEAK_FACTOR;
    expect(best.engagement).toBeGreaterThan(planted * 0.8);
    expect(best.engagement).toBeLessThan(planted * 1.25);
  });

  it('does not extrapolate: 40 and 80 hashtags are both predicted as the longest, most tagged post it has seen', () => {
    // 230 and 430 characters: both past the longest training text (181) and its most tags (3).
    const tags = (n: number) => `Notes from the team this week.${' #tag'.repeat(n)}`;
    const forty = predictPost(model, draft({ publishedAt: MONDAY_9, text: tags(40) }), NOW)!;
    const eighty = predictPost(model, draft({ publishedAt: MONDAY_9, text: tags(80) }), NOW)!;
    expect(forty.engagement).toBeCloseTo(eighty.engagement, 9);
    expect(forty.engagement).toBeLessThan(PARIS.base * 1.5);
  });
});

describe('factors and edit suggestions', () => {
  const prediction = predictPost(model, draft({ publishedAt: MONDAY_9 }), NOW)!;
  const row = prediction.row!;

  it('names timing and the missing picture among the top three factors, both pulling down', () => {
    const factors = topFactors(model, PARIS.id, row);
    expect(factors).toHaveLength(3);
    const byName = new Map(factors.map((f) => [f.factor, f]));
    expect(byName.get('timing')!.multiplier).toBeLessThan(0.9);
    expect(byName.get('timing')!.value).toBe('Monday 09:00 (Europe/Paris), 50 earlier posts in that hour');
    expect(byName.get('media')!.multiplier).toBeLessThan(0.9);
    expect(byName.get('media')!.value).toBe('no media');
    expect(byName.get('media')!.percent).toBe(Math.round((byName.get('media')!.multiplier - 1) * 100));
    // Both are planted, so both are told as supported, their intervals below 1.
    for (const name of ['timing', 'media'] as const) {
      expect(byName.get(name)!.supported).toBe(true);
      expect(byName.get(name)!.interval[1]).toBeLessThan(1);
      expect(byName.get(name)!.interval[0]).toBeLessThan(byName.get(name)!.multiplier);
    }
  });

  it('suggests the planted peak (+200 %) and a picture (+100 %), with intervals above 0, and nothing for hashtags', () => {
    const { suggestions, withheld } = editSuggestions(model, draft({ publishedAt: MONDAY_9 }), row, NOW);
    const timing = suggestions.find((s) => s.kind === 'timing')!;
    expect(timing.to).toBe('Friday 18:00');
    expect(timing.at).toBe(wallTime('Europe/Paris', '2027-01-15', 18, 15).toISOString());
    expect(timing.gainPercent).toBeGreaterThan(150);
    expect(timing.gainPercent).toBeLessThan(260);
    expect(timing.gainInterval[0]).toBeGreaterThan(0);
    const media = suggestions.find((s) => s.kind === 'media')!;
    expect(media.gainPercent).toBeGreaterThan(75);
    expect(media.gainPercent).toBeLessThan(130);
    // gainPercent is rounded to 0.1 %, and engagement is expm1 of the log prediction (the 1 moves it a little).
    expect(media.engagement / (prediction.engagement * (1 + media.gainPercent / 100))).toBeCloseTo(1, 2);
    // Hashtags and length do nothing here: never suggested (at most withheld, with the reason).
    expect(suggestions.map((s) => s.kind).sort()).toEqual(['media', 'timing']);
    for (const w of withheld) expect(w.reason).toMatch(/includes no change/);
  });

  it('suggests times by the wall clock of the account across DST: New York 08:15 is 13:15 UTC in winter, 12:15 in summer', () => {
    const newYork = (publishedAt: Date) =>
      draft({ socialAccountId: NEW_YORK.id, publishedAt, text: 'Notes from the team this week.' });
    for (const [planned, expected] of [
      [wallTime('America/New_York', '2027-01-14', 12, 15), '2027-01-19T13:15:00.000Z'],
      [wallTime('America/New_York', '2027-07-15', 12, 15), '2027-07-20T12:15:00.000Z'],
    ] as const) {
      const post = newYork(planned);
      const own = predictPost(model, post, NOW)!;
      const { suggestions } = editSuggestions(model, post, own.row!, NOW);
      const timing = suggestions.find((s) => s.kind === 'timing')!;
      expect(timing.text).toBe('Post on Tuesday 08:00 (America/New_York) instead of Thursday 12:00');
      expect(timing.at).toBe(expected);
    }
  });

  it('suggests nothing for a draft that is already at the peak with a picture', () => {
    const best = draft({ publishedAt: wallTime('Europe/Paris', '2027-01-15', 18, 15), mediaCount: 1 });
    const own = predictPost(model, best, NOW)!;
    const { suggestions } = editSuggestions(model, best, own.row!, NOW);
    expect(suggestions.filter((s) => s.kind === 'timing' || s.kind === 'media')).toEqual([]);
  });
});

describe('a draft beyond the training posts', () => {
  it('speaks of the draft as it is while predicting it clamped', () => {
    const text = `Notes from the team this week.${' #tag'.repeat(40)}`;
    const post = draft({ publishedAt: MONDAY_9, text });
    const prediction = predictPost(model, post, NOW)!;
    expect(prediction.row!.content.hashtags).toBe(40);
    const hashtags = topFactors(model, PARIS.id, prediction.row!, FEATURES.length).find(
      (f) => f.factor === 'hashtags',
    )!;
    expect(hashtags.value).toBe('40 hashtags');
    // Its effect is that of the most tagged training post (3), not a line drawn out to 40.
    const three = predictPost(
      model,
      draft({ publishedAt: MONDAY_9, text: `Notes from the team this week.${' #tag'.repeat(3)}` }),
      NOW,
    )!;
    const atThree = topFactors(model, PARIS.id, three.row!, FEATURES.length).find(
      (f) => f.factor === 'hashtags',
    )!;
    expect(hashtags.multiplier).toBeCloseTo(atThree.multiplier, 9);
  });
});
