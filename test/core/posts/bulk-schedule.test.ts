import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RuleViolation } from '../../../functions/core/errors';
import { bulkSchedulePosts } from '../../../functions/core/posts/bulk-schedule';
import { posts } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { inHours, postsWorld, type PostsWorld } from './post-fixtures';

describe('bulkSchedulePosts', () => {
  let world: PostsWorld;
  beforeAll(async () => {
    world = await postsWorld();
  });
  afterAll(async () => world?.handle.close());

  const label = (index: number) => `rows.${index + 1}`;
  const postCount = async () =>
    (
      await withSystem(world.handle.db, (tx) =>
        tx.select({ n: count() }).from(posts).where(eq(posts.organizationId, world.actor.organizationId)),
      )
    )[0]!.n;

  it('creates and schedules every row, returning one schedule per target', async () => {
    const { posts: created, effects } = await world.inTenant((tx) =>
      bulkSchedulePosts(
        tx,
        world.ports,
        world.actor,
        [
          {
            content: 'one',
            socialAccountIds: [world.accounts.a, world.accounts.b],
            at: inHours(1).toISOString(),
          },
          {
            content: 'two',
            socialAccountIds: [world.accounts.a],
            localTime: '2090-06-01T10:00',
            timeZone: 'Asia/Tokyo',
          },
        ],
        label,
      ),
    );
    expect(created.map((p) => [p.post.content, p.post.status, p.post.timezone])).toEqual([
      ['one', 'scheduled', 'UTC'],
      ['two', 'scheduled', 'Asia/Tokyo'],
    ]);
    expect(created[1]!.post.scheduledAt?.toISOString()).toBe('2090-06-01T01:00:00.000Z');
    expect(effects.arm).toHaveLength(3);
    expect(effects.announce).toEqual({ change: 'scheduled', postIds: created.map((p) => p.post.id) });
  });

  it('refuses the whole batch with every bad row named, and the rollback leaves nothing', async () => {
    const before = await postCount();
    const error = await world
      .inTenant((tx) =>
        bulkSchedulePosts(
          tx,
          world.ports,
          world.actor,
          [
            { content: 'fine', socialAccountIds: [world.accounts.a], at: inHours(1).toISOString() },
            { content: 'foreign', socialAccountIds: [world.accounts.foreign], at: inHours(1).toISOString() },
            { content: 'late', socialAccountIds: [world.accounts.a], at: inHours(-1).toISOString() },
            { content: 'z'.repeat(281), socialAccountIds: [world.accounts.b], at: inHours(1).toISOString() },
          ],
          label,
        ),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleViolation);
    const issues = (error as RuleViolation).issues;
    expect(issues.slice(0, 2)).toEqual([
      { field: 'rows.2.targets.0.socialAccountId', message: 'No such connected account' },
      { field: 'rows.3.at', message: 'Must be in the future' },
    ]);
    expect(issues[2]!.field).toMatch(/^rows\.4\.targets\.[0-9a-f-]{36}\.text$/);
    expect(issues).toHaveLength(3);
    expect(await postCount()).toBe(before);
  });
});
