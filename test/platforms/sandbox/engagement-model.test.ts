import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ENGAGEMENT_MODEL,
  accruedShare,
  audienceActivity,
  engagementProfile,
  localTime,
  sandboxEngagement,
  type SandboxEngagement,
  type SandboxPostSnapshot,
} from '../../../functions/platforms/sandbox';

const HOUR = 3_600_000;

function post(overrides: Partial<SandboxPostSnapshot> = {}): SandboxPostSnapshot {
  return {
    id: '5b0d6f9e-7c57-4d0b-9a4f-0a1f7cf0a001',
    kind: 'post',
    text: 'Shipping a calmer release process this week. Notes inside #devops',
    media: [],
    threadReplies: 0,
    publishedAt: new Date('2026-03-10T12:00:00Z'),
    followers: 2_000,
    timeZone: 'UTC',
    ...overrides,
  };
}

const idOf = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const at = (p: SandboxPostSnapshot, hours: number) => new Date(p.publishedAt.getTime() + hours * HOUR);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const METRICS: (keyof SandboxEngagement)[] = [
  'impressions',
  'reach',
  'likes',
  'comments',
  'shares',
  'clicks',
  'saves',
  'videoViews',
];

const arbitraryPost = fc.record({
  id: fc.uuid(),
  kind: fc.constantFrom('post' as const, 'reply' as const, 'comment' as const),
  text: fc.string({ maxLength: 300 }),
  media: fc.array(fc.record({ kind: fc.constantFrom('image' as const, 'video' as const, 'gif' as const) }), {
    maxLength: 4,
  }),
  threadReplies: fc.nat({ max: 5 }),
  publishedAt: fc.date({
    min: new Date('2024-01-01T00:00:00Z'),
    max: new Date('2030-01-01T00:00:00Z'),
    noInvalidDate: true,
  }),
  followers: fc.integer({ min: 0, max: 50_000_000 }),
  timeZone: fc.constantFrom(
    'UTC',
    'Europe/Paris',
    'America/New_York',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Not/AZone',
  ),
});

