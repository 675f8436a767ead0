import {
  ALERT_RULES,
  assessCrisisNow,
  episodesOf,
  HOUR_MS,
  HourlyCounts,
  hourOf,
  NAIVE_RULES,
  type AlertLevel,
  type CrisisMention,
  type NaiveRule,
} from '../../../functions/core/agents/crisis';

/** How one method did on one history, replayed hour by hour as the sweep would run. */
export interface ReplayScore {
  /** Hours from the crisis start to the first run that said 'crisis' (null: never in the window). */
  delayHours: number | null;
  /** Likewise for 'watch' or higher. */
  watchDelayHours: number | null;
  /** Crisis alerts (episodes) raised outside the planted window (+24 h after it). */
  falseAlarms: number;
  falseAlarmsPer30Days: number;
  /** Hours judged 'crisis' outside the window. */
  hoursInCrisisOutside: number;
  judgedHours: number;
}

/** Runs of the sweep: one per hour boundary from `from` to `to`, each judging the hour before it. */
export interface ReplaySpan {
  from: Date;
  to: Date;
  crisis: { from: Date; to: Date };
}

/** After the planted window, alerts for this long still belong to it (the alert clears slowly on purpose). */
const GRACE_MS = 24 * HOUR_MS;

function scoreLevels(
  levels: AlertLevel[],
  firstRunHour: number,
  span: ReplaySpan,
  mergeGap: number,
): ReplayScore {
  const windowFrom = span.crisis.from.getTime();
  const windowTo = span.crisis.to.getTime() + GRACE_MS;
  // levels[i] is the answer of the run at hour boundary firstRunHour + i, about the hour before it.
  const runAt = (i: number) => (firstRunHour + i) * HOUR_MS;
  const inWindow = (i: number) => runAt(i) > windowFrom && runAt(i) <= windowTo;
  const firstRun = (pass: (l: AlertLevel) => boolean) => {
    const i = levels.findIndex((l, k) => inWindow(k) && pass(l));
    return i < 0 ? null : (runAt(i) - windowFrom) / HOUR_MS;
  };
  const episodes = episodesOf(levels, 0, mergeGap).filter((e) => e.peak === 'crisis');
  const falseAlarms = episodes.filter((e) => !inWindow(e.peakHour)).length;
  const outside = levels.filter((_, i) => !inWindow(i)).length;
  return {
    delayHours: firstRun((l) => l === 'crisis'),
    watchDelayHours: firstRun((l) => l !== 'none'),
    falseAlarms,
    falseAlarmsPer30Days: (falseAlarms / outside) * 720,
    hoursInCrisisOutside: levels.filter((l, i) => l === 'crisis' && !inWindow(i)).length,
    judgedHours: levels.length,
  };
}

function runHours(span: ReplaySpan): number[] {
  const hours: number[] = [];
  for (let hour = hourOf(span.from); hour <= hourOf(span.to); hour += 1) hours.push(hour);
  return hours;
}

/** The detector, called exactly as the hourly sweep calls it: `assessCrisisNow(history, now)`. */
export function replayDetector(
  mentions: readonly CrisisMention[],
  span: ReplaySpan,
  historySince: Date,
): ReplayScore {
  const hours = runHours(span);
  const levels = hours.map(
    (hour) => assessCrisisNow(mentions, new Date(hour * HOUR_MS), { historySince }).level,
  );
  return scoreLevels(levels, hours[0]!, span, 1);
}

/** A naive rule, given the detector's hysteresis: its alerts closer than 6 quiet hours are one alert. */
export function replayNaive(
  mentions: readonly CrisisMention[],
  span: ReplaySpan,
  rule: NaiveRule,
): ReplayScore {
  const counts = new HourlyCounts(mentions);
  const hours = runHours(span);
  const levels = hours.map((hour): AlertLevel => (NAIVE_RULES[rule](counts, hour) ? 'crisis' : 'none'));
  return scoreLevels(levels, hours[0]!, span, ALERT_RULES.quietHoursToClear);
}

/**
 * A burst of praise (a post going viral for good reasons) planted into a history: 30 positive
 * mentions over three hours. Returns whether each method called a crisis within 24 hours.
 */
export function praiseBurst(at: Date): CrisisMention[] {
  return Array.from({ length: 30 }, (_, i) => ({
    at: new Date(at.getTime() + i * 6 * 60_000),
    label: 'positive',
  }));
}

export function raisedCrisis(
  mentions: readonly CrisisMention[],
  at: Date,
  historySince: Date,
): { detector: AlertLevel; naive: boolean; sturdyNaive: boolean } {
  const hours = runHours({
    from: new Date(at.getTime() + HOUR_MS),
    to: new Date(at.getTime() + 24 * HOUR_MS),
    crisis: { from: at, to: at },
  });
  const counts = new HourlyCounts(mentions);
  const levels = hours.map(
    (hour) => assessCrisisNow(mentions, new Date(hour * HOUR_MS), { historySince }).level,
  );
  const highest = levels.includes('crisis') ? 'crisis' : levels.includes('watch') ? 'watch' : 'none';
  return {
    detector: highest,
    naive: hours.some((hour) => NAIVE_RULES.doubleWeeklyMean(counts, hour)),
    sturdyNaive: hours.some((hour) => NAIVE_RULES.tripleThreeHours(counts, hour)),
  };
}
