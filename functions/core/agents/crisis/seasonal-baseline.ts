import { median, medianAbsoluteDeviation } from 'simple-statistics';
import type { HourlyCounts } from './hourly-counts';
import { localHourOfWeek } from './local-hours';

export interface BaselineSettings {
  /** Weeks of history before the cutoff the baseline learns from. */
  weeks: number;
  /** Fewer usable days than this and the detector says it cannot judge. */
  minDays: number;
  /** Fewer mentions than this in the usable days, likewise. */
  minMentions: number;
  /** Pseudo-weeks pulling each hour of the week towards the same hour of any day (shrinkage). */
  hourOfDayWeight: number;
  /** Prior negative share and its weight in mentions (a brand's usual share is 10-25 %). */
  negativePrior: { share: number; weight: number };
  /** Local time zone of the brand's audience, for the hour of the week. */
  timeZone: string;
}

export const BASELINE_SETTINGS: BaselineSettings = {
  weeks: 8,
  minDays: 14,
  minMentions: 20,
  hourOfDayWeight: 4,
  negativePrior: { share: 0.2, weight: 20 },
  timeZone: 'UTC',
};

export interface SeasonalBaseline {
  supported: true;
  /** The baseline knows hours before this one (hours since the epoch, UTC). */
  cutoffHour: number;
  /** Days learnt from, and days left out as outliers (an earlier crisis, a viral day). */
  days: number;
  excludedDays: number;
  mentions: number;
  hourlyMean: number;
  /** Expected mentions in each local hour of the week (0 = Sunday 00:00). */
  byHourOfWeek: number[];
  /** Share of labelled mentions that were negative. */
  negativeShare: number;
  /** Negative mentions per mention of any kind (unlabelled ones count in the denominator). */
  negativePerMention: number;
  /** Variance / mean of 6-hour counts against expectation (1: Poisson; more: burstier). */
  dispersion: number;
  timeZone: string;
}

export type Baseline =
  SeasonalBaseline | { supported: false; reason: string; days: number; mentions: number };

const DAY_HOURS = 24;
const MAD_TO_SD = 1.4826;
const DISPERSION_BLOCK = 6;

/**
 * What normal looks like before `cutoffHour`: expected mentions per local hour of the week and
 * the usual negative share, from up to `weeks` weeks of history. Robust to past bursts: a day
 * whose total is far above the median day (median + 4 robust SDs, MAD-based, at least 4 Poisson
 * SDs) is left out, so an earlier crisis or viral day does not raise the bar. Each hour of the
 * week is a gamma-Poisson posterior mean: its own counts plus `hourOfDayWeight` pseudo-weeks at
 * the mean of the same hour on every day (eight Mondays at 09:00 are too few alone).
 */
export function seasonalBaseline(
  counts: HourlyCounts,
  cutoffHour: number,
  historyStartHour: number | null,
  settings: BaselineSettings = BASELINE_SETTINGS,
): Baseline {
  const days: { start: number; total: number }[] = [];
  for (let d = 1; d <= settings.weeks * 7; d += 1) {
    const start = cutoffHour - d * DAY_HOURS;
    if (historyStartHour === null || start < historyStartHour) break;
    days.push({ start, total: counts.sum(start, start + DAY_HOURS).total });
  }
  const allMentions = days.reduce((n, d) => n + d.total, 0);
  if (days.length < settings.minDays)
    return {
      supported: false,
      reason: `${days.length} days of mentions before this hour; at least ${settings.minDays} are needed to know what normal is.`,
      days: days.length,
      mentions: allMentions,
    };
  const totals = days.map((d) => d.total);
  const middle = median(totals);
  const bar =
    middle + Math.max(4 * MAD_TO_SD * medianAbsoluteDeviation(totals), 4 * Math.sqrt(Math.max(middle, 1)), 3);
  const usable = days.filter((d) => d.total <= bar);
  const mentions = usable.reduce((n, d) => n + d.total, 0);
  if (mentions < settings.minMentions)
    return {
      supported: false,
      reason: `${mentions} mentions in ${usable.length} ordinary days; at least ${settings.minMentions} are needed to tell a burst from chance.`,
      days: usable.length,
      mentions,
    };

  const hours = usable.flatMap((d) => Array.from({ length: DAY_HOURS }, (_, i) => d.start + i));
  const hourOfWeek = hours.map((h) => localHourOfWeek(h, settings.timeZone));
  const sumByWeekHour = new Array<number>(168).fill(0);
  const nByWeekHour = new Array<number>(168).fill(0);
  const sumByDayHour = new Array<number>(24).fill(0);
  const nByDayHour = new Array<number>(24).fill(0);
  let labelled = 0;
  let negative = 0;
  hours.forEach((hour, i) => {
    const count = counts.at(hour);
    const weekHour = hourOfWeek[i]!;
    sumByWeekHour[weekHour]! += count.total;
    nByWeekHour[weekHour]! += 1;
    sumByDayHour[weekHour % 24]! += count.total;
    nByDayHour[weekHour % 24]! += 1;
    labelled += count.labelled;
    negative += count.negative;
  });
  const hourlyMean = mentions / hours.length;
  const floor = 0.25 * hourlyMean;
  const k = settings.hourOfDayWeight;
  const byHourOfWeek = sumByWeekHour.map((sum, weekHour) => {
    const dayHour = weekHour % 24;
    const prior = nByDayHour[dayHour]! > 0 ? sumByDayHour[dayHour]! / nByDayHour[dayHour]! : hourlyMean;
    return Math.max(floor, (sum + k * prior) / (nByWeekHour[weekHour]! + k));
  });

  // Dispersion: Pearson statistic of 6-hour blocks of the usable days against expectation.
  let pearson = 0;
  let blocks = 0;
  for (let i = 0; i + DISPERSION_BLOCK <= hours.length; i += DISPERSION_BLOCK) {
    let observed = 0;
    let expected = 0;
    for (let j = i; j < i + DISPERSION_BLOCK; j += 1) {
      observed += counts.at(hours[j]!).total;
      expected += byHourOfWeek[hourOfWeek[j]!]!;
    }
    pearson += (observed - expected) ** 2 / expected;
    blocks += 1;
  }
  const dispersion = Math.min(10, Math.max(1, pearson / Math.max(1, blocks - 1)));
  const prior = settings.negativePrior;
  return {
    supported: true,
    cutoffHour,
    days: usable.length,
    excludedDays: days.length - usable.length,
    mentions,
    hourlyMean,
    byHourOfWeek,
    negativeShare: (negative + prior.share * prior.weight) / (labelled + prior.weight),
    negativePerMention: (negative + prior.share * prior.weight) / (mentions + prior.weight),
    dispersion,
    timeZone: settings.timeZone,
  };
}

/** Mentions expected in UTC hours [from, to) by the baseline. */
export function expectedMentions(baseline: SeasonalBaseline, from: number, to: number): number {
  let sum = 0;
  for (let hour = from; hour < to; hour += 1)
    sum += baseline.byHourOfWeek[localHourOfWeek(hour, baseline.timeZone)]!;
  return sum;
}
