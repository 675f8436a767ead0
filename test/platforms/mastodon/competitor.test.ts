import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import { PlatformError } from '../../../functions/platforms/connector';
import { createRuntime } from '../../../functions/platforms/mastodon/client';
import { mastodonCompetitorReader } from '../../../functions/platforms/mastodon/competitor';
import { captureLogger } from '../../support/logger';
import { startMastodonPublicStandIn, type PublicStatus } from '../support/mastodon-public-stand-in';

type StandIn = Awaited<ReturnType<typeof startMastodonPublicStandIn>>;
let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const clock = new ManualClock('2030-05-31T12:00:00.000Z');
const readerOf = (allowPrivateInstances: boolean) =>
  mastodonCompetitorReader(
    createRuntime({ fetch, clock, logger: captureLogger(), timeoutMs: 2000 }, { allowPrivateInstances }),
  );
const status = (id: number, day: string, counts: Partial<PublicStatus> = {}): PublicStatus => ({
  id: String(id),
  created_at: `${day}T10:00:00.000Z`,
  content: `<p>Post ${id} about <a href="#">#Coffee</a> &amp; tea</p>`,
  replies_count: 1,
  reblogs_count: 2,
  favourites_count: 3,
  ...counts,
});
const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PlatformError) return error;
    throw error;
  }
  throw new Error('expected the read to fail');
};

describe('Mastodon competitor reader (public REST API, no token)', () => {
  it('reads the profile and its own posts since the window, over pages, without replies or boosts', async () => {
    server = await startMastodonPublicStandIn();
    const statuses = Array.from({ length: 45 }, (_, n) => status(100 + n, '2030-05-20'));
    statuses.push(status(50, '2030-04-01')); // before the window
    statuses.push({ ...status(200, '2030-05-21'), in_reply_to_id: '7' });
    statuses.push({ ...status(201, '2030-05-21'), reblog: { id: '9' } });
    statuses.push(status(202, '2030-05-22', { favourites_count: 10, quotes_count: 4 }));
    server.accounts.set('rival', {
      id: '77',
      username: 'rival',
      display_name: 'Rival Roasters',
      followers_count: 1500,
      statuses_count: 321,
      statuses,
    });
    const host = new URL(server.url).host;
    const reading = await readerOf(true).read(
      { handle: `@rival@${host}`, serviceUrl: server.url },
      { since: new Date('2030-05-01T00:00:00Z'), maxPosts: 200 },
    );
    expect(reading.profile).toMatchObject({
      platformAccountId: '77',
      handle: `rival@${host}`,
      name: 'Rival Roasters',
      serviceUrl: server.url,
      followers: 1500,
      postsCount: 321,
    });
    expect(reading.posts).toHaveLength(46);
    expect(reading.posts[0]).toEqual({
      externalId: '202',
      text: 'Post 202 about #Coffee & tea',
      url: `${server.url}/@rival/202`,
      publishedAt: new Date('2030-05-22T10:00:00.000Z'),
      likes: 10,
      comments: 1,
      shares: 6,
    });
    expect(reading.unavailable.impressions).toMatch(/never public/);
    const calls = server.requests.filter((r) => r.path.endsWith('/statuses'));
    expect(calls).toHaveLength(2);
    expect(calls[1]!.query.get('max_id')).toBe('106');
    expect(server.requests.every((r) => !r.headers.authorization)).toBe(true);
  });

  it('takes the server from the instance field; an unknown name, a hidden profile and a private server are refused with reasons', async () => {
    server = await startMastodonPublicStandIn();
    server.accounts.set('known', {
      id: '1',
      username: 'known',
      display_name: '',
      followers_count: 0,
      statuses_count: 0,
      statuses: [],
    });
    const since = new Date('2030-05-01T00:00:00Z');
    const reader = readerOf(true);
    const read = await reader.read({ handle: 'known', serviceUrl: server.url }, { since, maxPosts: 10 });
    expect(read.profile).toMatchObject({
      name: null,
      followers: 0,
      handle: `known@${new URL(server.url).host}`,
    });

    const unknown = await failure(
      reader.read({ handle: 'nobody', serviceUrl: server.url }, { since, maxPosts: 10 }),
    );
    expect(unknown.kind).toBe('permanent');
    expect(unknown.message).toMatch(/has no account @nobody/);

    expect((await failure(reader.read({ handle: 'known' }, { since, maxPosts: 10 }))).message).toMatch(
      /which server/,
    );

    server.state.requireSignIn = true;
    const hidden = await failure(
      reader.read({ handle: 'known', serviceUrl: server.url }, { since, maxPosts: 10 }),
    );
    expect(hidden.kind).toBe('permanent');
    expect(hidden.message).toMatch(/only to signed-in users/);

    const before = server.requests.length;
    const privateServer = await failure(
      readerOf(false).read({ handle: `known@${new URL(server.url).host}` }, { since, maxPosts: 10 }),
    );
    expect(privateServer.message).toMatch(/not an https server address|not a public server/);
    const internal = await failure(
      readerOf(false).read({ handle: 'known@10.0.0.8' }, { since, maxPosts: 10 }),
    );
    expect(internal.message).toMatch(/not a public server/);
    expect(server.requests.length).toBe(before);
  });
});
