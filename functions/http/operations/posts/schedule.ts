import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Container } from '../../../adapters/container';
import { recordAudit, type AuditActor } from '../../../core/audit/record-audit';
import { announcePostChange } from '../../../core/publishing/announce-post';
import { refreshPostStatus } from '../../../core/publishing/post-status';
import { scheduleName } from '../../../core/publishing/publish-target';
import {
  resolveScheduleTime,
  ScheduleTimeError,
  type ScheduleTimeInput,
} from '../../../core/publishing/schedule-time';
import { markTargetsInFlight } from '../../../core/publishing/sweep-marker';
import { postPlatforms, posts, postTargetEvents, type PostTargetStatus } from '../../../db/schema';
import { withTenant, type Transaction } from '../../../db/tenant';
import type { Operation } from '../../area-handler';
import { HttpProblem } from '../../problem';
import { auditActor } from '../../request-origin';
import { assertPublishable, checkTargets, loadPost, presentPost, type PostWithTargets } from './post-records';

/** Targets that may be (re)scheduled. `unconfirmed` is not: it may already be live. */
export const SCHEDULABLE: PostTargetStatus[] = ['draft', 'scheduled', 'failed', 'missed', 'cancelled'];

export interface ArmedTarget {
  targetId: string;
  version: number;
  at: Date;
  timezone: string;
}

/**
 * Schedules every schedulable target of a loaded (and locked) post in the caller's
 * transaction: validates all first, then bumps each target's version (so a message of the
 * old schedule is a no-op) with a conditional update. A target claimed by the publisher in
 * the meantime makes the whole change fail with 409 instead of half-applying.
 */
export async function scheduleTargetsInTx(
  tx: Transaction,
  container: Container,
  loaded: PostWithTargets,
  at: Date,
  timezone: string,
  actor: AuditActor,
  reason: string,
): Promise<ArmedTarget[]> {
  const now = container.clock.now();
  if (loaded.targets.some((t) => t.status === 'publishing')) {
    throw new HttpProblem(409, 'conflict', 'This post is being published right now; try again in a moment.');
  }
  const targets = loaded.targets.filter((t) => SCHEDULABLE.includes(t.status));
  if (targets.length === 0) {
    throw new HttpProblem(
      409,
      'conflict',
      'Nothing to schedule: every target is published or awaits confirmation.',
    );
  }
  assertPublishable(await checkTargets(tx, container, loaded.post, targets));

  const armed: ArmedTarget[] = [];
  for (const target of targets) {
    const [updated] = await tx
      .update(postPlatforms)
      .set({
        status: 'scheduled',
        version: sql`${postPlatforms.version} + 1`,
        scheduledAt: at,
        timezone,
        attempts: 0,
        nextAttemptAt: null,
        errorCode: null,
        errorMessage: null,
        updatedAt: now,
      })
      .where(and(eq(postPlatforms.id, target.id), inArray(postPlatforms.status, SCHEDULABLE)))
      .returning();
    if (!updated)
      throw new HttpProblem(
        409,
        'conflict',
        'A target changed state while scheduling; reload and try again.',
      );
    await tx.insert(postTargetEvents).values({
      organizationId: updated.organizationId,
      postPlatformId: updated.id,
      fromStatus: target.status,
      toStatus: 'scheduled',
      reason,
      details: { at: at.toISOString(), timezone, version: updated.version },
      at: now,
    });
    armed.push({ targetId: updated.id, version: updated.version, at, timezone });
  }
  await tx.update(posts).set({ timezone, updatedAt: now }).where(eq(posts.id, loaded.post.id));
  await refreshPostStatus(tx, loaded.post.id);
  await recordAudit(tx, actor, {
    action: 'schedule',
    resourceType: 'post',
    resourceId: loaded.post.id,
    newValues: { at: at.toISOString(), timezone, targets: armed.map((a) => a.targetId) },
  });
  return armed;
}

/** After commit: one one-time schedule per target (replacing any older one). */
export async function armSchedules(container: Container, armed: ArmedTarget[]): Promise<void> {
  for (const target of armed) {
    await container.scheduler.schedule({
      name: scheduleName(target.targetId),
      at: target.at,
      timezone: target.timezone,
      payload: { targetId: target.targetId, version: target.version },
    });
  }
  const latest = Math.max(...armed.map((a) => a.at.getTime()));
  if (armed.length > 0) await markTargetsInFlight(container.kv, container.clock, new Date(latest));
}

export function resolveTimeOrProblem(
  input: ScheduleTimeInput,
  fallbackZone: string,
  field = 'body',
): { at: Date; timeZone: string } {
  try {
    return resolveScheduleTime(input, fallbackZone);
  } catch (error) {
    if (error instanceof ScheduleTimeError) {
      throw new HttpProblem(400, 'validation_failed', error.message, {
        errors: [{ field: `${field}.${error.field}`, message: error.message }],
      });
    }
    throw error;
  }
}

export const schedulePost: Operation = async ({ params, body }, { container, event, auth }) => {
  const id = params.id as string;
  const now = container.clock.now();
  const { armed, result } = await withTenant(container.db, auth!.organizationId, async (tx) => {
    const loaded = await loadPost(tx, auth!.organizationId, id, true);
    if (body === undefined) {
      throw new HttpProblem(400, 'validation_failed', 'Say when: `at`, or `localTime` with `timeZone`.', {
        errors: [{ field: 'body', message: 'Required' }],
      });
    }
    const { at, timeZone } = resolveTimeOrProblem(body as ScheduleTimeInput, loaded.post.timezone);
    if (at.getTime() <= now.getTime()) {
      throw new HttpProblem(400, 'validation_failed', 'The time is in the past; use "publish now" instead.', {
        errors: [{ field: 'body.at', message: 'Must be in the future' }],
      });
    }
    const armed = await scheduleTargetsInTx(
      tx,
      container,
      loaded,
      at,
      timeZone,
      auditActor(event, auth),
      'scheduled by a person',
    );
    return { armed, result: await loadPost(tx, auth!.organizationId, id) };
  });
  await armSchedules(container, armed);
  await announcePostChange(container, auth!.organizationId, 'scheduled', [id]);
  return { body: presentPost(result) };
};

/**
 * "Publish now" is a schedule for now whose message is sent at once: the same claim, the
 * same worker, the same outcomes as a fired schedule.
 */
export const publishPostNow: Operation = async ({ params }, { container, event, auth }) => {
  const id = params.id as string;
  const now = container.clock.now();
  const { armed, result } = await withTenant(container.db, auth!.organizationId, async (tx) => {
    const loaded = await loadPost(tx, auth!.organizationId, id, true);
    const armed = await scheduleTargetsInTx(
      tx,
      container,
      loaded,
      now,
      loaded.post.timezone,
      auditActor(event, auth),
      'publish now',
    );
    return { armed, result: await loadPost(tx, auth!.organizationId, id) };
  });
  for (const target of armed) await container.scheduler.cancel(scheduleName(target.targetId));
  await markTargetsInFlight(container.kv, container.clock, now);
  await container.queue.sendBatch(
    'publish',
    armed.map((a) => ({ targetId: a.targetId, version: a.version })),
  );
  await announcePostChange(container, auth!.organizationId, 'publishing', [id]);
  return { status: 202, body: presentPost(result) };
};
