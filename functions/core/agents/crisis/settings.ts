import { ALERT_RULES, type AlertRules } from './alert-rules';
import { BASELINE_SETTINGS, type BaselineSettings } from './seasonal-baseline';

export interface CrisisSettings {
  baseline: BaselineSettings;
  rules: AlertRules;
  /**
   * Hours replayed before now on each call: the alert's state (level, start, quiet hours) is
   * recomputed from the mentions instead of stored, so the hourly sweep is stateless. The
   * baseline ends where the replay starts, so an ongoing crisis never raises its own bar.
   */
  replayHours: number;
}

export const CRISIS_SETTINGS: CrisisSettings = {
  baseline: BASELINE_SETTINGS,
  rules: ALERT_RULES,
  replayHours: 72,
};

/** Settings with some parts replaced (a test's smaller history, a brand's time zone). */
export function crisisSettings(
  overrides: {
    baseline?: Partial<BaselineSettings>;
    rules?: Partial<AlertRules>;
    replayHours?: number;
  } = {},
): CrisisSettings {
  return {
    baseline: { ...CRISIS_SETTINGS.baseline, ...overrides.baseline },
    rules: { ...CRISIS_SETTINGS.rules, ...overrides.rules },
    replayHours: overrides.replayHours ?? CRISIS_SETTINGS.replayHours,
  };
}
