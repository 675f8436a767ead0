import { afterEach, describe, expect, it } from 'vitest';
import { blueskyUnderTest, rejection, type BlueskyStandIns } from '../support/bluesky-connector';
import { xrpcError } from '../support/bluesky-stand-in';

let net: BlueskyStandIns | undefined;
afterEach(async () => {
  await net?.close();
  net = undefined;
});

describe('Bluesky account metrics from the public AppView', () => {
  it('reads followers, follows and posts with app.bsky.actor.getProfile, unauthenticated, by DID', async () => {
    const underTest = await blueskyUnderTest();
    net = underTest.net;
    net.world.profileCounts = { followersCount: 1234, followsCount: 56, postsCount: 789 };
    const metrics = await underTest.connector.fetchAccountMetrics!(underTest.credentials);
    const [call] = net.video.calls('app.bsky.actor.getProfile');
    expect(call?.query.get('actor')).toBe('did:plc:alice');
    expect(call?.headers.authorization).toBeUndefined();
    expect(metrics).toEqual({
      followers: 1234,
      following: 56,
      posts: 789,
      source: 'Bluesky App View, app.bsky.actor.getProfile',
      fetchedAt: new Date('2025-06-01T12:00:00.000Z'),
      rateLimit: undefined,
    });
  });

  it('leaves a count out when the AppView leaves it out (never a made-up 0)', async () => {
    const underTest = await blueskyUnderTest();
    net = underTest.net;
    net.world.profileCounts = { followersCount: 10 };
    const metrics = await underTest.connector.fetchAccountMetrics!(underTest.credentials);
    expect(metrics.followers).toBe(10);
    expect(metrics.following).toBeUndefined();
    expect(metrics.posts).toBeUndefined();
  });

  it('reads the ratelimit-* headers: an exhausted allowance says when it resets', async () => {
    const underTest = await blueskyUnderTest();
    net = underTest.net;
    const reset = Math.floor(new Date('2025-06-01T12:05:00Z').getTime() / 1000);
    net.world.rateLimitHeaders = {
      'ratelimit-limit': '3000',
      'ratelimit-remaining': '0',
      'ratelimit-reset': String(reset),
    };
    const metrics = await underTest.connector.fetchAccountMetrics!(underTest.credentials);
    expect(metrics.rateLimit).toEqual({
      limit: 3000,
      remaining: 0,
      resetAt: new Date('2025-06-01T12:05:00Z'),
      exhausted: true,
    });
  });

  it('a 429 is rate_limited with the wait until RateLimit-Reset', async () => {
    const underTest = await blueskyUnderTest();
    net = underTest.net;
    const reset = Math.floor(new Date('2025-06-01T12:10:00Z').getTime() / 1000);
    net.video.override('app.bsky.actor.getProfile', (_r, res) =>
      xrpcError(res, 429, 'RateLimitExceeded', 'Rate Limit Exceeded', {
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(reset),
      }),
    );
    expect(await rejection(underTest.connector.fetchAccountMetrics!(underTest.credentials))).toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterSeconds: 600 },
    });
  });
});
