import Sentiment from 'sentiment';
import english from 'sentiment/languages/en/index.js';
import type { SentimentLabel } from '../../../db/schema/listening';
import { BRAND_PHRASES, BRAND_WORDS } from './brand-lexicon';
import { confidenceOf } from './confidence';
import { readSocialText } from './social-text';
import { RULE_WORDS, valenceRules } from './valence-rules';

export interface SentimentScore {
  /** -1 (all blame) .. 1 (all praise), two decimals, as `mentions.sentiment_score` stores it. */
  score: number;
  label: SentimentLabel;
  /** 0..1: how often texts scored like this one carried this label in the labelled set. */
  confidence: number;
  /** The lexicon words that counted, with their weight after the rules (why the label). */
  words: { word: string; weight: number }[];
  /** False when the text is not in a language the lexicon reads: score 0, confidence 0. */
  supported: boolean;
}

export interface SentimentOptions {
  /** BCP 47 tag of the text's language when known (a network's `lang`); English is read. */
  language?: string | null;
}

/** |score| at or above this is positive or negative; below it, neutral (VADER's cut). */
export const LABEL_THRESHOLD = 0.05;
/** VADER's normalisation constant: a raw sum x becomes x / sqrt(x^2 + 15). */
const NORMALISATION = 15;
const EXCLAMATION_BOOST = 0.1;
const LANGUAGE = 'en-brand';

// AFINN-165 as the package ships it (its English language module), copied: ours is another language.
const weights: Record<string, number> = { ...english.labels, ...BRAND_WORDS };
for (const { token, weight } of BRAND_PHRASES) weights[token] = weight;
const analyzer = new Sentiment();
// The package adds its emoji table to the language's labels here; ours override it after.
analyzer.registerLanguage(LANGUAGE, { labels: weights, scoringStrategy: valenceRules(weights) });
for (const [word, weight] of Object.entries(BRAND_WORDS)) weights[word] = weight;

const isKnown = (word: string) => word in weights || RULE_WORDS.has(word);

const UNSUPPORTED: SentimentScore = {
  score: 0,
  label: 'neutral',
  confidence: 0,
  words: [],
  supported: false,
};

function readsEnglish(language: string | null | undefined, latinShare: number): boolean {
  if (language) return /^en(?:-|$)/i.test(language);
  // Unknown language: read it when most of its letters are Latin (English is assumed).
  return latinShare >= 0.5;
}

export function labelOf(score: number): SentimentLabel {
  if (score >= LABEL_THRESHOLD) return 'positive';
  if (score <= -LABEL_THRESHOLD) return 'negative';
  return 'neutral';
}

/**
 * The sentiment of a short social text towards what it mentions: the AFINN-165 lexicon and
 * the Emoji Sentiment Ranking (the `sentiment` package) with our brand-talk words and phrases
 * (brand-lexicon.ts), read by social-text.ts and weighted by valence-rules.ts; the sum is
 * normalised as VADER does. Deterministic; about 20 µs a text.
 */
export function scoreSentiment(text: string, options: SentimentOptions = {}): SentimentScore {
  const read = readSocialText(text, isKnown);
  if (!readsEnglish(options.language, read.latinShare)) return UNSUPPORTED;
  if (read.empty)
    return { score: 0, label: 'neutral', confidence: confidenceOf(0, 0), words: [], supported: true };
  const result = analyzer.analyze(read.tokens.join(' '), { language: LANGUAGE });
  const emphasis = 1 + EXCLAMATION_BOOST * Math.min(3, read.exclamations);
  const raw = result.score * emphasis;
  const score = Math.round((raw / Math.sqrt(raw * raw + NORMALISATION)) * 100) / 100;
  const words = result.calculation
    .flatMap((entry) =>
      Object.entries(entry).map(([word, weight]) => ({ word, weight: Math.round(weight * 100) / 100 })),
    )
    .filter((w) => w.weight !== 0)
    .reverse();
  return {
    score,
    label: labelOf(score),
    confidence: confidenceOf(score, words.length),
    words,
    supported: true,
  };
}
