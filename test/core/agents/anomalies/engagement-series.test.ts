import { describe, expect, it } from 'vitest';
import { engagementPerPostSeries } from '../../../../functions/core/agents/anomalies/engagement-series';
import type { PostOutcome } from '../../../../functions/core/agents/post-outcomes';

const outcome = (publishedAt: string, engagement: number | null, asOfDays = 8, account = 'acct'): PostOutcome => ({
  targetId: `t-${publishedAt}`,
  postId: `p-${publishedAt}`,
  socialAccountId: account,
  platform: 'sandbox',
  publishedAt: new Date(publishedAt),
  text: '',
  mediaCount: 0,
  engagement,
  impressions: null,
  followersAtPublish: null,
  asOf: new Date(Date.parse(publishedAt) + asOfDays * 86_400_000),
});

describe('engagementPerPostSeries', () => {
  it('averages the day’s posts in the zone, across a DST change, leaving out growing, unread and other accounts’ posts', () => {
    const outcomes = [
      // Paris is UTC+1 until 2026-03-29 02:00, UTC+2 after: 23:30Z on the 28th is 00:30 on the 29th,
      // and 22:30Z on the 29th is already 00:30 on the 30th.
      outcome('2026-03-28T23:30:00Z', 30),
      outcome('2026-03-29T10:00:00Z', 50),
      outcome('2026-03-29T22:30:00Z', 7),
      outcome('2026-03-27T10:00:00Z', 1000, 2), // read two days after publication: still growing
      outcome('2026-03-27T11:00:00Z', null), // the network gives no engagement
      outcome('2026-03-27T12:00:00Z', 999, 8, 'other'),
    ];
    expect(engagementPerPostSeries(outcomes, 'acct', { timeZone: 'Europe/Paris' })).toEqual([
      { day: '2026-03-29', value: 40 },
      { day: '2026-03-30', value: 7 },
    ]);
    // In UTC the first post is on the 28th.
    expect(engagementPerPostSeries(outcomes, 'acct')).toEqual([
      { day: '2026-03-28', value: 30 },
      { day: '2026-03-29', value: 28.5 },
    ]);
    expect(engagementPerPostSeries([], 'acct')).toEqual([]);
  });
});
