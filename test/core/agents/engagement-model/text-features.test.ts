import { describe, expect, it } from 'vitest';
import { lexiconSentiment } from '../../../../functions/core/agents/engagement-model/sentiment';
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

describe('lexiconSentiment', () => {
  it('scores tanh(sum / 4): "great" is tanh(0.5), a negated one its opposite', () => {
    expect(lexiconSentiment('This is great')).toBeCloseTo(Math.tanh(0.5), 10);
    expect(lexiconSentiment('This is not great')).toBeCloseTo(-Math.tanh(0.5), 10);
    expect(lexiconSentiment('We love it and the outage is over')).toBeCloseTo(Math.tanh((3 - 2) / 4), 10);
  });

  it('is 0 for neutral text and for words it does not know', () => {
    expect(lexiconSentiment('The meeting is on Tuesday')).toBe(0);
    expect(lexiconSentiment('Das ist wunderbar')).toBe(0);
    expect(lexiconSentiment('')).toBe(0);
  });
});
