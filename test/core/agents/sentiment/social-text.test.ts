import { describe, expect, it } from 'vitest';
import { readSocialText } from '../../../../functions/core/agents/sentiment';

const known = (word: string) => ['good', 'so'].includes(word);

describe('readSocialText', () => {
  it('drops handles and links, splits hashtags at capitals, keeps emoji as tokens', () => {
    const read = readSocialText('@acme.co Thanks!! #NeverAgain #fail 👍🏽 https://acme.example/x?y=1');
    expect(read.tokens).toEqual(['thanks', '||', 'never-again', 'fail', '👍']);
    expect(read.exclamations).toBe(2);
    expect(read.empty).toBe(false);
  });

  it('turns emoticons into words and marks capitals, scare quotes, clauses and sentences', () => {
    const read = readSocialText("The 'smart' kettle is GREAT, honestly :) ok.");
    expect(read.tokens).toEqual([
      'the',
      '[quoted]',
      'smart',
      'kettle',
      'is',
      '[caps]',
      'great',
      '|',
      'honestly',
      'emoticon-smile',
      'ok',
      '||',
    ]);
  });

  it('collapses stretched words to a spelling the lexicon knows', () => {
    expect(readSocialText('sooo goooood', known).tokens).toEqual(['so', 'good']);
    expect(readSocialText('noooo', known).tokens).toEqual(['noo']);
  });

  it('marks sarcasm cues with a leading token, and measures how much of the text is Latin script', () => {
    expect(readSocialText('Love that for me 🙄').tokens[0]).toBe('[sarcasm]');
    expect(readSocialText('Love it').tokens[0]).toBe('love');
    expect(readSocialText('Привет мир').latinShare).toBe(0);
    expect(readSocialText('https://only.example @handle').empty).toBe(true);
  });
});
