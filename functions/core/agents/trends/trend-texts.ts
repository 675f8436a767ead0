import type { TrendSource } from '../../analytics/trends';

export type { TrendSource };

/** One text the trend analyzer reads: a published copy, a mention, or a competitor's post. */
export interface TrendText {
  /** Unique within its source (the row id). */
  key: string;
  source: TrendSource;
  at: Date;
  text: string;
}
