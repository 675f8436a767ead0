import { and, eq, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { postPlatforms, postTargetEvents, type PostTargetStatus } from '../../db/schema';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;
export type PostTarget = typeof postPlatforms.$inferSelect;

/**
 * Claims a scheduled target for publishing with one conditional update. Only the delivery
 * whose version still matches and finds the target `scheduled` wins; duplicate, stale or
 * concurrent deliveries get undefined and must do nothing.
 */
export async function claimPostTarget(
  tx: Tx,
  trigger: { targetId: string; version: number },
  now: Date,
): Promise<PostTarget | undefined> {
  const [claimed] = await tx
    .update(postPlatforms)
    .set({ status: 'publishing', attempts: sql`${postPlatforms.attempts} + 1`, updatedAt: now })
    .where(
      and(
        eq(postPlatforms.id, trigger.targetId),
        eq(postPlatforms.version, trigger.version),
        eq(postPlatforms.status, 'scheduled'),
      ),
    )
    .returning();
  if (claimed) {
    await tx.insert(postTargetEvents).values({
      organizationId: claimed.organizationId,
      postPlatformId: claimed.id,
      fromStatus: 'scheduled',
      toStatus: 'publishing',
      reason: 'claimed by the publisher',
      details: { version: trigger.version, attempt: claimed.attempts },
      at: now,
    });
  }
  return claimed;
}

export interface TransitionChange {
  errorCode?: string | null;
  errorMessage?: string | null;
  platformPostId?: string;
  platformPostUrl?: string;
  publishedAt?: Date;
  nextAttemptAt?: Date | null;
  attempts?: number;
  platformData?: Record<string, unknown>;
}

/**
 * Moves a target from one status to another only if it is still in `from`, and appends
 * the transition to its history in the same statement batch. Returns the updated row, or
 * undefined when someone else moved it first.
 */
export async function transitionPostTarget(
  tx: Tx,
  target: Pick<PostTarget, 'id' | 'organizationId'>,
  from: PostTargetStatus,
  to: PostTargetStatus,
  reason: string,
  now: Date,
  change: TransitionChange = {},
): Promise<PostTarget | undefined> {
  const [updated] = await tx
    .update(postPlatforms)
    .set({ status: to, updatedAt: now, ...change })
    .where(and(eq(postPlatforms.id, target.id), eq(postPlatforms.status, from)))
    .returning();
  if (updated) {
    await tx.insert(postTargetEvents).values({
      organizationId: target.organizationId,
      postPlatformId: target.id,
      fromStatus: from,
      toStatus: to,
      reason,
      details:
        change.errorCode || change.nextAttemptAt
          ? { errorCode: change.errorCode ?? undefined, nextAttemptAt: change.nextAttemptAt?.toISOString() }
          : undefined,
      at: now,
    });
  }
  return updated;
}
