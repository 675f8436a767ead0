import { describe, expect, it } from 'vitest';
import { postTone } from '../../../../functions/core/agents/engagement-model/sentiment';
import { scoreSentiment } from '../../../../functions/core/agents/sentiment';
import { textFeatures } from '../../../../functions/core/agents/engagement-model/text-features';

describe('textFeatures', () => {
  it('counts hashtags, links and a question, not a question mark inside a link', () => {
    expect(textFeatures('New planner is live #launch #tips https://example.com/a?b=1')).toEqual({
      length: 59,
      hashtags: 2,
      links: 1,
      question: false,
    });
    expect(textFeatures('What would you build with it? #launch')).toMatchObject({
      hashtags: 1,
      links: 0,
      question: true,
    });
  });

  it('counts graphemes, so an emoji family is one character', () => {
    expect(textFeatures('Team 👨‍👩‍👧').length).toBe(6);
  });

  it('finds hashtags in other scripts and protocol-less links', () => {
    expect(textFeatures('新製品 #新製品 example.com で').hashtags).toBe(1);
    expect(textFeatures('Read it on example.com today').links).toBe(1);
  });

  it('gives an empty text zeros', () => {
    expect(textFeatures('')).toEqual({ length: 0, hashtags: 0, links: 0, question: false });
  });
});

describe('postTone (the sentiment core, as the predictor reads it)', () => {
  it("is the sentiment core's score: warm text above 0, a negated one below, mixed text between", () => {
    expect(postTone('This is great')).toBe(scoreSentiment('This is great').score);
    expect(postTone('This is great')).toBeGreaterThan(0.3);
    expect(postTone('This is not great')).toBeLessThan(0);
    const mixed = postTone('We love it and the outage is over');
    expect(mixed).toBeGreaterThan(postTone('The outage is over'));
    expect(mixed).toBeLessThan(postTone('We love it'));
  });

  it('is 0 for neutral text and for words it does not know', () => {
    expect(postTone('The meeting is on Tuesday')).toBe(0);
    expect(postTone('Das ist wunderbar')).toBe(0);
    expect(postTone('')).toBe(0);
  });
});
