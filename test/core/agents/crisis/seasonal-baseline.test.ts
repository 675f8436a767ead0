import { describe, expect, it } from 'vitest';
import {
  BASELINE_SETTINGS,
  HourlyCounts,
  hourOf,
  seasonalBaseline,
  type CrisisMention,
} from '../../../../functions/core/agents/crisis';
import { expectedMentions } from '../../../../functions/core/agents/crisis/seasonal-baseline';
import { burst, daytime, HOUR, regularHistory } from './history';

const FROM = '2026-03-02T00:00:00Z'; // a Monday
const start = hourOf(new Date(FROM));

function baselineOf(mentions: CrisisMention[], days: number, settings = BASELINE_SETTINGS) {
  const result = seasonalBaseline(new HourlyCounts(mentions), start + days * 24, start, settings);
  if (!result.supported) throw new Error(result.reason);
  return result;
}

describe('seasonalBaseline', () => {
  const history = regularHistory({ from: FROM, days: 21, perHour: daytime });

  it('learns each hour of the week: 2 at Monday 10:00 UTC, the floor (a quarter of the hourly mean) at night', () => {
    const baseline = baselineOf(history, 21);
    expect(baseline.days).toBe(21);
    expect(baseline.excludedDays).toBe(0);
    expect(baseline.mentions).toBe(21 * 24);
    expect(baseline.hourlyMean).toBe(1);
    // Monday is weekday 1: hour of the week 24 + 10. Three Mondays of 2, prior 2: (6 + 4 x 2) / 7.
    expect(baseline.byHourOfWeek[34]).toBe(2);
    expect(baseline.byHourOfWeek[24 + 3]).toBe(0.25);
    // Poisson would have night hours at 0.25 and see none: under-dispersed, clamped to 1.
    expect(baseline.dispersion).toBe(1);
    // 504 mentions, every fifth negative: 100; shrunk towards 20 % with weight 20.
    expect(baseline.negativeShare).toBeCloseTo(104 / 524, 12);
    expect(expectedMentions(baseline, start + 8, start + 11)).toBe(6);
  });

  it('leaves out a day far above the median day (an earlier crisis), so it does not raise the bar', () => {
    const withCrisis = [...history, ...burst('2026-03-11T08:00:00Z', 10, 200, 'negative')];
    const baseline = baselineOf(withCrisis, 21);
    expect(baseline.excludedDays).toBe(1);
    expect(baseline.days).toBe(20);
    expect(baseline.byHourOfWeek[34]).toBe(2);
    expect(baseline.negativeShare).toBeLessThan(0.21);
  });

  it('says it cannot judge with fewer than 14 days, or too few mentions', () => {
    const short = seasonalBaseline(new HourlyCounts(history), start + 10 * 24, start);
    expect(short).toEqual({
      supported: false,
      reason: '10 days of mentions before this hour; at least 14 are needed to know what normal is.',
      days: 10,
      mentions: 240,
    });
    const sparse = regularHistory({
      from: FROM,
      days: 21,
      perHour: (h, i) => (h === 12 && i % 48 === 12 ? 1 : 0),
    });
    const thin = seasonalBaseline(new HourlyCounts(sparse), start + 21 * 24, start);
    expect(thin.supported).toBe(false);
    if (!thin.supported) expect(thin.reason).toMatch(/^11 mentions in 21 ordinary days/);
    const none = seasonalBaseline(new HourlyCounts([]), start + 21 * 24, null);
    expect(none.supported).toBe(false);
  });

  it("follows the brand's clock across a daylight-saving change (New York, 8 March 2026)", () => {
    // Three mentions at 09:00 New York time every day: 14:00 UTC before the change, 13:00 after.
    const mentions: CrisisMention[] = [];
    for (let day = 0; day < 28; day += 1) {
      const date = new Date(Date.UTC(2026, 1, 23 + day));
      const utcHour = date < new Date('2026-03-08T00:00:00Z') ? 14 : 13;
      for (let k = 0; k < 3; k += 1)
        mentions.push({ at: new Date(date.getTime() + utcHour * HOUR + k * 60_000), label: 'neutral' });
    }
    const cutoff = hourOf(new Date('2026-03-23T00:00:00Z'));
    const first = hourOf(new Date('2026-02-23T00:00:00Z'));
    const local = seasonalBaseline(new HourlyCounts(mentions), cutoff, first, {
      ...BASELINE_SETTINGS,
      timeZone: 'America/New_York',
    });
    const utc = seasonalBaseline(new HourlyCounts(mentions), cutoff, first);
    if (!local.supported || !utc.supported) throw new Error('both should be supported');
    const mondayNine = hourOf(new Date('2026-03-23T13:00:00Z'));
    expect(expectedMentions(local, mondayNine, mondayNine + 1)).toBe(3);
    expect(expectedMentions(local, mondayNine + 1, mondayNine + 2)).toBeCloseTo(0.25 * local.hourlyMean, 12);
    // In UTC the same hour mixes the weeks before and after the change.
    expect(expectedMentions(utc, mondayNine, mondayNine + 1)).toBeLessThan(2.5);
  });
});
