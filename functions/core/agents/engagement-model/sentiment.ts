import { scoreSentiment } from '../sentiment';

/**
 * A post's tone as one number in [-1, 1]: the predictor's sentiment feature. A function type,
 * so a test or a bench can pass another scorer (`trainEngagementModel(..., { sentiment })`).
 */
export type SentimentScorer = (text: string) => number;

/**
 * The organization's sentiment core (core/agents/sentiment: AFINN-165 with the brand lexicon
 * and valence rules, measured on the labelled set in test/fixtures/sentiment), so the
 * predictor reads a post's tone the same way the crisis manager reads a mention's. Text in a
 * language the lexicon does not read scores 0: neutral, rather than wrong.
 */
export const postTone: SentimentScorer = (text) => scoreSentiment(text).score;
