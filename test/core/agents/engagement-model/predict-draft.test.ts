import { describe, expect, it } from 'vitest';
import {
  engagementPredictionSchema,
  predictDraftEngagement,
  type EngagementPredictorInput,
} from '../../../../functions/core/agents/engagement-model';
import { NEW_YORK, PARIS, plantedHistory, wallTime, zonesOf } from './fixtures';

const input: EngagementPredictorInput = {
  outcomes: plantedHistory([PARIS, NEW_YORK], { from: '2026-01-05', weeks: 52 }),
  zones: zonesOf([PARIS, NEW_YORK]),
  now: new Date('2027-01-10T12:00:00Z'),
  draft: {
    socialAccountId: PARIS.id,
    platform: 'sandbox',
    text: 'Week notes from the team, with the usual round-up of what changed. #tag',
    mediaCount: 0,
    plannedAt: wallTime('Europe/Paris', '2027-01-11', 9, 15),
  },
};

describe('predictDraftEngagement', () => {
  const result = predictDraftEngagement(input);

  it('answers with the prediction, its evidence and the backtest, valid against the stored schema', () => {
    expect(engagementPredictionSchema.parse(result)).toEqual(result);
    if (!result.supported) throw new Error(result.reason);
    expect(result.basis).toBe('model');
    expect(result.draft).toEqual({
      socialAccountId: PARIS.id,
      platform: 'sandbox',
      plannedAt: '2027-01-11T08:15:00.000Z',
      timeZone: 'Europe/Paris',
      length: 71,
      hashtags: 1,
      links: 0,
      question: false,
      mediaCount: 0,
      sentiment: 0,
    });
    expect(result.prediction.interval.level).toBe(0.8);
    expect(result.prediction.interval.low).toBeLessThan(result.prediction.engagement);
    expect(result.prediction.interval.high).toBeGreaterThan(result.prediction.engagement);
    expect(result.evidence).toMatchObject({
      asOf: '2027-01-10T12:00:00.000Z',
      trainedOn: 304,
      calibrationPosts: 304,
    });
    const media = result.evidence.coefficients.find((c) => c.feature === 'media')!;
    // Planted: a picture doubles engagement (log 2 = 0.69).
    expect(media.perUnit).toBeGreaterThan(0.6);
    expect(media.perUnit).toBeLessThan(0.8);
    expect(media.standardError).toBeLessThan(0.06);
    expect(result.suggestions.map((s) => s.kind)).toEqual(['timing', 'media']);
    expect(result.backtest.supported).toBe(true);
  });

  it('is deterministic and JSON-serialisable', () => {
    const again = predictDraftEngagement(input);
    expect(again).toEqual(result);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('does not depend on the order the outcomes come in', () => {
    const reversed = predictDraftEngagement({ ...input, outcomes: [...input.outcomes].reverse() });
    expect(reversed).toEqual(result);
  });
});
