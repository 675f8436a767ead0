import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { postPlatforms, posts, postTargetEvents } from '../../db/schema';
import { notifyPostTarget } from '../notifications/post-notifications';
import { refreshPostStatus } from './post-status';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

export interface SweepPolicy {
  /** A scheduled target this far past due without firing is assumed lost and re-fired. */
  lostAfterMs: number;
  /** Past this it is too late to publish: it becomes `missed` (a late post can be worse than none). */
  missedAfterMs: number;
  /** A `publishing` claim older than this crashed mid-call: its outcome is unknown. */
  stuckAfterMs: number;
}

export const DEFAULT_SWEEP_POLICY: SweepPolicy = {
  lostAfterMs: 2 * 60 * 1000,
  missedAfterMs: 60 * 60 * 1000,
  stuckAfterMs: 15 * 60 * 1000,
};

export interface SweepResult {
  refire: Array<{ targetId: string; version: number }>;
  missed: number;
  unconfirmed: number;
  /** Targets moved by this sweep, for live updates (functions/jobs/sweep.ts may broadcast them). */
  moved?: Array<{ id: string; organizationId: string; postId: string; status: 'missed' | 'unconfirmed' }>;
}

/**
 * When a scheduled target is next due: its retry time when it waits for one (so the sweep
 * honours a platform's reset time instead of re-firing early), else its schedule.
 */
const dueAt: SQL<Date> = sql<Date>`coalesce(${postPlatforms.nextAttemptAt}, ${postPlatforms.scheduledAt})`;

async function markAndRecord(
  tx: Tx,
  from: 'scheduled' | 'publishing',
  to: 'missed' | 'unconfirmed',
  olderThan: Date,
  column: SQL<Date>,
  reason: string,
  now: Date,
): Promise<NonNullable<SweepResult['moved']>> {
  const moved = await tx
    .update(postPlatforms)
    .set({ status: to, updatedAt: now, errorCode: to, errorMessage: reason })
    .where(and(eq(postPlatforms.status, from), lt(column, sql`${olderThan.toISOString()}::timestamptz`)))
    .returning({
      id: postPlatforms.id,
      organizationId: postPlatforms.organizationId,
      postId: postPlatforms.postId,
    });
  if (moved.length > 0) {
    await tx.insert(postTargetEvents).values(
      moved.map((t) => ({
        organizationId: t.organizationId,
        postPlatformId: t.id,
        fromStatus: from,
        toStatus: to,
        reason,
        at: now,
      })),
    );
  }
  for (const postId of new Set(moved.map((t) => t.postId))) {
    await refreshPostStatus(tx, postId);
    const [post] = await tx.select({ userId: posts.userId }).from(posts).where(eq(posts.id, postId));
    for (const target of moved.filter((t) => t.postId === postId)) {
      await notifyPostTarget(tx, {
        organizationId: target.organizationId,
        userId: post?.userId ?? null,
        postId,
        targetId: target.id,
        type: to === 'missed' ? 'post.missed' : 'post.unconfirmed',
        title:
          to === 'missed' ? 'A scheduled post was not published' : 'Check a post: publication unconfirmed',
        body: reason,
      });
    }
  }
  return moved.map((t) => ({ ...t, status: to }));
}

/**
 * The safety net under the per-target schedules (EventBridge schedules can be lost): re-fires
 * targets whose schedule never fired, gives up on those too late to publish, and turns
 * crashed claims into `unconfirmed` so a human checks before anything is re-sent.
 */
export async function sweepPostTargets(
  tx: Tx,
  now: Date,
  policy: SweepPolicy = DEFAULT_SWEEP_POLICY,
): Promise<SweepResult> {
  const missedBefore = new Date(now.getTime() - policy.missedAfterMs);
  const missed = await markAndRecord(
    tx,
    'scheduled',
    'missed',
    missedBefore,
    dueAt,
    'The schedule did not fire in time; not published late.',
    now,
  );
  const unconfirmed = await markAndRecord(
    tx,
    'publishing',
    'unconfirmed',
    new Date(now.getTime() - policy.stuckAfterMs),
    sql<Date>`${postPlatforms.updatedAt}`,
    'Publishing was interrupted; check the platform before retrying.',
    now,
  );
  const refire = await tx
    .select({ targetId: postPlatforms.id, version: postPlatforms.version })
    .from(postPlatforms)
    .where(
      and(
        eq(postPlatforms.status, 'scheduled'),
        gte(dueAt, sql`${missedBefore.toISOString()}::timestamptz`),
        lt(dueAt, sql`${new Date(now.getTime() - policy.lostAfterMs).toISOString()}::timestamptz`),
      ),
    )
    .orderBy(dueAt)
    .limit(1000);
  return {
    refire,
    missed: missed.length,
    unconfirmed: unconfirmed.length,
    moved: [...missed, ...unconfirmed],
  };
}
