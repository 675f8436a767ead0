/**
 * How often a label was right for texts that scored alike, measured on the development half
 * (odd ids) of test/fixtures/sentiment/brand-mentions.csv, add-one smoothed: (right + 1) /
 * (texts + 2). The benchmark prints the same table for the other half and the holdout set,
 * so a drift shows (test/bench/agents-crisis).
 */
export const CONFIDENCE_BY_EVIDENCE = {
  /** No lexicon word at all: neutral by default (64 of 78 right). */
  noWords: 0.81,
  /** Lexicon words that cancel out, |score| < 0.05 (1 of 3). */
  cancelled: 0.4,
  /** A weak lean, |score| < 0.3 (9 of 12). */
  weak: 0.71,
  /** A clear lean, |score| >= 0.3 (90 of 96). */
  clear: 0.93,
} as const;

export function confidenceOf(score: number, words: number): number {
  const lean = Math.abs(score);
  if (words === 0) return CONFIDENCE_BY_EVIDENCE.noWords;
  if (lean < 0.05) return CONFIDENCE_BY_EVIDENCE.cancelled;
  return lean < 0.3 ? CONFIDENCE_BY_EVIDENCE.weak : CONFIDENCE_BY_EVIDENCE.clear;
}
