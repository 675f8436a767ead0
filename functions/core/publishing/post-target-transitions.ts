import { and, eq, inArray, sql } from 'drizzle-orm';
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
  platformData?: Record<string, unknown> | null;
}

/** The history row's details: the error and retry time of the change, plus what the caller found. */
function eventDetails(
  change: TransitionChange,
  details: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  const merged = {
    ...(change.errorCode ? { errorCode: change.errorCode } : {}),
    ...(change.nextAttemptAt ? { nextAttemptAt: change.nextAttemptAt.toISOString() } : {}),
    ...details,
  };
  return Object.keys(merged).length > 0 ? merged : undefined;
}

/**
 * Moves a target from one status to another only if it is still in `from`, and appends
 * the transition to its history in the same statement batch. Returns the updated row, or
 * undefined when someone else moved it first. `from` may equal `to` to record a finding
 * (a look-up's result) without a change of status. `details` go to the history row.
 */
export async function transitionPostTarget(
  tx: Tx,
  target: Pick<PostTarget, 'id' | 'organizationId'>,
  from: PostTargetStatus,
  to: PostTargetStatus,
  reason: string,
  now: Date,
  change: TransitionChange = {},
  details?: Record<string, unknown>,
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
      details: eventDetails(change, details),
      at: now,
    });
  }
  return updated;
}

/**
 * The same move for many targets at once (the sweep): only those still in `from` move, each
 * with its history row. `changeOf` gives each target its own change (its own look-up state).
 */
export async function transitionPostTargets(
  tx: Tx,
  ids: readonly string[],
  from: PostTargetStatus,
  to: PostTargetStatus,
  reason: string,
  now: Date,
  changeOf: (id: string) => TransitionChange = () => ({}),
): Promise<PostTarget[]> {
  if (ids.length === 0) return [];
  const moved: PostTarget[] = [];
  // One statement per distinct change; the sweep's batches are small (a crash's claims).
  const byChange = new Map<string, string[]>();
  for (const id of ids) {
    const key = JSON.stringify(changeOf(id));
    byChange.set(key, [...(byChange.get(key) ?? []), id]);
  }
  for (const group of byChange.values()) {
    const change = changeOf(group[0]!);
    moved.push(
      ...(await tx
        .update(postPlatforms)
        .set({ status: to, updatedAt: now, ...change })
        .where(and(inArray(postPlatforms.id, group), eq(postPlatforms.status, from)))
        .returning()),
    );
  }
  if (moved.length > 0) {
    await tx.insert(postTargetEvents).values(
      moved.map((target) => ({
        organizationId: target.organizationId,
        postPlatformId: target.id,
        fromStatus: from,
        toStatus: to,
        reason,
        details: eventDetails(changeOf(target.id), undefined),
        at: now,
      })),
    );
  }
  return moved;
}
