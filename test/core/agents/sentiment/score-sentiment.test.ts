import { describe, expect, it } from 'vitest';
import {
  CONFIDENCE_BY_EVIDENCE,
  LABEL_THRESHOLD,
  scoreSentiment,
  sentimentScoreSchema,
} from '../../../../functions/core/agents/sentiment';
import { planMentions } from '../../../../functions/platforms/sandbox/history/mentions';

const label = (text: string) => scoreSentiment(text).label;
const score = (text: string) => scoreSentiment(text).score;

describe('scoreSentiment', () => {
  it('reads plain praise and blame, normalised as VADER does: one AFINN +3 word is 3 / sqrt(9 + 15)', () => {
    expect(scoreSentiment('The support team was great')).toEqual({
      score: 0.61,
      label: 'positive',
      confidence: CONFIDENCE_BY_EVIDENCE.clear,
      words: [{ word: 'great', weight: 3 }],
      supported: true,
    });
    expect(label('Worst delivery ever')).toBe('negative');
    expect(label('The store opens at 9 on Monday')).toBe('neutral');
  });

  it('turns negated words around (x -0.75), through determiners, but not across a comma', () => {
    expect(scoreSentiment('not good').words).toEqual([{ word: 'good', weight: -2.25 }]);
    expect(label('Not bad at all')).toBe('positive');
    expect(label('Never had a single problem with them')).toBe('positive');
    expect(scoreSentiment('No, great service').words).toEqual([{ word: 'great', weight: 3 }]);
  });

  it('weighs boosters, capitals and exclamation marks up, and what follows "but" over what precedes it', () => {
    expect(score('really good')).toBeGreaterThan(score('good'));
    expect(score('This is GOOD news')).toBeGreaterThan(score('This is good news'));
    expect(score('good!!!')).toBeGreaterThan(score('good'));
    expect(label('The food was good but the service was painfully slow')).toBe('negative');
  });

  it('reads emoji and emoticons, including ones newer than the package table', () => {
    expect(label('Northwind 😡')).toBe('negative');
    expect(label('Northwind 👍')).toBe('positive');
    expect(label('new menu is 🔥')).toBe('positive');
    expect(label('delivery came today :)')).toBe('positive');
    expect(label('delivery came today :(')).toBe('negative');
    // An emoji is not negated by the words before it.
    expect(label('removed my favourite show without notice 😢 😢')).toBe('negative');
  });

  it('splits hashtags into words and drops @handles, links and e-mail addresses', () => {
    expect(label('#fail')).toBe('negative');
    expect(label('Ordered from them #NeverAgain')).toBe('negative');
    expect(
      scoreSentiment('@greatbrand see https://awful.example/bad-worst or mail love@example.com'),
    ).toMatchObject({
      score: 0,
      label: 'neutral',
      words: [],
    });
  });

  it('knows brand talk: service failures without an emotional word, and praise in idioms', () => {
    expect(label('The app logged me out twice today')).toBe('negative');
    expect(label('On hold for 40 minutes and still no answer')).toBe('negative');
    expect(label('Is the site down again?')).toBe('negative');
    expect(label('Cannot recommend them enough')).toBe('positive');
    expect(label('Customer support replied on Sunday')).toBe('neutral');
  });

  it('reads the usual sarcasm cues: 🙄, "love that for me", scare quotes, a lone "Great." after a complaint', () => {
    expect(label('Oh great, the app is down again. Love that for me 🙄')).toBe('negative');
    expect(label("The 'smart' vacuum ate my cable")).toBe('negative');
    expect(label('Screen cracked after a week. Warranty refused. Great.')).toBe('negative');
    expect(label('Parcel arrived early. Great.')).toBe('positive');
  });

  it('stays within the mentions table: -1..1 with two decimals, the label from the threshold', () => {
    for (const text of [
      'love love love love love it!!! 😍😍😍',
      'worst worst worst awful terrible 😡😡',
      'ok',
    ]) {
      const result = scoreSentiment(text);
      expect(Math.abs(result.score)).toBeLessThanOrEqual(1);
      expect(Math.round(result.score * 100) / 100).toBe(result.score);
      const expected =
        result.score >= LABEL_THRESHOLD
          ? 'positive'
          : result.score <= -LABEL_THRESHOLD
            ? 'negative'
            : 'neutral';
      expect(result.label).toBe(expected);
      expect(() => sentimentScoreSchema.parse(result)).not.toThrow();
    }
  });

  it('gives no opinion on text it cannot read: another language, empty text', () => {
    const french = scoreSentiment('Service client nul, je suis furieux', { language: 'fr' });
    expect(french).toEqual({ score: 0, label: 'neutral', confidence: 0, words: [], supported: false });
    expect(scoreSentiment('最悪のサービスでした').supported).toBe(false);
    expect(scoreSentiment('Great service', { language: 'en-GB' }).label).toBe('positive');
    expect(scoreSentiment('')).toMatchObject({ label: 'neutral', words: [], supported: true });
  });

  it("agrees with the Sandbox generator's labels on its mentions (crisis window included)", () => {
    const plan = planMentions({
      seed: 'sentiment-test',
      tag: 's',
      brand: 'Northwind',
      mainHandle: 'northwind.s',
      perDay: 6,
      start: new Date('2026-09-01T00:00:00Z'),
      end: new Date('2026-11-01T00:00:00Z'),
    });
    const agree = plan.mentions.filter((m) => scoreSentiment(m.text).label === m.label).length;
    expect(plan.mentions.length).toBeGreaterThan(300);
    expect(agree / plan.mentions.length).toBeGreaterThanOrEqual(0.95);
  });
});
