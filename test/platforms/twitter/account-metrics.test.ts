import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformError } from '../../../functions/platforms/connector';
import { twitterUnderTest } from '../support/twitter-connector';
import { problem, sendJson, startTwitterStandIn, type TwitterStandIn } from '../support/twitter-stand-in';

let standIn: TwitterStandIn;
beforeAll(async () => {
  standIn = await startTwitterStandIn();
});
afterAll(() => standIn.close());

describe('X account metrics', () => {
  it('reads followers, following and posts from users/me public_metrics, and the x-rate-limit-* headers', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    const metrics = await connector.fetchAccountMetrics!(credentials);
    const [call] = standIn.requestsTo('GET', '/2/users/me');
    expect(call?.query.get('user.fields')).toBe('public_metrics');
    expect(call?.headers.authorization).toBe('Bearer token-alice');
    expect(metrics).toEqual({
      followers: 5230,
      following: 410,
      posts: 9120,
      source: 'X API v2, GET /2/users/me (public_metrics)',
      fetchedAt: new Date('2025-06-01T12:00:00.000Z'),
      rateLimit: {
        limit: 75,
        remaining: 74,
        resetAt: new Date('2025-06-01T12:15:00.000Z'),
        exhausted: false,
      },
    });
    expect(metrics.impressions).toBeUndefined();
  });

  it('the last request of the window is exhausted until x-rate-limit-reset', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    standIn.usersMeLeft = 0;
    const metrics = await connector.fetchAccountMetrics!(credentials);
    expect(metrics.rateLimit).toMatchObject({ remaining: 0, exhausted: true });
    standIn.usersMeLeft = 74;
  });

  it('a 429 is rate_limited and says how long to wait', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    standIn.override('GET', '/2/users/me', (_request, res) =>
      sendJson(res, 429, problem(429, 'Too Many Requests', 'Too Many Requests'), {
        'x-rate-limit-limit': '75',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(standIn.nowSeconds + 600),
      }),
    );
    const error = (await connector.fetchAccountMetrics!(credentials).catch(
      (e: unknown) => e,
    )) as PlatformError;
    expect(error.kind).toBe('rate_limited');
    expect(error.details.retryAfterSeconds).toBe(600);
  });
});
