import { WINDOWS, type WindowEvidence } from './window-evidence';

export const ALERT_LEVELS = ['none', 'watch', 'crisis'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

/**
 * When an hour's evidence makes a crisis or a watch. P-value bars apply to p x the number of
 * windows tested (Bonferroni), so testing four windows does not quadruple false alarms.
 * A crisis needs more mentions than usual and a more negative mix, and enough negative
 * mentions to act on: either each shown on its own (volume 1e-4, mix 1e-3), or the count of
 * negative mentions far above its usual (1e-6, which tests volume and mix at once and so sees
 * a crisis an hour or two sooner at a few mentions an hour) with a mix at least mildly turned
 * (0.05), so a viral moment whose mix stays usual is no crisis; a watch is a weaker form of the same, a negative turn without extra
 * volume, or an extreme burst whose mix is not more positive than usual (a crisis the
 * sentiment labels miss still surfaces).
 */
export interface AlertRules {
  crisis: { pVolume: number; pNegativeShare: number; minNegative: number };
  negativeSurge: { pNegativeVolume: number; pNegativeShare: number };
  watch: { pVolume: number; pNegativeShare: number; minNegative: number };
  negativeTurn: { pNegativeShare: number; minNegative: number };
  burst: { pVolume: number };
  /** Hours without watch-level evidence before a raised level clears (hysteresis). */
  quietHoursToClear: number;
}

export const ALERT_RULES: AlertRules = {
  crisis: { pVolume: 1e-4, pNegativeShare: 1e-3, minNegative: 5 },
  negativeSurge: { pNegativeVolume: 1e-6, pNegativeShare: 0.05 },
  watch: { pVolume: 1e-2, pNegativeShare: 0.05, minNegative: 3 },
  negativeTurn: { pNegativeShare: 1e-4, minNegative: 4 },
  burst: { pVolume: 1e-6 },
  quietHoursToClear: 6,
};

export interface HourVerdict {
  level: AlertLevel;
  /** The window that decided (the strongest evidence when nothing was raised). */
  evidence: WindowEvidence;
}

const adjusted = (p: number) => p * WINDOWS.length;

function meets(evidence: WindowEvidence, rules: AlertRules): AlertLevel {
  const pVolume = adjusted(evidence.pVolume);
  const pShare = adjusted(evidence.pNegativeShare);
  const { crisis, negativeSurge, watch, negativeTurn, burst } = rules;
  if (evidence.negative >= crisis.minNegative) {
    if (pVolume <= crisis.pVolume && pShare <= crisis.pNegativeShare) return 'crisis';
    const surge = adjusted(evidence.pNegativeVolume) <= negativeSurge.pNegativeVolume;
    if (surge && pShare <= negativeSurge.pNegativeShare) return 'crisis';
  }
  if (pVolume <= watch.pVolume && pShare <= watch.pNegativeShare && evidence.negative >= watch.minNegative)
    return 'watch';
  if (pShare <= negativeTurn.pNegativeShare && evidence.negative >= negativeTurn.minNegative) return 'watch';
  const notMorePositive =
    evidence.negativeShare === null || evidence.negativeShare >= evidence.baselineNegativeShare;
  return pVolume <= burst.pVolume && notMorePositive ? 'watch' : 'none';
}

const RANK: Record<AlertLevel, number> = { none: 0, watch: 1, crisis: 2 };

/** The highest level any window reaches this hour, and the strongest window at that level. */
export function judgeHour(evidence: readonly WindowEvidence[], rules: AlertRules = ALERT_RULES): HourVerdict {
  let best: HourVerdict | null = null;
  for (const window of evidence) {
    const level = meets(window, rules);
    if (
      !best ||
      RANK[level] > RANK[best.level] ||
      (RANK[level] === RANK[best.level] && window.pCombined < best.evidence.pCombined)
    )
      best = { level, evidence: window };
  }
  if (!best) throw new Error('judgeHour needs at least one window');
  return best;
}
