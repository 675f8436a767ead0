import { describe, expect, it } from 'vitest';
import {
  assessCrisisNow,
  crisisAlert,
  type AlertLevel,
  type CrisisMention,
} from '../../../../functions/core/agents/crisis';
import { burst, daytime, HOUR, regularHistory } from './history';

// Four weeks of daytime chatter (2 an hour, 08:00-19:59 UTC, one in five negative), then Monday 30 March.
const history = regularHistory({ from: '2026-03-02T00:00:00Z', days: 29, perHour: daytime });
const at = (iso: string) => new Date(iso);
const levelsFrom = (mentions: CrisisMention[], firstIso: string, hours: number): AlertLevel[] =>
  Array.from(
    { length: hours },
    (_, i) => assessCrisisNow(mentions, new Date(at(firstIso).getTime() + i * HOUR)).level,
  );

describe('assessCrisisNow', () => {
  it('sees nothing in ordinary chatter, and shows the baseline and the last window it weighed', () => {
    const alert = assessCrisisNow(history, at('2026-03-30T12:00:00Z'));
    expect(alert.level).toBe('none');
    expect(alert.notify).toBe(false);
    expect(alert.startedAt).toBeNull();
    expect(alert.assessedAt).toBe('2026-03-30T12:00:00.000Z');
    expect(alert.baseline).toMatchObject({ supported: true, hourlyMean: 1, dispersion: 1, timeZone: 'UTC' });
    expect(alert.evidence).not.toBeNull();
    expect(() => crisisAlert.parse(alert)).not.toThrow();
  });

  it('raises a crisis the first hour a burst of complaints shows, and says to notify at once', () => {
    const mentions = [...history, ...burst('2026-03-30T10:00:00Z', 2, 20, 'negative')];
    const before = assessCrisisNow(mentions, at('2026-03-30T10:00:00Z'));
    expect(before.level).toBe('none');
    const alert = assessCrisisNow(mentions, at('2026-03-30T11:00:00Z'));
    expect(alert).toMatchObject({ level: 'crisis', previousLevel: 'none', notify: true });
    const evidence = alert.evidence!;
    // The hour 10:00-11:00 holds 10 complaints and its 2 usual mentions: inside whichever window decided.
    expect(evidence.to).toBe('2026-03-30T11:00:00.000Z');
    expect(alert.startedAt).toBe(evidence.from);
    expect(evidence.negative).toBeGreaterThanOrEqual(10);
    expect(evidence.mentions).toBeGreaterThan(2 * evidence.expected);
    expect(evidence.pVolume * 4).toBeLessThanOrEqual(1e-4);
    expect(evidence.pNegativeShare * 4).toBeLessThanOrEqual(1e-3);
    expect(evidence.negativeShare!).toBeGreaterThan(evidence.baselineNegativeShare);
    // An hour later it is still the same crisis: no second notification.
    const next = assessCrisisNow(mentions, at('2026-03-30T12:00:00Z'));
    expect(next).toMatchObject({
      level: 'crisis',
      previousLevel: 'crisis',
      notify: false,
      startedAt: alert.startedAt,
    });
  });

  it('does not flap: once raised the crisis holds while the evidence lasts, then clears for good', () => {
    const mentions = [...history, ...burst('2026-03-30T10:00:00Z', 2, 20, 'negative')];
    const levels = levelsFrom(mentions, '2026-03-30T11:00:00Z', 30);
    const firstCalm = levels.indexOf('none');
    expect(firstCalm).toBeGreaterThanOrEqual(12);
    expect(firstCalm).toBeLessThanOrEqual(20);
    expect(levels.slice(0, firstCalm).every((l) => l === 'crisis')).toBe(true);
    expect(levels.slice(firstCalm).every((l) => l === 'none')).toBe(true);
  });

  it('a burst of praise is no crisis', () => {
    const mentions = [...history, ...burst('2026-03-30T10:00:00Z', 2, 20, 'positive')];
    expect(assessCrisisNow(mentions, at('2026-03-30T12:00:00Z')).level).toBe('none');
  });

  it('a negative turn without extra volume is a watch, not a crisis', () => {
    const turned = history.map((m) =>
      m.at >= at('2026-03-30T06:00:00Z') ? { ...m, label: 'negative' as const } : m,
    );
    const alert = assessCrisisNow(turned, at('2026-03-30T14:00:00Z'));
    expect(alert.level).toBe('watch');
    expect(alert.evidence!.negativeShare).toBe(1);
  });

  it('an extreme burst of mentions nobody scored is a watch (labels missing must not hide it)', () => {
    const unscored = regularHistory({
      from: '2026-03-02T00:00:00Z',
      days: 29,
      perHour: daytime,
      labels: [null],
    });
    const mentions = [...unscored, ...burst('2026-03-30T10:00:00Z', 2, 30, null)];
    const alert = assessCrisisNow(mentions, at('2026-03-30T12:00:00Z'));
    expect(alert.level).toBe('watch');
    expect(alert.evidence!.negativeShare).toBeNull();
  });

  it('says it cannot judge a short or empty history instead of guessing', () => {
    const short = regularHistory({ from: '2026-03-25T00:00:00Z', days: 5, perHour: daytime });
    const alert = assessCrisisNow(
      [...short, ...burst('2026-03-30T10:00:00Z', 2, 20, 'negative')],
      at('2026-03-30T12:00:00Z'),
    );
    expect(alert.level).toBe('none');
    expect(alert.evidence).toBeNull();
    expect(alert.baseline.supported).toBe(false);
    expect(() => crisisAlert.parse(alert)).not.toThrow();
    expect(assessCrisisNow([], at('2026-03-30T12:00:00Z')).baseline.supported).toBe(false);
  });

  it('ignores mentions at or after now and is deterministic', () => {
    const now = at('2026-03-30T12:00:00Z');
    const future = burst('2026-03-30T12:00:00Z', 3, 50, 'negative');
    expect(assessCrisisNow([...history, ...future], now)).toEqual(assessCrisisNow(history, now));
    // Mid-hour: the hour under way waits for the next run.
    expect(assessCrisisNow(history, at('2026-03-30T12:40:00Z'))).toEqual(assessCrisisNow(history, now));
  });
});
