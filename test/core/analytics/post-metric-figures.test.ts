import { describe, expect, it } from 'vitest';
import { figuresFromNetwork } from '../../../functions/core/analytics/post-metric-figures';
import { NOT_RETURNED, POST_METRICS } from '../../../functions/shared/analytics/metrics';
import { PLATFORM_CATALOG, PLATFORM_IDS } from '../../../functions/shared/platforms/catalog';

const fetchedAt = new Date('2026-12-01T10:00:00Z');

describe('figuresFromNetwork', () => {
  it("keeps the network's numbers, zeros included, and makes every missing one null with a reason", () => {
    const { figures, unavailable } = figuresFromNetwork('mastodon', {
      platformPostId: '1',
      likes: 4,
      comments: 0,
      shares: 2,
      fetchedAt,
    });
    expect(figures).toEqual({
      impressions: null,
      reach: null,
      likes: 4,
      comments: 0,
      shares: 2,
      clicks: null,
      saves: null,
      videoViews: null,
    });
    expect(unavailable).toEqual(PLATFORM_CATALOG.mastodon.metrics.unavailable);
  });

  it('says "not returned" for a figure the network has but left out of its answer', () => {
    const { figures, unavailable } = figuresFromNetwork('twitter', {
      platformPostId: '1',
      likes: 1,
      impressions: Number.NaN,
      fetchedAt,
    });
    expect(figures.impressions).toBeNull();
    expect(unavailable.impressions).toBe(NOT_RETURNED);
    expect(unavailable.reach).toBe(PLATFORM_CATALOG.twitter.metrics.unavailable.reach);
  });

  it('every network names its source and explains only metrics Plume keeps', () => {
    for (const platform of PLATFORM_IDS) {
      const { metrics } = PLATFORM_CATALOG[platform];
      expect(metrics.source.length, platform).toBeGreaterThan(10);
      for (const [metric, reason] of Object.entries(metrics.unavailable)) {
        expect(POST_METRICS, platform).toContain(metric);
        expect(reason, `${platform} ${metric}`).toMatch(/\.$/);
      }
    }
  });
});