describe('sandbox engagement model', () => {
  it('is deterministic: the same post and instant always give the same metrics', () => {
    const p = post();
    expect(sandboxEngagement(p, at(p, 5))).toEqual(sandboxEngagement({ ...p }, at(p, 5)));
    // A different post id is a different draw of virality and rates.
    expect(sandboxEngagement({ ...p, id: idOf(7) }, at(p, 5))).not.toEqual(sandboxEngagement(p, at(p, 5)));
  });

  it('starts at zero, never decreases with time, and stops growing at the horizon', () => {
    fc.assert(
      fc.property(
        arbitraryPost,
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        (p, a, b) => {
          const profile = engagementProfile(p);
          const [early, late] = a <= b ? [a, b] : [b, a];
          const first = sandboxEngagement(p, at(p, early), profile);
          const second = sandboxEngagement(p, at(p, late), profile);
          for (const metric of METRICS)
            expect(second[metric] ?? 0).toBeGreaterThanOrEqual(first[metric] ?? 0);
          expect(sandboxEngagement(p, p.publishedAt, profile).reach).toBe(0);
          expect(sandboxEngagement(p, at(p, -3), profile).impressions).toBe(0);
          expect(sandboxEngagement(p, at(p, ENGAGEMENT_MODEL.horizonHours + 50), profile)).toEqual(
            sandboxEngagement(p, at(p, ENGAGEMENT_MODEL.horizonHours), profile),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stays bounded: reach within the network, every interaction within reach, impressions at least reach', () => {
    fc.assert(
      fc.property(arbitraryPost, fc.double({ min: 0, max: 400, noNaN: true }), (p, hours) => {
        const m = sandboxEngagement(p, at(p, hours));
        expect(m.reach).toBeLessThanOrEqual(ENGAGEMENT_MODEL.networkSize);
        expect(m.impressions).toBeGreaterThanOrEqual(m.reach);
        for (const metric of ['likes', 'comments', 'shares', 'clicks', 'saves', 'videoViews'] as const) {
          expect(m[metric] ?? 0).toBeLessThanOrEqual(m.reach);
        }
        for (const value of Object.values(m)) expect(Number.isInteger(value) && value >= 0).toBe(true);
        expect('videoViews' in m).toBe(p.media.some((item) => item.kind === 'video'));
      }),
      { numRuns: 80 },
    );
    const huge = post({ followers: 2_000_000_000, id: idOf(1) });
    expect(sandboxEngagement(huge, at(huge, 500)).reach).toBeLessThanOrEqual(ENGAGEMENT_MODEL.networkSize);
  });

  it('accrues along a saturating curve: most of it in the first day, a little after', () => {
    const p = post();
    const profile = engagementProfile(p);
    const share = (hours: number) => accruedShare(profile, hours * HOUR);
    expect(share(0)).toBe(0);
    expect(share(0.5)).toBeGreaterThan(0.05);
    expect(share(1)).toBeLessThan(share(2));
    expect(share(24)).toBeGreaterThan(0.97);
    expect(share(ENGAGEMENT_MODEL.horizonHours)).toBe(1);
    // Concave overall: the first 2 hours bring more than hours 2 to 4.
    expect(share(2)).toBeGreaterThan(share(4) - share(2));
  });

  it('has a heavy-tailed virality across posts (a few posts take a large share of all reach)', () => {
    const reaches = Array.from(
      { length: 2_000 },
      (_, i) => engagementProfile(post({ id: idOf(i) })).finalReach,
    ).sort((a, b) => a - b);
    const total = reaches.reduce((a, b) => a + b, 0);
    const top1 = reaches.slice(-20).reduce((a, b) => a + b, 0);
    const median = reaches[1_000] as number;
    // A normal spread would give the top 1% about 1.5% of the total; log-normal sigma 1.4 about 18%.
    expect(top1 / total).toBeGreaterThan(0.1);
    expect((reaches.at(-1) as number) / median).toBeGreaterThan(30);
    // Mean-one virality: the average post reaches close to baseReachRate x timing x content x followers.
    const profile = engagementProfile(post());
    const expectedMean = 2_000 * ENGAGEMENT_MODEL.baseReachRate * profile.timing * profile.content;
    expect(mean(reaches) / expectedMean).toBeGreaterThan(0.8);
    expect(mean(reaches) / expectedMean).toBeLessThan(1.25);
  });

  it('rewards posting when the audience is awake, in the audience’s own time zone', () => {
    const averageReach = (iso: string, timeZone: string) =>
      mean(
        Array.from(
          { length: 300 },
          (_, i) => engagementProfile(post({ id: idOf(i), publishedAt: new Date(iso), timeZone })).finalReach,
        ),
      );
    // A Tuesday: 03:00 UTC (night) against 12:00 UTC (lunch) for an audience in UTC.
    const night = averageReach('2026-03-10T03:00:00Z', 'UTC');
    const noon = averageReach('2026-03-10T12:00:00Z', 'UTC');
    expect(noon / night).toBeGreaterThan(1.8);
    // The same UTC instant is lunchtime in London but 04:00 in Los Angeles.
    const losAngeles = averageReach('2026-03-10T12:00:00Z', 'America/Los_Angeles');
    expect(noon / losAngeles).toBeGreaterThan(1.5);
    // And the timing factor itself is the decay-weighted audience activity.
    const p = engagementProfile(post({ publishedAt: new Date('2026-03-10T03:00:00Z') }));
    expect(p.timing).toBeGreaterThan(0.1);
    expect(p.timing).toBeLessThan(0.5);
  });

  it('reads content: images lift reach, hashtag stuffing and links cut it, questions draw comments, links draw clicks', () => {
    const profile = (overrides: Partial<SandboxPostSnapshot>) =>
      engagementProfile(post({ id: idOf(42), ...overrides }));
    const plain = profile({ text: 'A calm and useful update about our release process this week.' });
    const withImage = profile({
      text: 'A calm and useful update about our release process this week.',
      media: [{ kind: 'image' }],
    });
    // Same draw of virality (same id), so the ratio is the image factor (up to reach saturation).
    expect(withImage.finalReach / plain.finalReach).toBeCloseTo(1.3, 3);
    const threeTags = profile({ text: 'A calm and useful update about our release process. #a #b #c' });
    const twelveTags = profile({
      text: 'A calm and useful update about our release process. #a #b #c #d #e #f #g #h #i #j #k #l',
    });
    expect(threeTags.content).toBeGreaterThan(twelveTags.content);
    const link = profile({
      text: 'A calm and useful update about our release process: https://example.com/notes',
    });
    expect(link.content).toBeLessThan(plain.content);
    expect(link.rates.clicks).toBeGreaterThan(plain.rates.clicks * 3);
    const question = profile({
      text: 'How do you keep your release process calm? Tell us what works for you',
    });
    expect(question.rates.comments).toBeGreaterThan(plain.rates.comments * 2);
    // Failure markers are not hashtags to the model.
    expect(profile({ text: 'Hello #fail-transient #slow' }).features.hashtags).toBe(0);
  });

  it('gives follow-ups a small share of the audience', () => {
    const top = engagementProfile(post({ id: idOf(3) }));
    const reply = engagementProfile(post({ id: idOf(3), kind: 'reply' }));
    expect(reply.finalReach / top.finalReach).toBeCloseTo(ENGAGEMENT_MODEL.followUpAudience, 3);
  });
});

describe('audience activity', () => {
  it('peaks in the evening, bottoms out at night, and is continuous across hours and days', () => {
    expect(audienceActivity(2, 20)).toBe(1);
    expect(audienceActivity(2, 4)).toBeLessThan(0.15);
    for (let day = 0; day < 7; day += 1) {
      for (let hour = 0; hour < 24; hour += 1) {
        const before = audienceActivity(day, hour + 0.9999);
        const next = hour === 23 ? audienceActivity((day + 1) % 7, 0) : audienceActivity(day, hour + 1);
        expect(Math.abs(before - next)).toBeLessThan(0.001);
      }
    }
    // Weekend mornings start later.
    expect(audienceActivity(6, 8)).toBeLessThan(audienceActivity(2, 8));
  });

  it('reads local time in the audience zone, across DST changes', () => {
    // New York springs forward on 2026-03-08 at 07:00 UTC (02:00 EST -> 03:00 EDT).
    expect(localTime(new Date('2026-03-08T06:30:00Z'), 'America/New_York')).toEqual({
      weekday: 0,
      hour: 1.5,
    });
    expect(localTime(new Date('2026-03-08T07:30:00Z'), 'America/New_York')).toEqual({
      weekday: 0,
      hour: 3.5,
    });
    expect(localTime(new Date('2026-03-10T12:15:00Z'), 'Asia/Kathmandu')).toEqual({ weekday: 2, hour: 18 });
    expect(localTime(new Date('2026-03-10T23:30:00Z'), 'Pacific/Auckland')).toEqual({
      weekday: 3,
      hour: 12.5,
    });
    // An unknown zone falls back to UTC rather than failing a metrics fetch.
    expect(localTime(new Date('2026-03-10T12:00:00Z'), 'Not/AZone')).toEqual({ weekday: 2, hour: 12 });
  });
});
