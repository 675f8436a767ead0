import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import { competitorReaderFor } from '../../../functions/platforms/competitor-readers';
import type { CompetitorReader } from '../../../functions/platforms/competitor-reader';
import {
  PlatformError,
  type AccountCredentials,
  type Connector,
  type ConnectorContext,
} from '../../../functions/platforms/connector';
import { connectorFor, overrideConnectors } from '../../../functions/platforms/registry';
import { platformProfile } from '../../../functions/shared/platforms/catalog';
import { captureLogger } from '../../support/logger';
import { postgresBinDir } from '../../support/private-postgres';
import {
  createNetworkAccount,
  startBlueskyNetwork,
  type NetworkAccount,
  type RealBlueskyNetwork,
} from '../support/bluesky-network';

/**
 * Plume's Bluesky analytics reads against a real AppView (@atproto/dev-env `TestNetwork`: PDS,
 * PLC and the AppView indexing the PDS's firehose, in this process). Accounts follow, post,
 * like, repost, reply, quote, bookmark and delete with the real client; then Plume's own code,
 * aimed at the network the way the local runtime aims it (`overrideConnectors`), reads the
 * counts the AppView computed: account metrics (`app.bsky.actor.getProfile`), post metrics
 * (`app.bsky.feed.getPosts`) and the competitor reader (`getProfile` + `getAuthorFeed`, paged by
 * the AppView's own cursors). competitor.test.ts and account-metrics.test.ts cover what a real
 * AppView cannot be made to answer (rate limits, odd bodies).
 */

type PostRef = { uri: string; cid: string };

const MINUTE = 60_000;
/** More than one page of `getAuthorFeed` (the reader asks for 100 a page). */
const RIVAL_RECENT_POSTS = 105;

let net: RealBlueskyNetwork;
let alice: NetworkAccount;
let bob: NetworkAccount;
let carol: NetworkAccount;
let dan: NetworkAccount;
let rival: NetworkAccount;
let gone: NetworkAccount;
let connector: Connector;
let reader: CompetitorReader;
let credentials: AccountCredentials;
/** Every XRPC method Plume called, in order. */
const calls: string[] = [];
/** Alice's posts: `first` and `second` live, `doomed` deleted. */
let posts: { first: PostRef; second: PostRef; doomed: PostRef };
/** Rival's recent posts, newest first. */
let rivalRecent: (PostRef & { text: string; createdAt: string })[] = [];
let started = 0;

const clock = new ManualClock('2030-01-01T00:00:00.000Z');
/** The AppView needs PostgreSQL's server binaries (README: PostgreSQL is optional elsewhere). */
const hasPostgres = postgresBinDir() !== undefined;

/**
 * Runs writes one after another, letting the AppView index each before the next: it counts a
 * post's likes and reposts as it indexes them, and writes indexed together were once counted
 * one short under load.
 */
async function inTurn(writes: Array<() => Promise<unknown>>): Promise<void> {
  for (const write of writes) {
    await write();
    await net.indexed();
  }
}

async function rejection(promise: Promise<unknown>): Promise<PlatformError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PlatformError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function postAs(account: NetworkAccount, record: Record<string, unknown>): Promise<PostRef> {
  return account.agent.post({ createdAt: new Date().toISOString(), ...record } as Parameters<
    typeof account.agent.post
  >[0]);
}

/** Rival's posts in one commit: `RIVAL_RECENT_POSTS` a minute apart (newest 10 minutes ago), and two from 60 days ago. */
async function publishRivalHistory(): Promise<void> {
  const now = Date.now();
  const recent = Array.from({ length: RIVAL_RECENT_POSTS }, (_, index) => ({
    text: `Rival post ${index}`,
    createdAt: new Date(now - 10 * MINUTE - index * MINUTE).toISOString(),
  }));
  const old = [0, 1].map((index) => ({
    text: `Rival old post ${index}`,
    createdAt: new Date(now - 60 * 24 * 60 * MINUTE - index * MINUTE).toISOString(),
  }));
  const { data } = await rival.agent.com.atproto.repo.applyWrites({
    repo: rival.did,
    writes: [...recent, ...old].map((value) => ({
      $type: 'com.atproto.repo.applyWrites#create',
      collection: 'app.bsky.feed.post',
      value: { $type: 'app.bsky.feed.post', ...value },
    })),
  });
  // Each result is a createResult ({ $type, uri, cid, ... }); a reference is just the uri and cid.
  const created = (data.results ?? []) as PostRef[];
  rivalRecent = recent.map((value, index) => {
    const { uri, cid } = created[index] as PostRef;
    return { ...value, uri, cid };
  });
}

