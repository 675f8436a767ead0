import type { SentimentLabel } from '../../../db/schema/listening';

export const HOUR_MS = 3_600_000;

/** One mention as the detector needs it: when, and its sentiment label (null: not scored). */
export interface CrisisMention {
  at: Date;
  label: SentimentLabel | null;
}

/** Mentions in one UTC hour: all of them, those with a label, and the negative ones. */
export interface HourCount {
  total: number;
  labelled: number;
  negative: number;
}

const EMPTY: HourCount = { total: 0, labelled: 0, negative: 0 };

/** Hours since the epoch: hour h covers [h, h + 1) x 1 h, in UTC. */
export const hourOf = (at: Date | number): number => Math.floor(new Date(at).getTime() / HOUR_MS);

/**
 * Mentions counted by UTC hour. Hours are UTC on purpose: the detector compares an hour with
 * the same hour of past weeks, and a UTC hour is always 60 minutes (a local day around a
 * daylight-saving change has 23 or 25).
 */
export class HourlyCounts {
  private readonly byHour = new Map<number, HourCount>();
  /** The first hour with a mention; null when there are none. */
  readonly firstHour: number | null;

  constructor(mentions: readonly CrisisMention[]) {
    let first: number | null = null;
    for (const mention of mentions) {
      const hour = hourOf(mention.at);
      const count = this.byHour.get(hour) ?? { ...EMPTY };
      count.total += 1;
      if (mention.label !== null) count.labelled += 1;
      if (mention.label === 'negative') count.negative += 1;
      this.byHour.set(hour, count);
      if (first === null || hour < first) first = hour;
    }
    this.firstHour = first;
  }

  at(hour: number): HourCount {
    return this.byHour.get(hour) ?? EMPTY;
  }

  /** The sum over hours [from, to). */
  sum(from: number, to: number): HourCount {
    const sum = { ...EMPTY };
    for (let hour = from; hour < to; hour += 1) {
      const count = this.byHour.get(hour);
      if (!count) continue;
      sum.total += count.total;
      sum.labelled += count.labelled;
      sum.negative += count.negative;
    }
    return sum;
  }
}
