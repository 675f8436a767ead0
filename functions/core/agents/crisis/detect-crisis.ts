import type { AlertLevel } from './alert-rules';
import { assessHour, type CrisisAlert } from './assess-crisis';
import { episodesOf } from './episodes';
import { HOUR_MS, HourlyCounts, hourOf, type CrisisMention } from './hourly-counts';
import { NAIVE_RULES } from './naive-rules';
import { CRISIS_SETTINGS, type CrisisSettings } from './settings';

export interface CrisisHour {
  /** Start of the hour judged. */
  hour: string;
  level: AlertLevel;
  mentions: number;
  negative: number;
}

export interface CrisisEpisode {
  from: string;
  to: string;
  peak: AlertLevel;
  /** When the peak level was first reached (for a crisis: when people were told). */
  peakAt: string;
  mentions: number;
  negative: number;
}

export type CrisisBacktest =
  | {
      supported: true;
      metric: string;
      /** Crisis alerts per 30 days: the detector's, the naive rule's, and the difference. */
      model: number;
      baseline: number;
      improvement: number;
      /** Hours judged. */
      n: number;
      note: string;
    }
  | { supported: false; reason: string };

export interface CrisisReport {
  current: CrisisAlert;
  from: string;
  to: string;
  timeline: CrisisHour[];
  episodes: CrisisEpisode[];
  backtest: CrisisBacktest;
}

export interface DetectOptions {
  now: Date;
  /** Start of the period to report on; default 30 days before `now`. */
  from?: Date;
  historySince?: Date;
  settings?: CrisisSettings;
}

const DEFAULT_SPAN_HOURS = 30 * 24;
const iso = (hour: number) => new Date(hour * HOUR_MS).toISOString();

/**
 * Crisis detection over a period, hour by hour exactly as the hourly sweep would have judged
 * it (`assessCrisisNow` at the end of each hour), with the raised episodes and a backtest
 * against the naive rule on the organization's own history. The history has no ground truth,
 * so the backtest counts alerts: fewer alerts is better only if none of the rule's extra
 * alerts was a real crisis, which the report says instead of claiming accuracy.
 */
export function detectCrisis(mentions: readonly CrisisMention[], options: DetectOptions): CrisisReport {
  const settings = options.settings ?? CRISIS_SETTINGS;
  const endHour = hourOf(options.now);
  const startHour = options.from ? hourOf(options.from) : endHour - DEFAULT_SPAN_HOURS;
  const counts = new HourlyCounts(mentions.filter((m) => m.at.getTime() < endHour * HOUR_MS));
  const historyStart = options.historySince
    ? Math.ceil(options.historySince.getTime() / HOUR_MS)
    : counts.firstHour;

  const levels: AlertLevel[] = [];
  const naive: AlertLevel[] = [];
  let supportedHours = 0;
  let current: CrisisAlert | null = null;
  for (let end = startHour + 1; end <= endHour; end += 1) {
    const { alert, baseline } = assessHour(counts, end, historyStart, settings);
    levels.push(alert.level);
    if (baseline.supported) {
      supportedHours += 1;
      naive.push(NAIVE_RULES.doubleWeeklyMean(counts, end) ? 'crisis' : 'none');
    }
    current = alert;
  }
  if (!current) throw new Error('detectCrisis needs `from` before `now` by at least an hour');

  const timeline = levels.map((level, i) => {
    const count = counts.at(startHour + i);
    return { hour: iso(startHour + i), level, mentions: count.total, negative: count.negative };
  });
  const episodes = episodesOf(levels, startHour).map((e) => {
    const sum = counts.sum(e.fromHour, e.toHour);
    return {
      from: iso(e.fromHour),
      to: iso(e.toHour),
      peak: e.peak,
      peakAt: iso(e.peakHour),
      mentions: sum.total,
      negative: sum.negative,
    };
  });
  const perMonth = (n: number) =>
    Math.round((n / Math.max(1, supportedHours)) * DEFAULT_SPAN_HOURS * 100) / 100;
  const modelCrises = episodes.filter((e) => e.peak === 'crisis').length;
  // Only hours the detector could judge count for the rule too; their positions do not matter here.
  const naiveCrises = episodesOf(naive, 0, settings.rules.quietHoursToClear).length;
  const backtest: CrisisBacktest =
    supportedHours === 0
      ? {
          supported: false,
          reason: current.baseline.supported ? 'No hour could be judged.' : current.baseline.reason,
        }
      : {
          supported: true,
          metric: 'crisis alerts per 30 days',
          model: perMonth(modelCrises),
          baseline: perMonth(naiveCrises),
          improvement: perMonth(naiveCrises - modelCrises),
          n: supportedHours,
          note: 'Counted on this organization’s own mentions, which carry no record of real crises: the naive rule is "the last hour had more than twice the 7-day hourly mean". Fewer alerts is better only where the extra ones were false alarms; the Sandbox benchmark measures both against planted crises.',
        };
  return { current, from: iso(startHour), to: iso(endHour), timeline, episodes, backtest };
}
