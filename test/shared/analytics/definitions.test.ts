import { describe, expect, it } from 'vitest';
import { engagementOf, engagementRateOf, totalsOf } from '../../../functions/shared/analytics/definitions';
import { POST_METRICS, type PostMetricFigures } from '../../../functions/shared/analytics/metrics';

/** Every metric null but those given. */
const figures = (values: Partial<PostMetricFigures>): PostMetricFigures => ({
  ...(Object.fromEntries(POST_METRICS.map((metric) => [metric, null])) as PostMetricFigures),
  ...values,
});

describe('metric definitions, on hand-computed figures', () => {
  it('engagement adds the interactions the network reports and leaves out the missing ones', () => {
    // 12 likes + 3 comments + 4 shares + 1 save + 5 clicks = 25
    expect(
      engagementOf(figures({ likes: 12, comments: 3, shares: 4, saves: 1, clicks: 5, impressions: 1000 })),
    ).toBe(25);
    // Mastodon-like: no saves, no clicks: 12 + 3 + 4 = 19
    expect(engagementOf(figures({ likes: 12, comments: 3, shares: 4 }))).toBe(19);
    // Impressions and video views are not engagement.
    expect(engagementOf(figures({ impressions: 500, videoViews: 80 }))).toBeNull();
    expect(engagementOf(figures({ likes: 0 }))).toBe(0);
  });

  it('engagement rate is engagement per 100 impressions, to 2 decimals, and null without impressions', () => {
    // 25 / 1000 * 100 = 2.5
    expect(
      engagementRateOf(
        figures({ likes: 12, comments: 3, shares: 4, saves: 1, clicks: 5, impressions: 1000 }),
      ),
    ).toBe(2.5);
    // 7 / 3 * 100 = 233.333... -> 233.33 (more interactions than impressions happens with late counts)
    expect(engagementRateOf(figures({ likes: 7, impressions: 3 }))).toBe(233.33);
    // 1 / 7 * 100 = 14.2857... -> 14.29
    expect(engagementRateOf(figures({ likes: 1, impressions: 7 }))).toBe(14.29);
    expect(engagementRateOf(figures({ likes: 7 }))).toBeNull();
    expect(engagementRateOf(figures({ likes: 7, impressions: 0 }))).toBeNull();
    expect(engagementRateOf(figures({ impressions: 100 }))).toBeNull();
  });

  it('totals add what the posts have, and stay null with the reason when none has it', () => {
    const reason = 'Mastodon publishes no view count for a post.';
    const totals = totalsOf(
      [
        { figures: figures({ likes: 2, comments: 1 }), unavailable: { impressions: reason } },
        {
          figures: figures({ likes: 3, comments: null }),
          unavailable: { impressions: reason, comments: 'gone' },
        },
      ],
      ['likes', 'comments', 'impressions'] as const,
    );
    expect(totals).toEqual({
      figures: { likes: 5, comments: 1, impressions: null },
      unavailable: { impressions: reason },
    });
    expect(totalsOf([], ['likes'] as const)).toEqual({ figures: { likes: null }, unavailable: {} });
  });
});
