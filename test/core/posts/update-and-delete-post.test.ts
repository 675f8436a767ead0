import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError, RuleViolation } from '../../../functions/core/errors';
import { createPost } from '../../../functions/core/posts/create-post';
import { deletePost } from '../../../functions/core/posts/delete-post';
import { schedulePost } from '../../../functions/core/posts/schedule-post';
import { updatePost } from '../../../functions/core/posts/update-post';
import { inHours, postsWorld, type PostsWorld } from './post-fixtures';

describe('updatePost and deletePost', () => {
  let world: PostsWorld;
  beforeAll(async () => {
    world = await postsWorld();
  });
  afterAll(async () => world?.handle.close());

  /** A post on accounts a and b, scheduled in two hours. */
  const scheduled = async (content = 'Planned') => {
    const { post } = await world.inTenant((tx) =>
      createPost(tx, world.ports, world.actor, {
        content,
        targets: [{ socialAccountId: world.accounts.a }, { socialAccountId: world.accounts.b }],
      }),
    );
    return (
      await world.inTenant((tx) =>
        schedulePost(tx, world.ports, world.actor, post.post.id, { at: inHours(2).toISOString() }),
      )
    ).post;
  };
  const targetOn = (post: Awaited<ReturnType<typeof scheduled>>, account: string) =>
    post.targets.find((t) => t.socialAccountId === account)!;

  it('replaces the targets: a removed scheduled target loses its schedule, a new one starts as a draft', async () => {
    const before = await scheduled();
    // A disconnected account cannot be added: refused, and nothing changes.
    await expect(
      world.inTenant((tx) =>
        updatePost(tx, world.ports, world.actor, before.post.id, {
          content: 'Planned, edited',
          targets: [{ socialAccountId: world.accounts.gone }],
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidInputError);

    const updated = await world.inTenant((tx) =>
      updatePost(tx, world.ports, world.actor, before.post.id, {
        content: 'Planned, edited',
        targets: [{ socialAccountId: world.accounts.b, content: 'Only Beta' }],
      }),
    );
    expect(updated.post.post.content).toBe('Planned, edited');
    expect(updated.post.targets.map((t) => [t.socialAccountId, t.status, t.content])).toEqual([
      [world.accounts.b, 'scheduled', 'Only Beta'],
    ]);
    expect(updated.effects.cancel).toEqual([targetOn(before, world.accounts.a).id]);
    expect(updated.effects.announce).toEqual({ change: 'updated', postIds: [before.post.id] });

    const added = await world.inTenant((tx) =>
      updatePost(tx, world.ports, world.actor, before.post.id, {
        targets: [{ socialAccountId: world.accounts.b }, { socialAccountId: world.accounts.a }],
      }),
    );
    const fresh = targetOn(added.post, world.accounts.a);
    expect(fresh.status).toBe('draft');
    expect((await world.historyOf(fresh.id)).map((e) => [e.fromStatus, e.toStatus, e.reason])).toEqual([
      [null, 'draft', 'added'],
    ]);
    // One scheduled, one draft: the post still says scheduled.
    expect(added.post.post.status).toBe('scheduled');
  });

  it('keeps scheduled content publishable and refuses edits of live posts', async () => {
    const post = await scheduled();
    await expect(
      world.inTenant((tx) =>
        updatePost(tx, world.ports, world.actor, post.post.id, { content: 'y'.repeat(281) }),
      ),
    ).rejects.toBeInstanceOf(RuleViolation);
    await world.setStatus(targetOn(post, world.accounts.a).id, 'published');
    await expect(
      world.inTenant((tx) =>
        updatePost(tx, world.ports, world.actor, post.post.id, { content: 'late edit' }),
      ),
    ).rejects.toThrow(
      new ConflictError('This post is published or being published; duplicate it to make a new version.'),
    );
  });

  it('deletes by cancelling pending targets (from their own status) and keeping live ones', async () => {
    const post = await scheduled();
    const live = targetOn(post, world.accounts.a).id;
    const pending = targetOn(post, world.accounts.b).id;
    await world.setStatus(live, 'published');
    const { effects } = await world.inTenant((tx) => deletePost(tx, world.ports, world.actor, post.post.id));
    expect(effects).toMatchObject({
      cancel: [pending],
      announce: { change: 'deleted', postIds: [post.post.id] },
    });
    expect((await world.historyOf(pending)).find((e) => e.toStatus === 'cancelled')).toMatchObject({
      fromStatus: 'scheduled',
      reason: 'post deleted',
    });
    expect((await world.historyOf(live)).some((e) => e.toStatus === 'cancelled')).toBe(false);
    expect((await world.auditOf(post.post.id)).map((a) => a.action).sort()).toEqual([
      'create',
      'delete',
      'schedule',
    ]);
  });

  it('refuses to delete a post while one of its targets is being published', async () => {
    const post = await scheduled();
    await world.setStatus(targetOn(post, world.accounts.b).id, 'publishing');
    await expect(
      world.inTenant((tx) => deletePost(tx, world.ports, world.actor, post.post.id)),
    ).rejects.toThrow(new ConflictError('This post is being published right now; try again in a moment.'));
  });
});
