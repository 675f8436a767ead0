import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPost } from '../../../functions/core/posts/create-post';
import { deletePost } from '../../../functions/core/posts/delete-post';
import { duplicatePost } from '../../../functions/core/posts/duplicate-post';
import { loadPost } from '../../../functions/core/posts/load-post';
import { ConflictError, InvalidInputError, NotFoundError } from '../../../functions/core/errors';
import { postsWorld, type PostsWorld } from './post-fixtures';

describe('createPost and duplicatePost', () => {
  let world: PostsWorld;
  beforeAll(async () => {
    world = await postsWorld();
  });
  afterAll(async () => world?.handle.close());

  it('creates a draft with its targets, their history and an audit entry', async () => {
    const { post, effects } = await world.inTenant((tx) =>
      createPost(tx, world.ports, world.actor, {
        content: 'Hello',
        targets: [
          { socialAccountId: world.accounts.a, content: 'Hello Alpha' },
          { socialAccountId: world.accounts.b },
        ],
      }),
    );
    expect(post.post).toMatchObject({
      content: 'Hello',
      status: 'draft',
      timezone: 'UTC',
      contentType: 'text',
    });
    // Targets made at the same instant come in id order, which is random: compare as a set.
    expect(post.targets.map((t) => [t.socialAccountId, t.status, t.content])).toHaveLength(2);
    expect(post.targets.map((t) => [t.socialAccountId, t.status, t.content])).toEqual(
      expect.arrayContaining([
        [world.accounts.a, 'draft', 'Hello Alpha'],
        [world.accounts.b, 'draft', null],
      ]),
    );
    expect(effects).toEqual({
      organizationId: world.actor.organizationId,
      cancel: [],
      arm: [],
      publishNow: [],
      announce: { change: 'created', postIds: [post.post.id] },
      emails: [],
    });
    const history = await world.historyOf(post.targets[1]!.id);
    expect(history.map((e) => [e.fromStatus, e.toStatus, e.reason])).toEqual([[null, 'draft', 'created']]);
    expect((await world.auditOf(post.post.id)).map((a) => a.action)).toEqual(['create']);
  });

  it("refuses another organization's account and unknown media as invalid input, writing nothing", async () => {
    const missingMedia = '00000000-0000-4000-8000-000000000000';
    const attempt = world.inTenant((tx) =>
      createPost(tx, world.ports, world.actor, {
        content: 'Nope',
        mediaIds: [missingMedia],
        targets: [{ socialAccountId: world.accounts.foreign }, { socialAccountId: world.accounts.gone }],
      }),
    );
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    const error = (await attempt.catch((e: unknown) => e)) as InvalidInputError;
    expect(error.issues).toEqual([
      { field: 'body.targets.0.socialAccountId', message: 'No such connected account' },
      { field: 'body.targets.1.socialAccountId', message: 'This account is disconnected' },
      { field: 'body.mediaIds', message: `No such media, or its upload was not accepted: ${missingMedia}` },
    ]);
  });

  it('duplicates to the still-connected accounts only, and refuses when none is left', async () => {
    const { post } = await world.inTenant((tx) =>
      createPost(tx, world.ports, world.actor, {
        content: 'Original',
        targets: [{ socialAccountId: world.accounts.a, firstComment: 'first!' }],
      }),
    );
    const copy = await world.inTenant((tx) => duplicatePost(tx, world.ports, world.actor, post.post.id));
    expect(copy.post.post.id).not.toBe(post.post.id);
    expect(copy.post.targets.map((t) => [t.socialAccountId, t.firstComment, t.status])).toEqual([
      [world.accounts.a, 'first!', 'draft'],
    ]);
    expect(copy.effects.announce).toEqual({ change: 'created', postIds: [copy.post.post.id] });

    await world.setAccountStatus(world.accounts.a, 'disconnected');
    try {
      await expect(
        world.inTenant((tx) => duplicatePost(tx, world.ports, world.actor, post.post.id)),
      ).rejects.toThrow(new ConflictError('Every account of this post is disconnected; nothing to copy to.'));
    } finally {
      await world.setAccountStatus(world.accounts.a, 'active');
    }
  });

  it('answers a deleted or unknown post as not found', async () => {
    const { post } = await world.inTenant((tx) =>
      createPost(tx, world.ports, world.actor, {
        content: 'Short-lived',
        targets: [{ socialAccountId: world.accounts.b }],
      }),
    );
    await world.inTenant((tx) => deletePost(tx, world.ports, world.actor, post.post.id));
    const attempt = world.inTenant((tx) => loadPost(tx, world.actor.organizationId, post.post.id));
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    await expect(attempt).rejects.toThrow('The post does not exist or is not visible to you.');
  });
});
