import Sentiment from 'sentiment';
import { scoreSentiment } from '../../../functions/core/agents/sentiment';
import { SENTIMENT_LABELS, type SentimentLabel } from '../../../functions/db/schema/listening';

export interface Labelled {
  text: string;
  label: SentimentLabel;
  tags?: string[];
}

export interface Scored {
  accuracy: number;
  macroF1: number;
  /** confusion[true][predicted]. */
  confusion: Record<SentimentLabel, Record<SentimentLabel, number>>;
  n: number;
}

export type Labeller = (text: string) => SentimentLabel;

const afinn = new Sentiment();

export const LABELLERS = {
  /** The crisis manager's scorer. */
  ours: (text: string) => scoreSentiment(text).label,
  /** The `sentiment` package as it comes (AFINN-165 + emoji, its one-word negation), label by sign. */
  afinnAlone: (text: string): SentimentLabel => {
    const score = afinn.analyze(text).score;
    return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
  },
} as const;

/** The naive baseline: always the most frequent label of the set itself. */
export function majorityOf(rows: readonly Labelled[]): Labeller {
  const counts = SENTIMENT_LABELS.map((l) => [l, rows.filter((r) => r.label === l).length] as const);
  const majority = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  return () => majority;
}

export function score(rows: readonly Labelled[], labeller: Labeller): Scored {
  const confusion = Object.fromEntries(
    SENTIMENT_LABELS.map((t) => [t, Object.fromEntries(SENTIMENT_LABELS.map((p) => [p, 0]))]),
  ) as Scored['confusion'];
  for (const row of rows) confusion[row.label][labeller(row.text)] += 1;
  const right = SENTIMENT_LABELS.reduce((n, l) => n + confusion[l][l], 0);
  const f1 = SENTIMENT_LABELS.map((label) => {
    const tp = confusion[label][label];
    const predicted = SENTIMENT_LABELS.reduce((n, t) => n + confusion[t][label], 0);
    const actual = SENTIMENT_LABELS.reduce((n, p) => n + confusion[label][p], 0);
    return tp === 0 ? 0 : (2 * tp) / (predicted + actual);
  });
  return {
    accuracy: right / rows.length,
    macroF1: f1.reduce((a, b) => a + b, 0) / f1.length,
    confusion,
    n: rows.length,
  };
}

/** Our accuracy per hard-case tag (a text may carry several). */
export function byTag(rows: readonly Labelled[]): { tag: string; right: number; n: number }[] {
  const tags = new Map<string, { right: number; n: number }>();
  for (const row of rows) {
    const right = LABELLERS.ours(row.text) === row.label ? 1 : 0;
    for (const tag of row.tags?.length ? row.tags : ['(untagged)']) {
      const entry = tags.get(tag) ?? { right: 0, n: 0 };
      entry.right += right;
      entry.n += 1;
      tags.set(tag, entry);
    }
  }
  return [...tags].map(([tag, v]) => ({ tag, ...v })).sort((a, b) => b.n - a.n || a.tag.localeCompare(b.tag));
}

/** How often the label was right at each confidence the scorer gave (is the confidence honest?). */
export function calibration(rows: readonly Labelled[]): { confidence: number; right: number; n: number }[] {
  const bins = new Map<number, { right: number; n: number }>();
  for (const row of rows) {
    const result = scoreSentiment(row.text);
    const entry = bins.get(result.confidence) ?? { right: 0, n: 0 };
    entry.right += result.label === row.label ? 1 : 0;
    entry.n += 1;
    bins.set(result.confidence, entry);
  }
  return [...bins]
    .map(([confidence, v]) => ({ confidence, ...v }))
    .sort((a, b) => a.confidence - b.confidence);
}