beforeAll(async () => {
  if (!hasPostgres) return;
  started = Date.now();
  net = await startBlueskyNetwork();
  [alice, bob, carol, dan, rival, gone] = await Promise.all([
    createNetworkAccount(net, 'alice', 'Alice Example'),
    createNetworkAccount(net, 'bob'),
    createNetworkAccount(net, 'carol'),
    createNetworkAccount(net, 'dan'),
    createNetworkAccount(net, 'rival', 'Rival Co'),
    createNetworkAccount(net, 'gone'),
  ]);

  // Followers: alice 3 (bob, carol, dan), rival 2 (alice, bob). Alice follows 2.
  await Promise.all([
    bob.agent.follow(alice.did),
    carol.agent.follow(alice.did),
    dan.agent.follow(alice.did),
    alice.agent.follow(bob.did),
    alice.agent.follow(rival.did),
    bob.agent.follow(rival.did),
  ]);

  posts = {
    first: await postAs(alice, { text: 'First post' }),
    second: await postAs(alice, { text: 'Second post' }),
    doomed: await postAs(alice, { text: 'Deleted soon' }),
  };
  await publishRivalHistory();
  const { first, second, doomed } = posts;
  const rivalNewest = rivalRecent[0] as PostRef;

  // first: 3 likes, 2 reposts, 2 direct replies (+1 reply to a reply, not counted), 1 quote, 1 bookmark.
  const bobReply = await postAs(bob, { text: 'Reply from bob', reply: { root: first, parent: first } });
  await inTurn([
    () => postAs(carol, { text: 'Reply from carol', reply: { root: first, parent: first } }),
    () => bob.agent.like(first.uri, first.cid),
    () => carol.agent.like(first.uri, first.cid),
    () => dan.agent.like(first.uri, first.cid),
    () => bob.agent.repost(first.uri, first.cid),
    () => carol.agent.repost(first.uri, first.cid),
    () => postAs(dan, { text: 'Quoting alice', embed: { $type: 'app.bsky.embed.record', record: first } }),
    () => bob.agent.app.bsky.bookmark.createBookmark({ uri: first.uri, cid: first.cid }),
  ]);
  await postAs(dan, { text: 'Reply to bob', reply: { root: first, parent: bobReply } });

  // second: carol's like withdrawn, bob's kept; rival replies (left out of its posts) and reposts it.
  const carolLike = await carol.agent.like(second.uri, second.cid);
  await inTurn([
    () => carol.agent.deleteLike(carolLike.uri),
    () => bob.agent.like(second.uri, second.cid),
    () => postAs(rival, { text: 'Rival replying', reply: { root: second, parent: second } }),
    () => rival.agent.repost(second.uri, second.cid),
  ]);

  // Rival's newest: 1 like, 1 reply, 1 repost, 1 quote.
  await inTurn([
    () => bob.agent.like(rivalNewest.uri, rivalNewest.cid),
    () => postAs(carol, { text: 'Reply to rival', reply: { root: rivalNewest, parent: rivalNewest } }),
    () => dan.agent.repost(rivalNewest.uri, rivalNewest.cid),
    () =>
      postAs(carol, {
        text: 'Quoting rival',
        embed: { $type: 'app.bsky.embed.record', record: rivalNewest },
      }),
  ]);

  await alice.agent.deletePost(doomed.uri);
  await gone.agent.com.atproto.server.deactivateAccount({});
  await net.indexed();

  // Plume's own configuration path: the local runtime's tests aim connectors the same way.
  overrideConnectors({
    endpoints: { bluesky: { service: net.pdsUrl, appview: net.appviewUrl } },
    options: { bluesky: { allowPrivateServices: true } },
  });
  const context: ConnectorContext = {
    fetch: (input, init) => {
      calls.push(new URL(String(input)).pathname.replace('/xrpc/', ''));
      return fetch(input, init);
    },
    clock,
    logger: captureLogger(),
    timeoutMs: 10_000,
  };
  const found = connectorFor('bluesky', context);
  const foundReader = competitorReaderFor('bluesky', context);
  if (found?.connect.kind !== 'app-password' || !foundReader)
    throw new Error('no Bluesky connector or reader');
  [connector, reader] = [found, foundReader];
  const appPassword = (await alice.agent.com.atproto.server.createAppPassword({ name: 'Plume' })).data
    .password;
  const { tokens, profile } = await found.connect.login({
    identifier: alice.handle,
    password: appPassword,
  });
  credentials = {
    ...tokens,
    accountId: profile.accountId,
    handle: profile.handle,
    serviceUrl: profile.serviceUrl,
    extra: profile.extra,
  };
  console.info(
    `Bluesky network: PostgreSQL ${net.startup.postgresMs} ms, PLC+PDS+AppView+Ozone ${net.startup.networkMs} ms; ` +
      `world written and indexed, connected: ${Date.now() - started} ms`,
  );
}, 120_000);

