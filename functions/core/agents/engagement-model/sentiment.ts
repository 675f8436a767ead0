/**
 * A post's tone as one number in [-1, 1]: the predictor's sentiment feature. A function type,
 * so the organization's real sentiment core (when one exists) can be passed in its place
 * (`trainEngagementModel(..., { sentiment })`); this module is the stand-in used until then.
 */
export type SentimentScorer = (text: string) => number;

/**
 * Valence of common English words in brand posts, -3 .. 3, in the spirit of AFINN (Nielsen,
 * 2011) but small: the feature only needs "clearly warm", "neutral" and "clearly negative" apart.
 * Words in other languages score 0, so the feature is neutral there rather than wrong.
 */
const WORDS_BY_VALENCE: Readonly<Record<number, string>> = {
  3: 'love loved amazing awesome excellent fantastic wonderful best',
  2: 'great happy excited proud thanks thank congratulations win favourite favorite beautiful delighted enjoy celebrate welcome',
  1: 'good nice new easy fast faster free better fun hello together improved improvement improvements helpful ideas grow',
  [-1]: 'sorry problem problems issue issues bug bugs delay delayed slow mistake wrong down lost cancelled',
  [-2]: 'bad worse angry sad outage broken fail failed failure crisis disappointed disappointing',
  [-3]: 'worst hate terrible awful',
};
const LEXICON: ReadonlyMap<string, number> = new Map(
  Object.entries(WORDS_BY_VALENCE).flatMap(([valence, words]) =>
    words.split(' ').map((word) => [word, Number(valence)] as const),
  ),
);

const NEGATORS = new Set(['not', 'no', 'never', "don't", "doesn't", "isn't", "wasn't", "can't", 'without']);
const WORD = /\p{L}+(?:['’]\p{L}+)?/gu;

/**
 * Sum of word valences, a negator flipping the next two words, squashed by tanh(sum / 4) so
 * one "great" is 0.46 and a string of superlatives tends to 1.
 */
export const lexiconSentiment: SentimentScorer = (text) => {
  let sum = 0;
  let flip = 0;
  for (const match of text.toLowerCase().replaceAll('’', "'").matchAll(WORD)) {
    const word = match[0];
    if (NEGATORS.has(word)) {
      flip = 2;
      continue;
    }
    const valence = LEXICON.get(word) ?? 0;
    sum += flip > 0 ? -valence : valence;
    if (flip > 0) flip -= 1;
  }
  return Math.tanh(sum / 4);
};
