import type { Transaction } from '../../db/tenant';
import { InvalidInputError } from '../errors';
import { resolveScheduleTime, ScheduleTimeError, type ScheduleTimeInput } from '../publishing/schedule-time';
import { loadPost } from './load-post';
import type { PostActor } from './post-actor';
import { postEffects } from './post-effects';
import type { PostOutcome } from './post-outcome';
import type { PostPorts } from './post-ports';
import { scheduleTargets } from './schedule-targets';

/**
 * The instant a schedule means, refused as invalid input (under `field`) when the wall time
 * does not exist or the time has already passed.
 */
export function resolveFutureTime(
  input: ScheduleTimeInput,
  fallbackZone: string,
  now: Date,
  field = 'body',
): { at: Date; timeZone: string } {
  let resolved: { at: Date; timeZone: string };
  try {
    resolved = resolveScheduleTime(input, fallbackZone);
  } catch (error) {
    if (!(error instanceof ScheduleTimeError)) throw error;
    throw new InvalidInputError(error.message, [
      { field: `${field}.${error.field}`, message: error.message },
    ]);
  }
  if (resolved.at.getTime() <= now.getTime()) {
    throw new InvalidInputError('The time is in the past; use "publish now" instead.', [
      { field: `${field}.at`, message: 'Must be in the future' },
    ]);
  }
  return resolved;
}

/**
 * Schedules every schedulable target of a post for one time (in the post's zone when none is
 * given). `when` may be missing: the post is looked up first, so an unknown post is not found
 * whatever the input says.
 */
export async function schedulePost(
  tx: Transaction,
  ports: PostPorts,
  actor: PostActor,
  postId: string,
  when: ScheduleTimeInput | undefined,
): Promise<PostOutcome> {
  const loaded = await loadPost(tx, actor.organizationId, postId, true);
  if (when === undefined) {
    throw new InvalidInputError('Say when: `at`, or `localTime` with `timeZone`.', [
      { field: 'body', message: 'Required' },
    ]);
  }
  const { at, timeZone } = resolveFutureTime(when, loaded.post.timezone, ports.clock.now());
  const arm = await scheduleTargets(tx, ports, loaded, at, timeZone, actor.audit, 'scheduled by a person');
  return {
    post: await loadPost(tx, actor.organizationId, postId),
    effects: postEffects(actor.organizationId, 'scheduled', [postId], { arm }),
  };
}