afterAll(async () => {
  overrideConnectors({});
  if (!net) return;
  await net.close();
  console.info(`Bluesky network file: ${Date.now() - started} ms`);
});

describe.skipIf(!hasPostgres)('Bluesky analytics against a real AppView', () => {
  it('reads account metrics: followers, following and posts as the AppView counts them', async () => {
    calls.length = 0;
    const metrics = await connector.fetchAccountMetrics!(credentials);
    expect(metrics).toEqual({
      followers: 3,
      following: 2,
      // first and second; the deleted post no longer counts, replies by others are theirs.
      posts: 2,
      source: platformProfile('bluesky').accountMetrics.source,
      fetchedAt: new Date('2030-01-01T00:00:00.000Z'),
      // The dev-env AppView sends no ratelimit-* headers.
      rateLimit: undefined,
    });
    expect(calls).toEqual(['app.bsky.actor.getProfile']);
  });

  it('maps an account the AppView does not know to a permanent error with its message', async () => {
    const error = await rejection(
      connector.fetchAccountMetrics!({ ...credentials, accountId: 'did:plc:aaaaaaaaaaaaaaaaaaaaaaaa' }),
    );
    expect(error.kind).toBe('permanent');
    expect(error.message).toBe('Bluesky could not read the account profile: Profile not found');
    expect(error.details).toMatchObject({ status: 400, platformCode: 'InvalidRequest' });
  });

  it('maps a deactivated account to an auth error the user must fix', async () => {
    const error = await rejection(
      connector.fetchAccountMetrics!({ ...credentials, accountId: gone.did, handle: gone.handle }),
    );
    expect(error.kind).toBe('auth');
    expect(error.message).toBe('Bluesky could not read the account profile: Account is deactivated');
    expect(error.details).toMatchObject({ status: 400, platformCode: 'AccountDeactivated' });
  });

  it('reads post metrics: likes, replies, reposts + quotes and bookmarks, in batches of 25', async () => {
    calls.length = 0;
    const rivalIds = rivalRecent.slice(0, 26).map((post) => post.uri);
    const ids = [posts.first.uri, posts.second.uri, posts.doomed.uri, ...rivalIds];
    const metrics = await connector.fetchMetrics!(credentials, ids);

    // 29 ids: two getPosts calls (25 + 4); the deleted post is absent from the answer.
    expect(calls).toEqual(['app.bsky.feed.getPosts', 'app.bsky.feed.getPosts']);
    expect(metrics.map((entry) => entry.platformPostId)).toEqual(ids.filter((id) => id !== posts.doomed.uri));
    const byId = new Map(metrics.map((entry) => [entry.platformPostId, entry]));
    const fetchedAt = new Date('2030-01-01T00:00:00.000Z');
    // Replies count direct replies only (dan's reply to bob is bob's); shares = reposts + quotes.
    expect(byId.get(posts.first.uri)).toEqual({
      platformPostId: posts.first.uri,
      likes: 3,
      comments: 2,
      shares: 3,
      saves: 1,
      fetchedAt,
    });
    // A withdrawn like no longer counts.
    expect(byId.get(posts.second.uri)).toEqual({
      platformPostId: posts.second.uri,
      likes: 1,
      comments: 1,
      shares: 1,
      saves: 0,
      fetchedAt,
    });
    expect(byId.get(rivalIds[0] as string)).toMatchObject({ likes: 1, comments: 1, shares: 2, saves: 0 });
    expect(byId.get(rivalIds[25] as string)).toMatchObject({ likes: 0, comments: 0, shares: 0, saves: 0 });
  });

  it('reads a competitor over two feed pages: own posts only, newest first, with their counts', async () => {
    calls.length = 0;
    const reading = await reader.read(
      { handle: '@Rival.test' },
      { since: new Date(Date.now() - 30 * 24 * 60 * MINUTE), maxPosts: 500 },
    );

    expect(reading.profile).toEqual({
      platformAccountId: rival.did,
      handle: 'rival.test',
      name: 'Rival Co',
      avatarUrl: null,
      profileUrl: 'https://bsky.app/profile/rival.test',
      serviceUrl: null,
      followers: 2,
      // 105 recent + 2 old + 1 reply; its repost is not a post.
      postsCount: RIVAL_RECENT_POSTS + 3,
    });
    // The repost of alice's post and the reply are left out, the two old posts end the reading.
    expect(reading.posts.map((post) => post.text)).toEqual(rivalRecent.map((post) => post.text));
    expect(reading.posts.map((post) => post.externalId)).toEqual(rivalRecent.map((post) => post.uri));
    expect(calls).toEqual([
      'app.bsky.actor.getProfile',
      'app.bsky.feed.getAuthorFeed',
      'app.bsky.feed.getAuthorFeed',
    ]);
    const [newest] = reading.posts;
    const rkey = rivalRecent[0]?.uri.split('/').pop();
    expect(newest).toEqual({
      externalId: rivalRecent[0]?.uri,
      text: 'Rival post 0',
      url: `https://bsky.app/profile/${rival.did}/post/${rkey}`,
      publishedAt: new Date(rivalRecent[0]?.createdAt ?? ''),
      likes: 1,
      comments: 1,
      shares: 2,
    });
    expect(reading.posts[RIVAL_RECENT_POSTS - 1]).toMatchObject({
      text: `Rival post ${RIVAL_RECENT_POSTS - 1}`,
      likes: 0,
      comments: 0,
      shares: 0,
    });
  });

  it('stops at maxPosts and at the window start without reading further pages', async () => {
    calls.length = 0;
    const few = await reader.read(
      { handle: 'rival.test' },
      { since: new Date(Date.now() - 30 * 24 * 60 * MINUTE), maxPosts: 3 },
    );
    expect(few.posts.map((post) => post.text)).toEqual(['Rival post 0', 'Rival post 1', 'Rival post 2']);

    // The window starts between post 9 and post 10 (a minute apart): ten posts, one page.
    const since = new Date(Date.parse(rivalRecent[9]?.createdAt ?? '') - MINUTE / 2);
    const windowed = await reader.read({ handle: rival.did }, { since, maxPosts: 500 });
    expect(windowed.posts.map((post) => post.text)).toEqual(
      rivalRecent.slice(0, 10).map((post) => post.text),
    );
    expect(calls).toEqual([
      'app.bsky.actor.getProfile',
      'app.bsky.feed.getAuthorFeed',
      'app.bsky.actor.getProfile',
      'app.bsky.feed.getAuthorFeed',
    ]);
  });

  it('says a handle nobody has is not an account (permanent), as the reader documents', async () => {
    const error = await rejection(
      reader.read({ handle: '@nobody.test' }, { since: new Date(0), maxPosts: 10 }),
    );
    expect(error.kind).toBe('permanent');
    expect(error.message).toBe(
      'Bluesky has no account nobody.test: Bluesky could not read the profile of nobody.test: Profile not found',
    );
    expect(error.details.status).toBe(400);
  });
});
