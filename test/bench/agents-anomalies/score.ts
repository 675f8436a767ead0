import type { Anomaly } from '../../../functions/core/agents/anomalies/anomaly-runs';
import type { Injection } from './inject';

/** Days an anomaly may start after a planted shift and still be the detection of it. */
export const SHIFT_TOLERANCE_DAYS = 7;
/** Days around the injection scored for false alarms (before it, and after it). */
export const SCORED_BEFORE = 28;
export const SCORED_AFTER = 14;

const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export interface InjectionScore {
  detected: boolean;
  /** Days from the planted start to the first alert of it. */
  daysToAlert: number | null;
  falseAlarms: number;
  /** Days scored for false alarms. */
  scoredDays: number;
}

/**
 * Whether the detections of one injected copy found the injection (an anomaly of the planted
 * direction that covers a one-day injection, or starts within a week of a shift), and the
 * other anomalies that started in the scored span around it (false alarms).
 */
export function scoreInjection(anomalies: Anomaly[], injection: Injection): InjectionScore {
  const direction = injection.factor > 1 ? 'spike' : 'drop';
  const matches = (a: Anomaly) =>
    a.direction === direction &&
    (injection.kind === 'shift'
      ? daysFrom(injection.day, a.start) >= 0 && daysFrom(injection.day, a.start) <= SHIFT_TOLERANCE_DAYS
      : a.start <= injection.day && a.end >= injection.day);
  const match = anomalies.find(matches);
  const scored = anomalies.filter((a) => {
    const offset = daysFrom(injection.day, a.start);
    return offset >= -SCORED_BEFORE && offset <= SCORED_AFTER;
  });
  // After a one-day injection the series comes back: a detector that tells that as the opposite move alarms falsely.
  return {
    detected: match !== undefined,
    daysToAlert: match ? Math.max(0, daysFrom(injection.day, match.start)) : null,
    falseAlarms: scored.filter((a) => a !== match).length,
    scoredDays: SCORED_BEFORE + SCORED_AFTER + 1,
  };
}
