import { tallyTerms } from './term-counts';
import type { TrendText } from './trend-texts';

/** The baseline the burst detector is measured against: the window's most used terms (texts that use each). */
export function mostFrequentTerms(texts: TrendText[], window: { from: Date; to: Date }, limit: number): string[] {
  const inWindow = texts.filter((t) => t.at >= window.from && t.at < window.to);
  return [...tallyTerms(inWindow, 'day', 'UTC').values()]
    .sort((a, b) => b.texts.length - a.texts.length || (a.term < b.term ? -1 : 1))
    .slice(0, limit)
    .map((t) => t.term);
}

/**
 * The Trends page's "rising" rule (analytics/trends.ts) as a detector: used at least
 * `minSupport` times in the window and more than in the period of the same length before it,
 * ranked by how many more uses.
 */
export function risingTerms(
  texts: TrendText[],
  window: { from: Date; to: Date },
  options: { minSupport: number; limit: number },
): string[] {
  const span = window.to.getTime() - window.from.getTime();
  const previousFrom = new Date(window.from.getTime() - span);
  const read = texts.filter((t) => t.at >= previousFrom && t.at < window.to);
  return [...tallyTerms(read, 'day', 'UTC').values()]
    .map((t) => {
      const now = t.texts.filter((i) => read[i]!.at >= window.from).length;
      return { term: t.term, now, before: t.texts.length - now };
    })
    .filter((t) => t.now >= options.minSupport && t.now > t.before)
    .sort((a, b) => b.now - b.before - (a.now - a.before) || (a.term < b.term ? -1 : 1))
    .slice(0, options.limit)
    .map((t) => t.term);
}
