import { TREND_SOURCES } from '../../analytics/trends';
import { benjaminiHochberg, burstPValue } from './burst-test';
import { bucketOf, emptySources, tallyTerms, type TermKind, type TrendBucket } from './term-counts';
import type { TrendSource, TrendText } from './trend-texts';

export interface BurstOptions {
  /** The window judged, [from, to). */
  window: { from: Date; to: Date };
  /** Days before the window that make each term's history. */
  baselineDays: number;
  bucket: TrendBucket;
  timeZone: string;
  /** Texts in the window that must use a term (one-off noise is not a trend). */
  minSupport: number;
  /** The window's share must be at least this many times the baseline's (with one use added to the baseline, so a new term needs support). */
  minLift: number;
  /** Benjamini–Hochberg level the bursts are cut at. */
  maxQValue: number;
  limit: number;
}

export const BURST_DEFAULTS = {
  baselineDays: 28,
  bucket: 'day',
  timeZone: 'UTC',
  minSupport: 3,
  minLift: 2,
  maxQValue: 0.05,
  limit: 20,
} as const satisfies Partial<BurstOptions>;

export interface Burst {
  term: string;
  kind: TermKind;
  /** Texts of the window that use it, and of the baseline. */
  countWindow: number;
  countBaseline: number;
  /** Uses expected in the window at the term's baseline share of texts. */
  expected: number;
  /** countWindow / expected; null for a term new in the window (expected 0). */
  growth: number | null;
  pValue: number;
  qValue: number;
  /** -log10(pValue), the rank (capped at 300 where the tail underflows). */
  score: number;
  /** Of countWindow, from each source. */
  sources: Record<TrendSource, number>;
  /** Uses per bucket of the window, in the order of `buckets`. */
  counts: number[];
  peak: { bucket: string; count: number };
  /** Its first use in the texts read (window and baseline). */
  firstSeen: string;
  /** Other bursting terms said in most of the same texts: the rest of its topic. */
  related: string[];
}

export interface BurstDetection {
  window: { from: string; to: string };
  baseline: { from: string; to: string };
  buckets: string[];
  /** Texts read in the window and in the baseline, per source. */
  texts: { window: Record<TrendSource, number>; baseline: Record<TrendSource, number> };
  bursts: Burst[];
  /** Terms tested (used at least `minSupport` times in the window). */
  tested: number;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The bucket labels of the window, in order (each hour or day it touches, in the zone). */
function bucketsOf(window: BurstOptions['window'], bucket: TrendBucket, timeZone: string): string[] {
  const labels: string[] = [];
  for (let at = window.from.getTime(); at < window.to.getTime(); at += HOUR_MS) {
    const label = bucketOf(new Date(at), bucket, timeZone);
    if (labels.at(-1) !== label) labels.push(label);
  }
  return labels;
}

/**
 * Terms and hashtags whose use burst in the window: each term's share of the window's texts
 * (the organization's posts, its mentions and its competitors' posts together) against its own
 * share of the `baselineDays` before, by an exact binomial test (burst-test.ts), cut by
 * Benjamini–Hochberg over all terms tested, with a minimum support and lift so a term used
 * twice is not news. Ranked by significance, each with its evidence: counts, expected, growth,
 * p and q, sources, counts per bucket, first use, and the other bursting terms of the same texts.
 */
export function detectBursts(texts: TrendText[], options: Partial<BurstOptions> & Pick<BurstOptions, 'window'>): BurstDetection {
  const o: BurstOptions = { ...BURST_DEFAULTS, ...options };
  const baselineFrom = new Date(o.window.from.getTime() - o.baselineDays * DAY_MS);
  const read = texts
    .filter((t) => t.at >= baselineFrom && t.at < o.window.to)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const inWindow = read.map((t) => t.at >= o.window.from);
  const counted = { window: emptySources(), baseline: emptySources() };
  read.forEach((t, i) => (counted[inWindow[i] ? 'window' : 'baseline'][t.source] += 1));
  const nWindow = TREND_SOURCES.reduce((n, s) => n + counted.window[s], 0);
  const nBaseline = TREND_SOURCES.reduce((n, s) => n + counted.baseline[s], 0);
  const buckets = bucketsOf(o.window, o.bucket, o.timeZone);

  const candidates = [...tallyTerms(read, o.bucket, o.timeZone).values()].flatMap((tally) => {
    const windowTexts = tally.texts.filter((i) => inWindow[i]);
    const countWindow = windowTexts.length;
    if (countWindow < o.minSupport) return [];
    const countBaseline = tally.texts.length - countWindow;
    return [{ tally, windowTexts, countWindow, countBaseline, pValue: burstPValue(countWindow, countBaseline, nWindow, nBaseline) }];
  });
  const qValues = benjaminiHochberg(candidates.map((c) => c.pValue));

  const bursting = candidates
    .map((c, i) => ({ ...c, qValue: qValues[i]! }))
    .filter((c) => {
      const smoothed = ((c.countBaseline + 1) * nWindow) / Math.max(1, nBaseline);
      return nBaseline > 0 && c.qValue <= o.maxQValue && c.countWindow / smoothed >= o.minLift;
    })
    .map((c): Omit<Burst, 'related'> & { windowTexts: number[] } => {
      const expected = nBaseline > 0 ? (c.countBaseline * nWindow) / nBaseline : 0;
      const sources = emptySources();
      for (const i of c.windowTexts) sources[read[i]!.source] += 1;
      const counts = buckets.map((b) => c.tally.byBucket.get(b) ?? 0);
      const top = counts.reduce((best, n, i) => (n > counts[best]! ? i : best), 0);
      return {
        term: c.tally.term,
        kind: c.tally.kind,
        countWindow: c.countWindow,
        countBaseline: c.countBaseline,
        expected,
        growth: expected > 0 ? c.countWindow / expected : null,
        pValue: c.pValue,
        qValue: c.qValue,
        score: Math.min(300, -Math.log10(Math.max(c.pValue, 1e-300))),
        sources,
        counts,
        peak: { bucket: buckets[top] ?? '', count: counts[top] ?? 0 },
        firstSeen: c.tally.firstSeen.toISOString(),
        windowTexts: c.windowTexts,
      };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.countWindow - a.countWindow ||
        (a.term < b.term ? -1 : a.term > b.term ? 1 : 0),
    );

  const bursts = bursting.slice(0, o.limit).map(({ windowTexts, ...burst }) => {
    const own = new Set(windowTexts);
    // A related term is said in at least half of this term's window texts.
    const related = bursting
      .filter((other) => other.term !== burst.term)
      .map((other) => ({ term: other.term, shared: other.windowTexts.filter((i) => own.has(i)).length }))
      .filter((other) => other.shared * 2 >= own.size)
      .sort((a, b) => b.shared - a.shared || (a.term < b.term ? -1 : 1))
      .slice(0, 5)
      .map((other) => other.term);
    return { ...burst, related };
  });

  return {
    window: { from: o.window.from.toISOString(), to: o.window.to.toISOString() },
    baseline: { from: baselineFrom.toISOString(), to: o.window.from.toISOString() },
    buckets,
    texts: counted,
    bursts,
    tested: candidates.length,
  };
}
