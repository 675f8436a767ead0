import { describe, expect, it } from 'vitest';
import { normalizeHashtag, termsOf } from '../../../functions/core/analytics/text-terms';

describe('termsOf (words for trends)', () => {
  it('segments words in any script, drops stop words, links, mentions, hashtags, numbers and possessives', () => {
    expect([
      ...termsOf(
        "It's the best Coffee in town! https://x.example/a #Coffee @bob 2024 Café's 東京のコーヒー ok",
      ),
    ]).toEqual(['best', 'coffee', 'town', 'café', '東京', 'コーヒー']);
    expect([...termsOf('Der Kaffee und die Milch, le café et le lait')]).toEqual([
      'kaffee',
      'milch',
      'café',
      'lait',
    ]);
  });

  it('counts a word once per text and folds compatibility forms', () => {
    expect([...termsOf('Ｃｏｆｆｅｅ coffee COFFEE')]).toEqual(['coffee']);
    expect(normalizeHashtag('#ＣａＦé')).toBe('café');
  });
});
