import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError } from '../../../functions/platforms/connector';
import { mastodonUnderTest } from '../support/mastodon-connector';
import { sendJson, startMastodonStandIn, type MastodonStandIn } from '../support/mastodon-stand-in';

let standIn: MastodonStandIn;
beforeAll(async () => {
  standIn = await startMastodonStandIn();
});
afterAll(() => standIn.close());

describe('Mastodon account metrics', () => {
  it('reads followers, following and statuses from verify_credentials with the account token', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    standIn.accountCounts = { followers_count: 311, following_count: 96, statuses_count: 1205 };
    const metrics = await connector.fetchAccountMetrics!(credentials);
    expect(metrics).toEqual({
      followers: 311,
      following: 96,
      posts: 1205,
      source: 'Mastodon API, GET /api/v1/accounts/verify_credentials',
      fetchedAt: new Date('2025-06-01T12:00:00.000Z'),
      rateLimit: undefined,
    });
    expect(
      standIn.requestsTo('GET', '/api/v1/accounts/verify_credentials').at(-1)?.headers.authorization,
    ).toBe('Bearer token-alice');
  });

  it('reads X-RateLimit-* (Reset as an ISO time): 0 remaining is exhausted until the reset', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    standIn.rateLimitHeaders = {
      'X-RateLimit-Limit': '300',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': '2025-06-01T12:05:00.000Z',
    };
    const metrics = await connector.fetchAccountMetrics!(credentials);
    expect(metrics.rateLimit).toEqual({
      limit: 300,
      remaining: 0,
      resetAt: new Date('2025-06-01T12:05:00.000Z'),
      exhausted: true,
    });
    standIn.rateLimitHeaders = { 'X-RateLimit-Remaining': '299', 'X-RateLimit-Limit': '300' };
    expect((await connector.fetchAccountMetrics!(credentials)).rateLimit).toEqual({
      limit: 300,
      remaining: 299,
      exhausted: false,
    });
    standIn.rateLimitHeaders = {};
  });

  it('a revoked token is an auth error; a 429 waits until X-RateLimit-Reset', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    const revoked = await connector.fetchAccountMetrics!({ ...credentials, accessToken: 'revoked' }).catch(
      (error: unknown) => error,
    );
    expect(revoked).toBeInstanceOf(PlatformError);
    expect((revoked as PlatformError).kind).toBe('auth');
    standIn.override('GET', '/api/v1/accounts/verify_credentials', (_request, res) =>
      sendJson(res, 429, { error: 'Too many requests' }, { 'X-RateLimit-Reset': '2025-06-01T12:30:00.000Z' }),
    );
    const limited = (await connector.fetchAccountMetrics!(credentials).catch(
      (error: unknown) => error,
    )) as PlatformError;
    expect(limited.kind).toBe('rate_limited');
    expect(limited.details.retryAfterSeconds).toBe(1800);
  });
});
