import { enqueueNotificationEmails } from '../notifications/email-outbox';
import type { Clock, JobQueue, KeyValue, Logger, PostScheduler, Realtime } from '../ports';
import { announcePostChange, type PostChange } from '../publishing/announce-post';
import { scheduleName } from '../publishing/schedule-name';
import { markTargetsInFlight } from '../publishing/sweep-marker';

/** A target whose new schedule must be armed (or sent at once) after the commit. */
export interface ArmedTarget {
  targetId: string;
  version: number;
  at: Date;
  timezone: string;
}

/**
 * What a post use-case leaves to do once its transaction has committed: the scheduler, the
 * queue and the browsers must never hear of a change that may still roll back. Plain data,
 * so every caller (HTTP, agents, the public API) runs the same `applyPostEffects`.
 */
export interface PostEffects {
  organizationId: string;
  /** Targets whose one-time schedule must go (they will not fire any more). */
  cancel: string[];
  /** New one-time schedules, replacing any older one of the same target. */
  arm: ArmedTarget[];
  /** Targets to publish now: their schedule goes and their message is sent at once. */
  publishNow: ArmedTarget[];
  announce: { change: PostChange; postIds: string[] };
  /** Notifications written in the transaction that are to be mailed (review steps). */
  emails: string[];
}

export const postEffects = (
  organizationId: string,
  change: PostChange,
  postIds: string[],
  more: Partial<Pick<PostEffects, 'cancel' | 'arm' | 'publishNow' | 'emails'>> = {},
): PostEffects => ({
  organizationId,
  cancel: more.cancel ?? [],
  arm: more.arm ?? [],
  publishNow: more.publishNow ?? [],
  announce: { change, postIds },
  emails: more.emails ?? [],
});

/** The ports the effects use (the process's container has them all). */
export interface EffectPorts {
  scheduler: PostScheduler;
  queue: Pick<JobQueue, 'sendBatch'>;
  kv: KeyValue;
  clock: Clock;
  realtime: Pick<Realtime, 'broadcast'>;
  logger: Pick<Logger, 'warn'>;
}

/**
 * After commit. A schedule that still fires after its cancel finds the target moved on and
 * does nothing (its version or status no longer match), so the order here is safe.
 */
export async function applyPostEffects(ports: EffectPorts, effects: PostEffects): Promise<void> {
  for (const targetId of effects.cancel) await ports.scheduler.cancel(scheduleName(targetId));
  for (const target of effects.arm) {
    await ports.scheduler.schedule({
      name: scheduleName(target.targetId),
      at: target.at,
      timezone: target.timezone,
      payload: { targetId: target.targetId, version: target.version },
    });
  }
  if (effects.arm.length > 0) {
    const latest = Math.max(...effects.arm.map((a) => a.at.getTime()));
    await markTargetsInFlight(ports.kv, ports.clock, new Date(latest));
  }
  if (effects.publishNow.length > 0) {
    for (const target of effects.publishNow) await ports.scheduler.cancel(scheduleName(target.targetId));
    await markTargetsInFlight(ports.kv, ports.clock, ports.clock.now());
    await ports.queue.sendBatch(
      'publish',
      effects.publishNow.map((a) => ({ targetId: a.targetId, version: a.version })),
    );
  }
  await announcePostChange(ports, effects.organizationId, effects.announce.change, effects.announce.postIds);
  await enqueueNotificationEmails(ports, effects.emails);
}
