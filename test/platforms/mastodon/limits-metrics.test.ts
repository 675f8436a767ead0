import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitsFromInstance, MASTODON_DEFAULT_LIMITS } from '../../../functions/platforms/mastodon';
import { mastodonUnderTest } from '../support/mastodon-connector';
import { sendJson, startMastodonStandIn, type MastodonStandIn } from '../support/mastodon-stand-in';

let standIn: MastodonStandIn;
beforeAll(async () => {
  standIn = await startMastodonStandIn();
});
afterAll(() => standIn.close());

describe('Mastodon limits', () => {
  it('starts from the stock Mastodon values', () => {
    const { connector } = mastodonUnderTest(standIn);
    expect(connector.limits()).toEqual(MASTODON_DEFAULT_LIMITS);
    expect(connector.limits()).toMatchObject({
      maxTextLength: 500,
      urlLength: 23,
      maxImages: 4,
      maxVideos: 1,
      mixedMedia: false,
    });
  });

  it("reads the instance's configuration from /api/v2/instance", async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    standIn.maxCharacters = 5000;
    const limits = await connector.readLimits?.(credentials);
    expect(limits).toEqual({
      maxTextLength: 5000,
      urlLength: 23,
      maxImages: 4,
      maxImageBytes: 16777216,
      maxVideoBytes: 103809024,
    });
    expect(standIn.requestsTo('GET', '/api/v2/instance').at(-1)?.headers.authorization).toBe(
      'Bearer token-alice',
    );
    standIn.maxCharacters = 500;
  });

  it('falls back to /api/v1/instance on servers without v2', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    standIn.instanceV2 = false;
    const before = standIn.requestsTo('GET', '/api/v1/instance').length;
    expect(await connector.readLimits?.(credentials)).toMatchObject({ maxTextLength: 500 });
    expect(standIn.requestsTo('GET', '/api/v1/instance').length).toBe(before + 1);
    standIn.instanceV2 = true;
  });

  it("understands Pleroma's max_toot_chars and ignores what it cannot read", () => {
    expect(limitsFromInstance({ max_toot_chars: 5000 })).toEqual({ maxTextLength: 5000 });
    expect(limitsFromInstance({ configuration: { statuses: { max_characters: 'many' } } })).toEqual({});
    expect(limitsFromInstance('<html>')).toEqual({});
  });

  it('maps a slow instance read to transient', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn, { timeoutMs: 150 });
    standIn.override('GET', '/api/v2/instance', async () => {
      await new Promise((resolve) => setTimeout(resolve, 600));
    });
    await expect(connector.readLimits?.(credentials)).rejects.toMatchObject({ kind: 'transient' });
  });
});

describe('Mastodon metrics', () => {
  it('reads favourites, replies and boosts (+ quotes) per status and skips deleted ones', async () => {
    const { connector, credentials, clock } = mastodonUnderTest(standIn);
    const a = await connector.publish(credentials, { text: `metrics a ${Date.now()}`, media: [] });
    const b = await connector.publish(credentials, { text: `metrics b ${Date.now()}`, media: [] });
    standIn.statuses.get(a.platformPostId)!.counts = { replies: 2, reblogs: 3, favourites: 10 };
    standIn.statuses.get(b.platformPostId)!.counts = { replies: 0, reblogs: 1, favourites: 4, quotes: 2 };

    const metrics = await connector.fetchMetrics(credentials, [
      a.platformPostId,
      'deleted-999',
      b.platformPostId,
    ]);
    expect(metrics).toEqual([
      { platformPostId: a.platformPostId, likes: 10, comments: 2, shares: 3, fetchedAt: clock.now() },
      { platformPostId: b.platformPostId, likes: 4, comments: 0, shares: 3, fetchedAt: clock.now() },
    ]);
    expect(
      standIn.requestsTo('GET', `/api/v1/statuses/${a.platformPostId}`).at(-1)?.headers.authorization,
    ).toBe('Bearer token-alice');
  });

  it('maps 429 on a read to rate_limited and a revoked token to auth', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    standIn.override('GET', /^\/api\/v1\/statuses\//, (_request, res) =>
      sendJson(res, 429, { error: 'Too many requests' }, { 'x-ratelimit-reset': '2025-06-01T12:05:00.000Z' }),
    );
    await expect(connector.fetchMetrics(credentials, ['1'])).rejects.toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterSeconds: 300 },
    });
    await expect(
      connector.fetchMetrics({ ...credentials, accessToken: 'nope' }, ['1']),
    ).rejects.toMatchObject({ kind: 'auth' });
  });

  it('maps a slow read to transient and a 502 to transient', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn, { timeoutMs: 150 });
    standIn.override('GET', /^\/api\/v1\/statuses\//, async () => {
      await new Promise((resolve) => setTimeout(resolve, 600));
    });
    await expect(connector.fetchMetrics(credentials, ['1'])).rejects.toMatchObject({ kind: 'transient' });
    standIn.override('GET', /^\/api\/v1\/statuses\//, (_request, res) =>
      sendJson(res, 502, { error: 'Bad gateway' }),
    );
    await expect(connector.fetchMetrics(credentials, ['1'])).rejects.toMatchObject({
      kind: 'transient',
      details: { status: 502 },
    });
  });
});
