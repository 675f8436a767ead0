import { afterEach, describe, expect, it } from 'vitest';
import { blueskyUnderTest, rejection, type BlueskyStandIns } from '../support/bluesky-connector';
import { xrpcError } from '../support/bluesky-stand-in';

let net: BlueskyStandIns | undefined;
afterEach(async () => {
  await net?.close();
  net = undefined;
});

const uri = (n: number) => `at://did:plc:alice/app.bsky.feed.post/3lpost${String(n).padStart(7, 'a')}`;

describe('Bluesky metrics from the public AppView', () => {
  it('reads counts in batches of 25 without authentication and maps them', async () => {
    const underTest = await blueskyUnderTest();
    net = underTest.net;
    const ids = Array.from({ length: 30 }, (_, n) => uri(n));
    ids.forEach((id, n) =>
      net?.world.counts.set(id, { likeCount: n, repostCount: 2, quoteCount: 1, replyCount: 4 }),
    );
    net.world.counts.delete(uri(7)); // deleted since: absent from the answer
    net.world.counts.set(uri(8), {
      likeCount: 5,
      repostCount: 0,
      replyCount: 0,
      quoteCount: 0,
      bookmarkCount: 9,
    });

    const metrics = await underTest.connector.fetchMetrics(underTest.credentials, ids);
    const calls = net.video.calls('app.bsky.feed.getPosts');
    expect(calls.map((call) => call.query.getAll('uris'))).toEqual([ids.slice(0, 25), ids.slice(25)]);
    expect(calls.every((call) => call.method === 'GET' && !call.headers.authorization)).toBe(true);
    expect(metrics).toHaveLength(29);
    expect(metrics[0]).toEqual({
      platformPostId: uri(0),
      likes: 0,
      comments: 4,
      shares: 3,
      saves: undefined,
      fetchedAt: new Date('2025-06-01T12:00:00.000Z'),
    });
    expect(metrics.find((m) => m.platformPostId === uri(8))).toMatchObject({ likes: 5, shares: 0, saves: 9 });
    expect(metrics.some((m) => m.platformPostId === uri(7))).toBe(false);
  });

  it('a 5xx or a slow AppView is transient (a read: safe to retry)', async () => {
    const underTest = await blueskyUnderTest({ timeoutMs: 500 });
    net = underTest.net;
    net.video.override('app.bsky.feed.getPosts', (_r, res) =>
      xrpcError(res, 502, 'UpstreamFailure', 'Upstream Failure'),
    );
    expect(await rejection(underTest.connector.fetchMetrics(underTest.credentials, [uri(1)]))).toMatchObject({
      kind: 'transient',
      details: { status: 502 },
    });
    net.video.delay('app.bsky.feed.getPosts', 1500);
    expect((await rejection(underTest.connector.fetchMetrics(underTest.credentials, [uri(1)]))).kind).toBe(
      'transient',
    );
    expect(await underTest.connector.fetchMetrics(underTest.credentials, [])).toEqual([]);
  });
});
