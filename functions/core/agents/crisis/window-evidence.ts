import type { HourlyCounts } from './hourly-counts';
import { expectedMentions, type SeasonalBaseline } from './seasonal-baseline';
import { binomialUpperTail, negativeBinomialUpperTail } from './tails';

/** The trailing windows tested each hour: a sudden burst shows in 1-3 h, a slow build in 6-12 h. */
export const WINDOWS = [1, 3, 6, 12] as const;

/** What one trailing window of hours shows against the baseline. */
export interface WindowEvidence {
  hours: number;
  /** First hour of the window and the hour after its last (hours since the epoch, UTC). */
  fromHour: number;
  toHour: number;
  mentions: number;
  expected: number;
  negative: number;
  labelled: number;
  /** negative / labelled; null when nothing in the window has a label. */
  negativeShare: number | null;
  baselineNegativeShare: number;
  /** P(this many mentions or more) under the baseline (negative binomial with its dispersion). */
  pVolume: number;
  /** P(this many negatives or more among the labelled) at the baseline's negative share. */
  pNegativeShare: number;
  /** Negative mentions expected in the window, and P(this many or more): volume and mix in one test. */
  expectedNegative: number;
  pNegativeVolume: number;
  /** (mentions - expected) / sqrt(dispersion x expected): the spike in standard deviations. */
  zVolume: number;
  /** Fisher's combination of the two p-values (independent under no crisis: count, then mix). */
  pCombined: number;
}

/** Fisher: X = -2 (ln p1 + ln p2) is chi-square with 4 df, whose tail is e^(-X/2) (1 + X/2). */
function fisher(p1: number, p2: number): number {
  const x = -2 * (Math.log(Math.max(p1, 1e-300)) + Math.log(Math.max(p2, 1e-300)));
  return Math.exp(-x / 2) * (1 + x / 2);
}

/** The evidence of each trailing window ending before `endHour` (exclusive). */
export function windowEvidence(
  counts: HourlyCounts,
  baseline: SeasonalBaseline,
  endHour: number,
): WindowEvidence[] {
  return WINDOWS.map((hours) => {
    const fromHour = endHour - hours;
    const sum = counts.sum(fromHour, endHour);
    const expected = expectedMentions(baseline, fromHour, endHour);
    const pVolume = negativeBinomialUpperTail(sum.total, expected, baseline.dispersion);
    const pNegativeShare = binomialUpperTail(sum.negative, sum.labelled, baseline.negativeShare);
    const expectedNegative = expected * baseline.negativePerMention;
    return {
      hours,
      fromHour,
      toHour: endHour,
      mentions: sum.total,
      expected,
      negative: sum.negative,
      labelled: sum.labelled,
      negativeShare: sum.labelled > 0 ? sum.negative / sum.labelled : null,
      baselineNegativeShare: baseline.negativeShare,
      expectedNegative,
      pNegativeVolume: negativeBinomialUpperTail(sum.negative, expectedNegative, baseline.dispersion),
      pVolume,
      pNegativeShare,
      zVolume: (sum.total - expected) / Math.sqrt(baseline.dispersion * expected),
      pCombined: fisher(pVolume, pNegativeShare),
    };
  });
}
