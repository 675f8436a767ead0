import { describe, expect, it } from 'vitest';
import {
  predictDraftEngagement,
  predictPost,
  trainEngagementModel,
  type EngagementDraft,
} from '../../../../functions/core/agents/engagement-model';
import { NEW_YORK, outcome, PARIS, plantedHistory, wallTime, zonesOf } from './fixtures';

const NOW = new Date('2027-01-10T12:00:00Z');
const zones = zonesOf([PARIS, NEW_YORK]);
const planned = wallTime('Europe/Paris', '2027-01-11', 9, 15);
const draft = (fields: Partial<EngagementDraft> = {}): EngagementDraft => ({
  socialAccountId: PARIS.id,
  platform: 'sandbox',
  text: 'Notes from the team this week.',
  mediaCount: 0,
  plannedAt: planned,
  ...fields,
});

describe('priors when the history is thin', () => {
  // Ten weeks of one account: 30 posts, of which 26 have a baseline: under the 60 the model needs.
  const thin = plantedHistory([PARIS], { from: '2026-10-26', weeks: 10 });

  it('predicts the account median with x/÷ 4 and says why', () => {
    const result = predictDraftEngagement({ outcomes: thin, zones, now: NOW, draft: draft() });
    if (!result.supported) throw new Error(result.reason);
    expect(result.basis).toBe('priors');
    expect(result.reason).toMatch(/trainable posts .*the model needs 60/);
    const last12 = thin
      .filter((o) => o.publishedAt.getTime() <= NOW.getTime() - 3 * 86_400_000)
      .slice(-12)
      .map((o) => o.engagement as number)
      .sort((a, b) => a - b);
    const median = (last12[5]! + last12[6]!) / 2;
    expect(result.prediction.engagement).toBe(median);
    expect(result.prediction.interval).toEqual({ low: median / 4, high: median * 4, level: 0.8 });
    expect(result.prediction.baseline).toEqual({ engagement: median, posts: 12, source: 'account median' });
    expect(result.factors).toEqual([]);
    expect(result.suggestions).toEqual([]);
    expect(result.backtest).toMatchObject({ supported: false });
  });

  it('uses the account followers times the network rate for an account without posts (x/÷ 10)', () => {
    const result = predictDraftEngagement({
      outcomes: thin,
      zones,
      now: NOW,
      draft: draft({
        socialAccountId: 'cccccccc-0000-4000-8000-000000000003',
        platform: 'instagram',
        followers: 2000,
      }),
    });
    if (!result.supported) throw new Error(result.reason);
    // 2,000 x 0.5 %.
    expect(result.prediction.engagement).toBeCloseTo(10, 10);
    expect(result.prediction.interval.low).toBeCloseTo(1, 10);
    expect(result.prediction.interval.high).toBeCloseTo(100, 10);
    expect(result.prediction.baseline.source).toBe('followers');
  });

  it('falls back to the organization median on the network when the account has neither posts nor followers', () => {
    const mixed = [
      ...[10, 20, 30].map((engagement, i) =>
        outcome({
          socialAccountId: PARIS.id,
          platform: 'mastodon',
          publishedAt: new Date(Date.UTC(2026, 10, 1 + i)),
          engagement,
        }),
      ),
      outcome({
        socialAccountId: NEW_YORK.id,
        platform: 'sandbox',
        publishedAt: new Date(Date.UTC(2026, 10, 5)),
        engagement: 900,
      }),
    ];
    const result = predictDraftEngagement({
      outcomes: mixed,
      zones,
      now: NOW,
      draft: draft({
        socialAccountId: 'dddddddd-0000-4000-8000-000000000004',
        platform: 'mastodon',
        followers: null,
      }),
    });
    if (!result.supported) throw new Error(result.reason);
    expect(result.prediction.engagement).toBe(20);
    expect(result.prediction.baseline).toEqual({ engagement: 20, posts: 3, source: 'organization median' });
    expect(result.prediction.interval).toEqual({ low: 2, high: 200, level: 0.8 });
  });

  it('says it cannot predict with no mature post and no follower count', () => {
    for (const outcomes of [
      [],
      // Figures never synced, or synced only a day after publication: nothing mature.
      [
        outcome({
          socialAccountId: PARIS.id,
          publishedAt: new Date('2027-01-01T10:00:00Z'),
          engagement: null,
          followersAtPublish: null,
        }),
      ],
      [
        outcome({
          socialAccountId: PARIS.id,
          publishedAt: new Date('2027-01-01T10:00:00Z'),
          asOf: new Date('2027-01-02T10:00:00Z'),
          followersAtPublish: null,
        }),
      ],
    ]) {
      const result = predictDraftEngagement({ outcomes, zones, now: NOW, draft: draft({ followers: null }) });
      expect(result.supported).toBe(false);
      if (!result.supported) {
        expect(result.reason).toMatch(/nothing to predict from/);
        expect(result.backtest).toMatchObject({ supported: false, tested: 0 });
      }
    }
  });

  it('uses one post when that is all there is', () => {
    const one = [
      outcome({ socialAccountId: PARIS.id, publishedAt: new Date('2026-12-01T10:00:00Z'), engagement: 42 }),
    ];
    const result = predictDraftEngagement({ outcomes: one, zones, now: NOW, draft: draft() });
    if (!result.supported) throw new Error(result.reason);
    expect(result.prediction.engagement).toBe(42);
    expect(result.prediction.baseline).toEqual({ engagement: 42, posts: 1, source: 'account median' });
  });
});

describe('priors within a fitted organization', () => {
  const outcomes = plantedHistory([PARIS, NEW_YORK], { from: '2026-01-05', weeks: 52 });
  const model = trainEngagementModel(outcomes, { asOf: NOW, zones });

  it('answers a network the model has no posts on from the priors, naming it', () => {
    const prediction = predictPost(
      model,
      {
        socialAccountId: PARIS.id,
        platform: 'mastodon',
        text: 'Hello',
        mediaCount: 0,
        publishedAt: planned,
        followersAtPublish: null,
      },
      NOW,
    )!;
    expect(model.basis).toBe('model');
    expect(prediction.basis).toBe('priors');
    expect(prediction.reason).toBe('the model has no trained posts on mastodon');
    expect(prediction.baseline.source).toBe('account median');
  });

  it('answers an account with fewer than 3 mature posts from the priors', () => {
    const newcomer = 'eeeeeeee-0000-4000-8000-000000000005';
    const withNewcomer = [
      ...outcomes,
      outcome({
        socialAccountId: newcomer,
        publishedAt: new Date('2027-01-01T10:00:00Z'),
        engagement: 7,
        asOf: NOW,
      }),
    ];
    const fitted = trainEngagementModel(withNewcomer, { asOf: NOW, zones });
    const prediction = predictPost(
      fitted,
      {
        socialAccountId: newcomer,
        platform: 'sandbox',
        text: 'Hello',
        mediaCount: 0,
        publishedAt: planned,
        followersAtPublish: 300,
      },
      NOW,
    )!;
    expect(prediction.basis).toBe('priors');
    expect(prediction.reason).toMatch(/fewer than 3 mature posts/);
    expect(prediction.engagement).toBe(7);
  });
});
