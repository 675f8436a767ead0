import { Temporal } from 'temporal-polyfill';
import { termsOf } from '../../analytics/text-terms';
import { TREND_SOURCES } from '../../analytics/trends';
import { hashtagsOf } from './hashtags';
import type { TrendSource, TrendText } from './trend-texts';

export type TrendBucket = 'day' | 'hour';
export type TermKind = 'hashtag' | 'word';

/** A term's uses: texts that use it (once each, however often it is said), by bucket and source. */
export interface TermTally {
  term: string;
  kind: TermKind;
  byBucket: Map<string, number>;
  bySource: Record<TrendSource, number>;
  /** The texts (indices into the input) that use it. */
  texts: number[];
  firstSeen: Date;
}

export const emptySources = (): Record<TrendSource, number> =>
  Object.fromEntries(TREND_SOURCES.map((s) => [s, 0])) as Record<TrendSource, number>;

/** The bucket an instant falls in, in the zone: `2026-03-29` by day, `2026-03-29T14` by hour. */
export function bucketOf(at: Date, bucket: TrendBucket, timeZone: string): string {
  const local = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  const day = local.toPlainDate().toString();
  return bucket === 'day' ? day : `${day}T${String(local.hour).padStart(2, '0')}`;
}

/**
 * The terms of each text (its words by text-terms.ts, the analytics Trends' own tokenizer, and
 * its hashtags as the Trends page counts them), tallied per term. Texts are read in order of
 * time, so `firstSeen` is the term's first use among them.
 */
export function tallyTerms(texts: TrendText[], bucket: TrendBucket, timeZone: string): Map<string, TermTally> {
  const tallies = new Map<string, TermTally>();
  texts.forEach((text, index) => {
    const at = bucketOf(text.at, bucket, timeZone);
    const terms: [string, TermKind][] = [
      ...[...hashtagsOf(text.text)].map((t): [string, TermKind] => [t, 'hashtag']),
      ...[...termsOf(text.text)].map((t): [string, TermKind] => [t, 'word']),
    ];
    for (const [term, kind] of terms) {
      let tally = tallies.get(term);
      if (!tally) {
        tally = { term, kind, byBucket: new Map(), bySource: emptySources(), texts: [], firstSeen: text.at };
        tallies.set(term, tally);
      }
      tally.byBucket.set(at, (tally.byBucket.get(at) ?? 0) + 1);
      tally.texts.push(index);
      if (text.at < tally.firstSeen) tally.firstSeen = text.at;
    }
  });
  return tallies;
}
