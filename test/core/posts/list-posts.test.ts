import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPost } from '../../../functions/core/posts/create-post';
import { listPosts, type PostListFilter } from '../../../functions/core/posts/list-posts';
import { withTenant } from '../../../functions/db/tenant';
import { postsWorld, type PostsWorld } from './post-fixtures';

/**
 * The posts list: each combination of filters is a query prepared once per process, so these
 * run several combinations, each twice with different values, and compare with what the
 * filters mean, computed here from the created posts.
 */
describe('listPosts', () => {
  let world: PostsWorld;
  const made: { id: string; content: string; title: string | null; accounts: string[] }[] = [];

  beforeAll(async () => {
    world = await postsWorld();
    const texts = ['Launch day', 'launch recap', '100% organic_growth', 'Quiet Tuesday', 'Back\\slash'];
    for (const [i, content] of texts.entries()) {
      const accounts = i % 2 === 0 ? [world.accounts.a] : [world.accounts.a, world.accounts.b];
      world.clock.advance(60_000);
      const { post } = await world.inTenant((tx) =>
        createPost(tx, world.ports, world.actor, {
          content,
          title: i === 3 ? 'Launch notes' : undefined,
          targets: accounts.map((socialAccountId) => ({ socialAccountId })),
        }),
      );
      made.push({ id: post.post.id, content, title: post.post.title, accounts });
    }
  });
  afterAll(async () => world?.handle.close());

  const list = (filter: Partial<PostListFilter>) =>
    world.inTenant((tx) => listPosts(tx, world.org.organizationId, { page: 1, limit: 20, ...filter }));
  const contents = (result: Awaited<ReturnType<typeof list>>) =>
    result.posts.map((p) => p.post.content).sort();

  it('lists every live post of the organization, newest first, with its own targets', async () => {
    const all = await list({});
    expect(all.total).toBe(made.length);
    expect(all.posts.map((p) => p.post.id)).toEqual([...made].reverse().map((p) => p.id));
    for (const { post, targets } of all.posts) {
      const expected = made.find((m) => m.id === post.id)!.accounts;
      expect(targets.map((t) => t.socialAccountId).sort()).toEqual([...expected].sort());
      expect(targets.every((t) => t.postId === post.id)).toBe(true);
    }
  });

  it('pages without repeating or skipping, with the total of all pages', async () => {
    const first = await list({ limit: 2, page: 1 });
    const second = await list({ limit: 2, page: 2 });
    const third = await list({ limit: 2, page: 3 });
    const beyond = await list({ limit: 2, page: 9 });
    expect([first, second, third, beyond].map((r) => r.total)).toEqual([5, 5, 5, 5]);
    expect([...first.posts, ...second.posts, ...third.posts].map((p) => p.post.id)).toEqual(
      [...made].reverse().map((p) => p.id),
    );
    expect(beyond.posts).toEqual([]);
  });

  it('searches title and content case-blind, with %, _ and \\ meaning themselves', async () => {
    expect(contents(await list({ q: 'launch' }))).toEqual(['Launch day', 'Quiet Tuesday', 'launch recap']);
    expect(contents(await list({ q: 'recap' }))).toEqual(['launch recap']);
    expect(contents(await list({ q: '100%' }))).toEqual(['100% organic_growth']);
    expect(contents(await list({ q: '%' }))).toEqual(['100% organic_growth']);
    // As LIKE wildcards, 'launc_' would find the three launch posts.
    expect(contents(await list({ q: 'launc_' }))).toEqual([]);
    expect(contents(await list({ q: '_' }))).toEqual(['100% organic_growth']);
    expect(contents(await list({ q: '\\' }))).toEqual(['Back\\slash']);
    expect((await list({ q: 'launch', limit: 1 })).total).toBe(3);
  });

  it('narrows by account and by network, alone and with a search', async () => {
    expect((await list({ accountId: world.accounts.b })).total).toBe(2);
    expect((await list({ accountId: world.accounts.a })).total).toBe(5);
    expect((await list({ platform: 'sandbox' })).total).toBe(5);
    expect((await list({ platform: 'twitter' })).total).toBe(0);
    expect(contents(await list({ accountId: world.accounts.b, q: 'launch' }))).toEqual([
      'Quiet Tuesday',
      'launch recap',
    ]);
    expect((await list({ status: 'draft', platform: 'sandbox', accountId: world.accounts.b })).total).toBe(2);
    expect((await list({ status: 'scheduled' })).total).toBe(0);
  });

  it('narrows by time, and sees no other organization', async () => {
    const created = await list({});
    const newest = created.posts[0]!.post.createdAt;
    expect((await list({ from: newest.toISOString() })).total).toBe(1);
    expect((await list({ to: newest.toISOString() })).total).toBe(4);
    const elsewhere = await withTenant(world.handle.db, world.org.organizationId, (tx) =>
      listPosts(tx, crypto.randomUUID(), { page: 1, limit: 20 }),
    );
    expect(elsewhere).toEqual({ posts: [], total: 0 });
  });
});
