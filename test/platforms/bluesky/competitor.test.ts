import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import { blueskyCompetitorReader } from '../../../functions/platforms/bluesky/competitor';
import { createRuntime } from '../../../functions/platforms/bluesky/runtime';
import { PlatformError } from '../../../functions/platforms/connector';
import { captureLogger } from '../../support/logger';
import { sendJson, startPublicServer } from '../support/public-accounts-stand-in';

type Server = Awaited<ReturnType<typeof startPublicServer>>;
let appview: Server | undefined;
afterEach(async () => {
  await appview?.close();
  appview = undefined;
});

const DID = 'did:plc:rival';
const item = (n: number, day: string, extra: Record<string, unknown> = {}) => ({
  post: {
    uri: `at://${DID}/app.bsky.feed.post/3k${n}`,
    cid: `cid${n}`,
    author: { did: DID, handle: 'rival.bsky.social' },
    record: { $type: 'app.bsky.feed.post', text: `Post ${n}`, createdAt: `${day}T08:00:00.000Z` },
    likeCount: n,
    replyCount: 1,
    repostCount: 2,
    quoteCount: 1,
    indexedAt: `${day}T08:00:01.000Z`,
  },
  ...extra,
});

/**
 * The public AppView's two documented reads (lexicons app.bsky.actor.getProfile and
 * app.bsky.feed.getAuthorFeed): 400 InvalidRequest "Profile not found" for nobody, pages by cursor.
 * The same reader runs against a real AppView (@atproto/dev-env's full network, with a PostgreSQL
 * cluster of its own) in real-appview.test.ts; this stand-in keeps the answers that one does not
 * give the reader, such as an old pinned post heading the feed.
 */
async function startAppView(feed: unknown[]) {
  return startPublicServer((request, response) => {
    if (request.path === '/xrpc/app.bsky.actor.getProfile') {
      if (request.query.get('actor') !== 'rival.bsky.social')
        return sendJson(response, 400, { error: 'InvalidRequest', message: 'Profile not found' });
      return sendJson(response, 200, {
        did: DID,
        handle: 'rival.bsky.social',
        displayName: 'Rival',
        avatar: 'https://cdn.example/avatar.jpg',
        followersCount: 900,
        postsCount: 77,
      });
    }
    if (request.path === '/xrpc/app.bsky.feed.getAuthorFeed') {
      const start = Number(request.query.get('cursor') ?? 0);
      const limit = Number(request.query.get('limit'));
      const page = feed.slice(start, start + limit);
      return sendJson(response, 200, {
        feed: page,
        ...(start + limit < feed.length ? { cursor: String(start + limit) } : {}),
      });
    }
    sendJson(response, 404, { error: 'MethodNotImplemented' });
  });
}

const readerAt = (url: string) =>
  blueskyCompetitorReader(
    createRuntime({
      fetch,
      clock: new ManualClock('2030-05-31T12:00:00Z'),
      logger: captureLogger(),
      timeoutMs: 2000,
      endpoints: { appview: url },
    }),
  );

describe('Bluesky competitor reader (public AppView, no sign-in)', () => {
  it('reads the profile and its own posts over pages, leaving out reposts and posts before the window', async () => {
    const feed = [
      item(999, '2030-04-01', { reason: { $type: 'app.bsky.feed.defs#reasonPin' } }), // old, pinned: skipped, not the end
      ...Array.from({ length: 120 }, (_, n) => item(n + 1, '2030-05-20')),
      item(500, '2030-05-19', { reason: { $type: 'app.bsky.feed.defs#reasonRepost', by: {} } }),
      item(7, '2030-04-30'),
      item(8, '2030-04-29'),
    ];
    appview = await startAppView(feed);
    const reading = await readerAt(appview.url).read(
      { handle: '@Rival.bsky.social' },
      { since: new Date('2030-05-01T00:00:00Z'), maxPosts: 200 },
    );
    expect(reading.profile).toEqual({
      platformAccountId: DID,
      handle: 'rival.bsky.social',
      name: 'Rival',
      avatarUrl: 'https://cdn.example/avatar.jpg',
      profileUrl: 'https://bsky.app/profile/rival.bsky.social',
      serviceUrl: null,
      followers: 900,
      postsCount: 77,
    });
    expect(reading.posts).toHaveLength(120);
    expect(reading.posts[0]).toEqual({
      externalId: `at://${DID}/app.bsky.feed.post/3k1`,
      text: 'Post 1',
      url: `https://bsky.app/profile/${DID}/post/3k1`,
      publishedAt: new Date('2030-05-20T08:00:00.000Z'),
      likes: 1,
      comments: 1,
      shares: 3,
    });
    const feedCalls = appview.requests.filter((r) => r.path.endsWith('getAuthorFeed'));
    expect(
      feedCalls.map((r) => [r.query.get('actor'), r.query.get('filter'), r.query.get('cursor')]),
    ).toEqual([
      [DID, 'posts_no_replies', null],
      [DID, 'posts_no_replies', '100'],
    ]);
    expect(appview.requests.every((r) => !r.headers.authorization)).toBe(true);
  });

  it('says an unknown handle has no account (permanent)', async () => {
    appview = await startAppView([]);
    const error = await readerAt(appview.url)
      .read({ handle: 'nobody.bsky.social' }, { since: new Date(0), maxPosts: 10 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ kind: 'permanent' });
    expect((error as Error).message).toMatch(/Bluesky has no account nobody.bsky.social/);
  });
});
