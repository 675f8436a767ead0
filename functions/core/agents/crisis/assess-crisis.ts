import { judgeHour, type AlertLevel } from './alert-rules';
import { HOUR_MS, HourlyCounts, hourOf, type CrisisMention } from './hourly-counts';
import { CALM, nextState, type AlertState } from './hysteresis';
import { CRISIS_SETTINGS, type CrisisSettings } from './settings';
import { seasonalBaseline, type Baseline } from './seasonal-baseline';
import { windowEvidence, type WindowEvidence } from './window-evidence';

/** The evidence of the deciding window, as the alert carries it (JSON, instants in ISO). */
export interface CrisisEvidence {
  windowHours: number;
  from: string;
  to: string;
  mentions: number;
  expected: number;
  /** mentions / expected. */
  ratio: number;
  negative: number;
  labelled: number;
  negativeShare: number | null;
  baselineNegativeShare: number;
  expectedNegative: number;
  pVolume: number;
  pNegativeShare: number;
  pNegativeVolume: number;
  zVolume: number;
}

export type BaselineSummary =
  | {
      supported: true;
      days: number;
      excludedDays: number;
      mentions: number;
      hourlyMean: number;
      negativeShare: number;
      dispersion: number;
      timeZone: string;
    }
  | { supported: false; reason: string; days: number; mentions: number };

export interface CrisisAlert {
  level: AlertLevel;
  /** The level an hour earlier (same replay), to see a change. */
  previousLevel: AlertLevel;
  /** The level rose this hour: tell people now, do not wait for a digest. */
  notify: boolean;
  /** When the raised level's evidence began; null at 'none'. */
  startedAt: string | null;
  /** End of the last complete hour judged (mentions after it wait for the next hour). */
  assessedAt: string;
  evidence: CrisisEvidence | null;
  baseline: BaselineSummary;
}

const RANK: Record<AlertLevel, number> = { none: 0, watch: 1, crisis: 2 };
const iso = (hour: number) => new Date(hour * HOUR_MS).toISOString();
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function evidenceOut(window: WindowEvidence): CrisisEvidence {
  return {
    windowHours: window.hours,
    from: iso(window.fromHour),
    to: iso(window.toHour),
    mentions: window.mentions,
    expected: round(window.expected, 2),
    ratio: window.expected > 0 ? round(window.mentions / window.expected, 2) : 0,
    negative: window.negative,
    labelled: window.labelled,
    negativeShare: window.negativeShare === null ? null : round(window.negativeShare, 3),
    baselineNegativeShare: round(window.baselineNegativeShare, 3),
    expectedNegative: round(window.expectedNegative, 2),
    pVolume: Number(window.pVolume.toPrecision(3)),
    pNegativeShare: Number(window.pNegativeShare.toPrecision(3)),
    pNegativeVolume: Number(window.pNegativeVolume.toPrecision(3)),
    zVolume: round(window.zVolume, 2),
  };
}

export function baselineOut(baseline: Baseline): BaselineSummary {
  if (!baseline.supported) return baseline;
  return {
    supported: true,
    days: baseline.days,
    excludedDays: baseline.excludedDays,
    mentions: baseline.mentions,
    hourlyMean: round(baseline.hourlyMean, 3),
    negativeShare: round(baseline.negativeShare, 3),
    dispersion: round(baseline.dispersion, 2),
    timeZone: baseline.timeZone,
  };
}

export interface HourAssessment {
  alert: CrisisAlert;
  baseline: Baseline;
  /** The last hour's strongest window (null without a baseline). */
  window: WindowEvidence | null;
}

/**
 * The alert at the end of hour `endHour - 1` (hours since the epoch): the baseline learnt
 * before the replay span, then the replay's hours judged one by one through the hysteresis.
 */
export function assessHour(
  counts: HourlyCounts,
  endHour: number,
  historyStartHour: number | null,
  settings: CrisisSettings,
): HourAssessment {
  const replayStart = endHour - settings.replayHours;
  const baseline = seasonalBaseline(counts, replayStart, historyStartHour, settings.baseline);
  const assessedAt = iso(endHour);
  if (!baseline.supported) {
    const alert: CrisisAlert = {
      level: 'none',
      previousLevel: 'none',
      notify: false,
      startedAt: null,
      assessedAt,
      evidence: null,
      baseline: baselineOut(baseline),
    };
    return { alert, baseline, window: null };
  }
  let state: AlertState = CALM;
  let previous: AlertState = CALM;
  let window: WindowEvidence | null = null;
  for (let hour = replayStart + 1; hour <= endHour; hour += 1) {
    const verdict = judgeHour(windowEvidence(counts, baseline, hour), settings.rules);
    previous = state;
    state = nextState(state, verdict, settings.rules.quietHoursToClear);
    window = verdict.evidence;
  }
  const alert: CrisisAlert = {
    level: state.level,
    previousLevel: previous.level,
    notify: RANK[state.level] > RANK[previous.level],
    startedAt: state.startedHour === null ? null : iso(state.startedHour),
    assessedAt,
    evidence: window ? evidenceOut(window) : null,
    baseline: baselineOut(baseline),
  };
  return { alert, baseline, window };
}

export interface AssessOptions {
  /** Where the mention history begins (the loader's `since`); else the first mention. */
  historySince?: Date;
  settings?: CrisisSettings;
}

/**
 * The online form for the hourly sweep: is there a crisis now? `history` is the organization's
 * mentions (at least the last `baseline.weeks` weeks and the replay span before `now`; later
 * ones are ignored). Stateless and deterministic: the same history and hour give the same alert.
 */
export function assessCrisisNow(
  history: readonly CrisisMention[],
  now: Date,
  options: AssessOptions = {},
): CrisisAlert {
  const before = history.filter((m) => m.at.getTime() < now.getTime());
  const counts = new HourlyCounts(before);
  const historyStart = options.historySince
    ? Math.ceil(options.historySince.getTime() / HOUR_MS)
    : counts.firstHour;
  return assessHour(counts, hourOf(now), historyStart, options.settings ?? CRISIS_SETTINGS).alert;
}
