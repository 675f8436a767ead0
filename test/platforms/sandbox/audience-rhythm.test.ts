import { describe, expect, it } from 'vitest';
import { engagementProfile, type SandboxPostSnapshot } from '../../../functions/platforms/sandbox';
import {
  AUDIENCE_RHYTHM,
  audienceRhythm,
  rhythmBoost,
} from '../../../functions/platforms/sandbox/audience-rhythm';
import { seasonalFactor, seasonOf } from '../../../functions/platforms/sandbox/seasonal-calendar';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Sunday 2026-03-08 00:00 UTC: the start of a week without seasons.
const WEEK = Date.UTC(2026, 2, 8);

function post(handle: string | undefined, publishedAt: number, timeZone = 'UTC'): SandboxPostSnapshot {
  return {
    id: '5b0d6f9e-7c57-4d0b-9a4f-0a1f7cf0a001',
    kind: 'post',
    text: 'Shipping a calmer release process this week. Notes inside #devops',
    media: [],
    threadReplies: 0,
    publishedAt: new Date(publishedAt),
    followers: 2_000,
    timeZone,
    ...(handle ? { handle } : {}),
  };
}

/** Mean timing of posts published in each local weekday x hour of the week (four minutes each). */
function timingByCell(handle: string | undefined, timeZone = 'UTC', offsetHours = 0) {
  const cells: { weekday: number; hour: number; timing: number }[] = [];
  for (let weekday = 0; weekday < 7; weekday += 1)
    for (let hour = 0; hour < 24; hour += 1) {
      const at = WEEK + (weekday * 24 + hour - offsetHours) * HOUR;
      const timing =
        [5, 20, 35, 50].reduce(
          (sum, m) => sum + engagementProfile(post(handle, at + m * 60_000, timeZone)).timing,
          0,
        ) / 4;
      cells.push({ weekday, hour, timing });
    }
  return cells.sort((a, b) => b.timing - a.timing);
}

describe('audience rhythm', () => {
  it('is drawn from the handle, stays within waking hours, and differs between handles', () => {
    expect(audienceRhythm('ada')).toEqual(audienceRhythm('ada'));
    const peaks = new Set(
      ['ada', 'bob', 'cy', 'dee', 'eve', 'fay'].map((h) => JSON.stringify(audienceRhythm(h))),
    );
    expect(peaks.size).toBeGreaterThan(3);
    for (let i = 0; i < 200; i += 1) {
      const { peakWeekday, peakHour } = audienceRhythm(`h${i}`);
      expect(peakWeekday).toBeGreaterThanOrEqual(0);
      expect(peakWeekday).toBeLessThan(7);
      expect(peakHour).toBeGreaterThanOrEqual(AUDIENCE_RHYTHM.firstHour);
      expect(peakHour).toBeLessThan(AUDIENCE_RHYTHM.firstHour + AUDIENCE_RHYTHM.hours);
    }
    // The bump wraps around the week: Saturday night is next to Sunday morning.
    const sundayEarly = { peakWeekday: 0, peakHour: 0 };
    expect(rhythmBoost(sundayEarly, 6, 23.5)).toBeGreaterThan(0.5);
    expect(rhythmBoost(sundayEarly, 3, 12)).toBe(0);
  });

  it('makes the peak hour the best hour to publish, in the audience’s zone, about twice the next best slot', () => {
    for (const handle of ['ada', 'northwind.k3x9', 'lumen.q1']) {
      const { peakWeekday, peakHour } = audienceRhythm(handle);
      const ranked = timingByCell(handle);
      expect([ranked[0]!.weekday, ranked[0]!.hour]).toEqual([peakWeekday, peakHour]);
      // Best cell at least four hours from the peak (where the history puts other slots).
      const away = ranked.find((c) => c.weekday !== peakWeekday || Math.abs(c.hour - peakHour) >= 4)!;
      expect(ranked[0]!.timing / away.timing).toBeGreaterThan(1.8);
    }
    // Tokyo is UTC+9: the same handle peaks at the same local hour.
    const { peakWeekday, peakHour } = audienceRhythm('ada');
    const tokyo = timingByCell('ada', 'Asia/Tokyo', 9);
    expect([tokyo[0]!.weekday, tokyo[0]!.hour]).toEqual([peakWeekday, peakHour]);
  });

  it('leaves posts without a handle on the network-wide curve', () => {
    const ranked = timingByCell(undefined);
    // The base curve's evening peak on a weekday.
    expect(ranked[0]!.weekday).toBeGreaterThanOrEqual(1);
    expect(ranked[0]!.weekday).toBeLessThanOrEqual(5);
    expect(ranked[0]!.hour).toBeGreaterThanOrEqual(17);
    expect(ranked[0]!.hour).toBeLessThanOrEqual(20);
  });
});

describe('seasons', () => {
  it('quiets the network over the year-end holidays and in mid-summer, by local day', () => {
    const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
    expect(seasonalFactor(day('2026-12-25'))).toBe(0.5);
    expect(seasonalFactor(day('2027-01-02'))).toBe(0.5);
    expect(seasonalFactor(day('2027-01-03'))).toBe(1);
    expect(seasonalFactor(day('2026-08-10'))).toBe(0.75);
    expect(seasonalFactor(day('2026-03-10'))).toBe(1);
    expect(seasonOf(12, 21)).toBeUndefined();
    // The same post a week before Christmas and on Christmas Eve: half the timing.
    const before = engagementProfile(post(undefined, Date.UTC(2026, 11, 17, 12))).timing;
    const during = engagementProfile(post(undefined, Date.UTC(2026, 11, 24, 12))).timing;
    expect(during / before).toBeCloseTo(0.5, 1);
  });
});
