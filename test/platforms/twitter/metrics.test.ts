import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twitterUnderTest } from '../support/twitter-connector';
import { problem, sendJson, startTwitterStandIn, type TwitterStandIn } from '../support/twitter-stand-in';

let standIn: TwitterStandIn;
beforeAll(async () => {
  standIn = await startTwitterStandIn();
});
afterAll(() => standIn.close());

describe('X metrics', () => {
  it('maps public metrics and video views, leaving out deleted posts', async () => {
    const { connector, credentials, clock } = twitterUnderTest(standIn);
    const text = await connector.publish(credentials, { text: 'metrics text', media: [] });
    const clip = standIn.addFile('metrics-clip', 'video/mp4', Buffer.alloc(64, 3));
    standIn.pollsUntilDone = 0;
    const video = await connector.publish(credentials, {
      text: 'metrics video',
      media: [{ id: 'metrics-clip', kind: 'video', mimeType: 'video/mp4', bytes: 64, url: clip }],
    });
    standIn.tweets.get(text.platformPostId)!.metrics = {
      retweet_count: 2,
      reply_count: 3,
      like_count: 10,
      quote_count: 1,
      bookmark_count: 4,
      impression_count: 900,
    };
    standIn.tweets.get(video.platformPostId)!.videoViews = 321;

    const metrics = await connector.fetchMetrics(credentials, [
      text.platformPostId,
      '1999999999999999999',
      video.platformPostId,
    ]);

    expect(metrics).toEqual([
      {
        platformPostId: text.platformPostId,
        impressions: 900,
        likes: 10,
        comments: 3,
        shares: 3,
        saves: 4,
        videoViews: undefined,
        fetchedAt: clock.now(),
      },
      {
        platformPostId: video.platformPostId,
        impressions: 0,
        likes: 0,
        comments: 0,
        shares: 0,
        saves: 0,
        videoViews: 321,
        fetchedAt: clock.now(),
      },
    ]);
    const request = standIn.requestsTo('GET', '/2/tweets').at(-1);
    expect(request?.headers.authorization).toBe('Bearer token-alice');
    expect(Object.fromEntries(request?.query ?? [])).toEqual({
      ids: `${text.platformPostId},1999999999999999999,${video.platformPostId}`,
      'tweet.fields': 'public_metrics',
      expansions: 'attachments.media_keys',
      'media.fields': 'public_metrics',
    });
  });

  it('asks for at most 100 posts per request', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    const before = standIn.requestsTo('GET', '/2/tweets').length;
    const ids = Array.from({ length: 150 }, (_, i) => String(1700000000000000000n + BigInt(i)));
    expect(await connector.fetchMetrics(credentials, ids)).toEqual([]);
    const lookups = standIn.requestsTo('GET', '/2/tweets').slice(before);
    expect(lookups.map((r) => (r.query.get('ids') ?? '').split(',').length)).toEqual([100, 50]);
  });

  it('maps a slow read to transient and 429 to rate_limited', async () => {
    const { connector, credentials } = twitterUnderTest(standIn, { timeoutMs: 150 });
    standIn.override('GET', '/2/tweets', async () => {
      await new Promise((resolve) => setTimeout(resolve, 600));
    });
    await expect(connector.fetchMetrics(credentials, ['1'])).rejects.toMatchObject({ kind: 'transient' });
    standIn.override('GET', '/2/tweets', (_request, res) =>
      sendJson(res, 429, problem(429, 'Too Many Requests', 'Too Many Requests'), {
        'x-rate-limit-limit': '15',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(standIn.nowSeconds + 60),
      }),
    );
    await expect(connector.fetchMetrics(credentials, ['1'])).rejects.toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterSeconds: 60 },
    });
  });
});
