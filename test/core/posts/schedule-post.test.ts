import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError, RuleViolation } from '../../../functions/core/errors';
import { createPost } from '../../../functions/core/posts/create-post';
import { publishNow } from '../../../functions/core/posts/publish-now';
import { schedulePost } from '../../../functions/core/posts/schedule-post';
import { inHours, NOW, postsWorld, type PostsWorld } from './post-fixtures';

describe('schedulePost and publishNow', () => {
  let world: PostsWorld;
  beforeAll(async () => {
    world = await postsWorld();
  });
  afterAll(async () => world?.handle.close());

  const draft = async (content = 'Scheduled hello', accounts = [world.accounts.a, world.accounts.b]) =>
    (
      await world.inTenant((tx) =>
        createPost(tx, world.ports, world.actor, {
          content,
          targets: accounts.map((socialAccountId) => ({ socialAccountId })),
        }),
      )
    ).post;

  it('schedules every target with a new version and returns the schedules to arm', async () => {
    const created = await draft();
    const at = inHours(2);
    const { post, effects } = await world.inTenant((tx) =>
      schedulePost(tx, world.ports, world.actor, created.post.id, {
        at: at.toISOString(),
        timeZone: 'Europe/Paris',
      }),
    );
    expect(post.post).toMatchObject({ status: 'scheduled', timezone: 'Europe/Paris' });
    expect(post.post.scheduledAt?.toISOString()).toBe(at.toISOString());
    for (const target of post.targets) expect(target).toMatchObject({ status: 'scheduled', version: 1 });
    expect(effects.arm.map((a) => a.targetId).sort()).toEqual(post.targets.map((t) => t.id).sort());
    expect(effects.arm[0]).toMatchObject({ version: 1, at, timezone: 'Europe/Paris' });
    expect(effects.announce).toEqual({ change: 'scheduled', postIds: [created.post.id] });
    const scheduled = (await world.historyOf(post.targets[0]!.id)).find((e) => e.toStatus === 'scheduled');
    expect(scheduled).toMatchObject({
      fromStatus: 'draft',
      reason: 'scheduled by a person',
      details: { at: at.toISOString(), timezone: 'Europe/Paris', version: 1 },
    });

    // Rescheduling bumps the version again, so the first schedule's message becomes a no-op.
    const again = await world.inTenant((tx) =>
      schedulePost(tx, world.ports, world.actor, created.post.id, { at: inHours(3).toISOString() }),
    );
    expect(again.effects.arm.map((a) => a.version)).toEqual([2, 2]);
  });

  it('refuses a missing, past or non-existent time as invalid input', async () => {
    const created = await draft();
    const refusal = (when: Parameters<typeof schedulePost>[4]) =>
      world
        .inTenant((tx) => schedulePost(tx, world.ports, world.actor, created.post.id, when))
        .catch((error: unknown) => error);
    const missing = await refusal(undefined);
    expect(missing).toBeInstanceOf(InvalidInputError);
    expect((missing as InvalidInputError).issues).toEqual([{ field: 'body', message: 'Required' }]);
    const past = await refusal({ at: new Date(NOW.getTime() - 1000).toISOString() });
    expect((past as InvalidInputError).message).toBe('The time is in the past; use "publish now" instead.');
    expect((past as InvalidInputError).issues).toEqual([
      { field: 'body.at', message: 'Must be in the future' },
    ]);
    // 02:30 on the night the clocks go forward in Paris does not exist.
    const skipped = await refusal({ localTime: '2090-03-26T02:30', timeZone: 'Europe/Paris' });
    expect(skipped).toBeInstanceOf(InvalidInputError);
    expect((skipped as InvalidInputError).issues?.[0]?.field).toBe('body.localTime');
  });

  it("refuses content a target's network would refuse, listing each target's issues", async () => {
    const created = await draft('x'.repeat(300), [world.accounts.a]);
    const error = await world
      .inTenant((tx) =>
        schedulePost(tx, world.ports, world.actor, created.post.id, { at: inHours(1).toISOString() }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleViolation);
    const violation = error as RuleViolation;
    const targetId = created.targets[0]!.id;
    expect(violation.issues).toEqual([
      {
        field: `targets.${targetId}.text`,
        message: 'sandbox: The post is 300 characters; the limit is 280.',
      },
    ]);
    expect(violation.details).toMatchObject({ targets: [{ targetId, platform: 'sandbox' }] });
    // Nothing was written: the target is still a draft at version 0.
    const history = await world.historyOf(targetId);
    expect(history.map((e) => e.toStatus)).toEqual(['draft']);
  });

  it('refuses while a target is being published, and when nothing is left to schedule', async () => {
    const created = await draft('Busy', [world.accounts.a]);
    const target = created.targets[0]!.id;
    const schedule = () =>
      world.inTenant((tx) =>
        schedulePost(tx, world.ports, world.actor, created.post.id, { at: inHours(1).toISOString() }),
      );
    await world.setStatus(target, 'publishing');
    await expect(schedule()).rejects.toThrow(
      new ConflictError('This post is being published right now; try again in a moment.'),
    );
    await world.setStatus(target, 'unconfirmed');
    await expect(schedule()).rejects.toThrow(
      new ConflictError('Nothing to schedule: every target is published or awaits confirmation.'),
    );
  });

  it('publishes now: a schedule for now whose messages are sent after the commit', async () => {
    const created = await draft('Now!', [world.accounts.b]);
    const { post, effects } = await world.inTenant((tx) =>
      publishNow(tx, world.ports, world.actor, created.post.id),
    );
    expect(post.targets[0]).toMatchObject({ status: 'scheduled', version: 1 });
    expect(post.targets[0]!.scheduledAt?.toISOString()).toBe(NOW.toISOString());
    expect(effects.arm).toEqual([]);
    expect(effects.publishNow).toEqual([
      { targetId: post.targets[0]!.id, version: 1, at: NOW, timezone: 'UTC' },
    ]);
    expect(effects.announce.change).toBe('publishing');
    const event = (await world.historyOf(post.targets[0]!.id)).find((e) => e.toStatus === 'scheduled');
    expect(event?.reason).toBe('publish now');
  });
});
