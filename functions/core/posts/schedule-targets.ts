import { eq } from 'drizzle-orm';
import { posts, type PostTargetStatus } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { ConflictError } from '../errors';
import { rollUpPosts, transitionPostTarget } from '../publishing/post-target-transitions';
import type { PostWithTargets } from './load-post';
import type { ArmedTarget } from './post-effects';
import type { PostPorts } from './post-ports';
import { assertApproved } from './approval/approval-gate';
import { assertPublishable, checkTargets } from './target-checks';

/** Targets that may be (re)scheduled. `unconfirmed` is not: it may already be live. */
export const SCHEDULABLE: readonly PostTargetStatus[] = [
  'draft',
  'scheduled',
  'failed',
  'missed',
  'cancelled',
];

/**
 * Schedules every schedulable target of a loaded (and locked) post in the caller's
 * transaction: validates all first, then bumps each target's version (so a message of the
 * old schedule is a no-op) with a conditional update. A target claimed by the publisher in
 * the meantime makes the whole change fail with a ConflictError instead of half-applying.
 * Returns the schedules to arm after the commit.
 */
export async function scheduleTargets(
  tx: Transaction,
  ports: PostPorts,
  loaded: PostWithTargets,
  at: Date,
  timezone: string,
  actor: AuditActor,
  reason: string,
): Promise<ArmedTarget[]> {
  const now = ports.clock.now();
  assertApproved(loaded.post);
  if (loaded.targets.some((t) => t.status === 'publishing')) {
    throw new ConflictError('This post is being published right now; try again in a moment.');
  }
  const targets = loaded.targets.filter((t) => SCHEDULABLE.includes(t.status));
  if (targets.length === 0) {
    throw new ConflictError('Nothing to schedule: every target is published or awaits confirmation.');
  }
  assertPublishable(await checkTargets(tx, ports.checks, loaded.post, targets));

  const armed: ArmedTarget[] = [];
  for (const target of targets) {
    const updated = await transitionPostTarget(
      tx,
      target,
      target.status,
      'scheduled',
      reason,
      now,
      {
        bumpVersion: true,
        scheduledAt: at,
        timezone,
        attempts: 0,
        nextAttemptAt: null,
        errorCode: null,
        errorMessage: null,
      },
      (moved) => ({ at: at.toISOString(), timezone, version: moved.version }),
    );
    if (!updated) throw new ConflictError('A target changed state while scheduling; reload and try again.');
    armed.push({ targetId: updated.id, version: updated.version, at, timezone });
  }
  await tx.update(posts).set({ timezone, updatedAt: now }).where(eq(posts.id, loaded.post.id));
  await rollUpPosts(tx, [loaded.post.id]);
  await recordAudit(tx, actor, {
    action: 'schedule',
    resourceType: 'post',
    resourceId: loaded.post.id,
    newValues: { at: at.toISOString(), timezone, targets: armed.map((a) => a.targetId) },
  });
  return armed;
}
