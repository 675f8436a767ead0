import type { AlertLevel, HourVerdict } from './alert-rules';

/** The alert as it stands after an hour: its level, since when, and quiet hours so far. */
export interface AlertState {
  level: AlertLevel;
  /** First hour of the evidence that raised it (hours since the epoch); null at 'none'. */
  startedHour: number | null;
  /** Consecutive hours without watch-level evidence while raised. */
  quietHours: number;
}

export const CALM: AlertState = { level: 'none', startedHour: null, quietHours: 0 };

/**
 * One hour forward. A level rises at once (a crisis is notified the hour it shows) but falls
 * only after `quietHoursToClear` hours in a row without even watch-level evidence, so an alert
 * does not flap off and on while a crisis ebbs; a crisis stays a crisis while watch-level
 * evidence continues, rather than stepping down and up again.
 */
export function nextState(state: AlertState, verdict: HourVerdict, quietHoursToClear: number): AlertState {
  const raisedFrom = state.startedHour ?? verdict.evidence.fromHour;
  if (verdict.level === 'crisis') return { level: 'crisis', startedHour: raisedFrom, quietHours: 0 };
  if (verdict.level === 'watch') {
    const level = state.level === 'crisis' ? 'crisis' : 'watch';
    return { level, startedHour: raisedFrom, quietHours: 0 };
  }
  if (state.level === 'none') return CALM;
  const quietHours = state.quietHours + 1;
  return quietHours >= quietHoursToClear ? CALM : { ...state, quietHours };
}
