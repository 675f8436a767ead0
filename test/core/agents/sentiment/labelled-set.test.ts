import { describe, expect, it } from 'vitest';
import { scoreSentiment } from '../../../../functions/core/agents/sentiment';
import { SENTIMENT_LABELS } from '../../../../functions/db/schema/listening';
import { readLabelledSet } from './labelled-set';

const accuracy = (rows: ReturnType<typeof readLabelledSet>) =>
  rows.filter((r) => scoreSentiment(r.text).label === r.label).length / rows.length;

describe('the labelled sentiment sets', () => {
  const shipped = readLabelledSet('brand-mentions');
  const holdout = readLabelledSet('holdout');

  it('ships at least 300 distinct texts, balanced over the three labels, with the hard cases tagged', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(300);
    expect(new Set(shipped.map((r) => r.text)).size).toBe(shipped.length);
    expect(new Set(shipped.map((r) => r.id)).size).toBe(shipped.length);
    for (const label of SENTIMENT_LABELS) {
      const share = shipped.filter((r) => r.label === label).length / shipped.length;
      expect(share).toBeGreaterThan(0.3);
      expect(share).toBeLessThan(0.37);
    }
    const tagged = (tag: string) => shipped.filter((r) => r.tags.includes(tag)).length;
    expect(tagged('negation')).toBeGreaterThanOrEqual(20);
    expect(tagged('sarcasm')).toBeGreaterThanOrEqual(10);
    expect(tagged('emoji')).toBeGreaterThanOrEqual(30);
    expect(tagged('mixed')).toBeGreaterThanOrEqual(8);
    expect(holdout).toHaveLength(90);
    expect(holdout.filter((r) => shipped.some((s) => s.text === r.text))).toEqual([]);
  });

  it('scores well above the majority-class baseline on both sets', () => {
    const majority =
      Math.max(...SENTIMENT_LABELS.map((l) => shipped.filter((r) => r.label === l).length)) / shipped.length;
    expect(majority).toBeLessThan(0.36);
    // Measured 0.85 (shipped) and 0.80 (holdout, written before the brand lexicon): floors a
    // little below, so a change that costs accuracy fails here.
    expect(accuracy(shipped)).toBeGreaterThanOrEqual(0.82);
    expect(accuracy(holdout)).toBeGreaterThanOrEqual(0.75);
  });

  it('gets some of the marked sarcasm right and some wrong, as the README reports', () => {
    const sarcasm = shipped.filter((r) => r.tags.includes('sarcasm'));
    const right = sarcasm.filter((r) => scoreSentiment(r.text).label === r.label).length;
    // Cue-based only: a sarcastic text without a cue reads as praise. Measured 10 of 14.
    expect(right).toBeGreaterThanOrEqual(8);
    expect(right).toBeLessThan(sarcasm.length);
  });
});
