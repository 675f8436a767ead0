import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { postPlatforms, postTargetEvents } from '../../db/schema';

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
}

async function markAndRecord(
  tx: Tx,
  from: 'scheduled' | 'publishing',
  to: 'missed' | 'unconfirmed',
  olderThan: Date,
  column: typeof postPlatforms.scheduledAt | typeof postPlatforms.updatedAt,
  reason: string,
  now: Date,
): Promise<number> {
  const moved = await tx
    .update(postPlatforms)
    .set({ status: to, updatedAt: now, errorCode: to, errorMessage: reason })
    .where(and(eq(postPlatforms.status, from), lt(column, olderThan)))
    .returning({ id: postPlatforms.id, organizationId: postPlatforms.organizationId });
  if (moved.length > 0) {
    await tx
      .insert(postTargetEvents)
      .values(
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
  return moved.length;
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
    postPlatforms.scheduledAt,
    'The schedule did not fire in time; not published late.',
    now,
  );
  const unconfirmed = await markAndRecord(
    tx,
    'publishing',
    'unconfirmed',
    new Date(now.getTime() - policy.stuckAfterMs),
    postPlatforms.updatedAt,
    'Publishing was interrupted; check the platform before retrying.',
    now,
  );
  const refire = await tx
    .select({ targetId: postPlatforms.id, version: postPlatforms.version })
    .from(postPlatforms)
    .where(
      and(
        eq(postPlatforms.status, 'scheduled'),
        gte(postPlatforms.scheduledAt, missedBefore),
        lt(postPlatforms.scheduledAt, new Date(now.getTime() - policy.lostAfterMs)),
      ),
    )
    .orderBy(sql`${postPlatforms.scheduledAt}`)
    .limit(1000);
  return { refire, missed, unconfirmed };
}
