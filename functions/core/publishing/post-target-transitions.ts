import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { postPlatforms, postTargetEvents, type PostTargetStatus } from '../../db/schema';
import { refreshPostStatus } from './post-status';

/**
 * The one place where a post target's status changes. Every change (a new target, a person's
 * schedule or deletion, the publisher's claim and outcomes, the sweep) is a conditional update
 * of `post_platforms.status` plus its `post_target_events` row, written here and nowhere else,
 * so the history can never miss a move and no move can half-apply. The post's derived status
 * is rolled up by `rollUpPosts` once the caller's moves are done.
 */

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;
export type PostTarget = typeof postPlatforms.$inferSelect;
type NewPostTarget = Omit<typeof postPlatforms.$inferInsert, 'status' | 'id'>;

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

/**
 * Creates targets as drafts, each with the first row of its history (`to: draft`, no `from`).
 * The ids are made here, so both inserts go out at once (one round trip; the history rows are
 * written after their targets because one connection runs statements in the order sent).
 * Returns the new targets.
 */
export async function createDraftTargets(
  tx: Tx,
  targets: readonly NewPostTarget[],
  reason: string,
  now: Date,
): Promise<PostTarget[]> {
  if (targets.length === 0) return [];
  const drafts = targets.map((t) => ({ ...t, id: crypto.randomUUID(), status: 'draft' as const }));
  const [rows] = await Promise.all([
    tx.insert(postPlatforms).values(drafts).returning().execute(),
    tx
      .insert(postTargetEvents)
      .values(
        drafts.map((draft) => ({
          organizationId: draft.organizationId,
          postPlatformId: draft.id,
          toStatus: 'draft' as const,
          reason,
          at: now,
        })),
      )
      .execute(),
  ]);
  return rows;
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
  scheduledAt?: Date;
  timezone?: string;
  /** A new schedule: the version goes up so a message of the old schedule is a no-op. */
  bumpVersion?: boolean;
}

/** What one move gives its history row: fixed facts, or facts read from the moved row. */
export type EventDetails = Record<string, unknown> | ((moved: PostTarget) => Record<string, unknown>);

/** The history row's details: the error and retry time of the change, plus what the caller found. */
function eventDetails(
  change: TransitionChange,
  moved: PostTarget,
  details: EventDetails | undefined,
): Record<string, unknown> | undefined {
  const merged = {
    ...(change.errorCode ? { errorCode: change.errorCode } : {}),
    ...(change.nextAttemptAt ? { nextAttemptAt: change.nextAttemptAt.toISOString() } : {}),
    ...(typeof details === 'function' ? details(moved) : details),
  };
  return Object.keys(merged).length > 0 ? merged : undefined;
}

function columnsOf(to: PostTargetStatus, now: Date, change: TransitionChange) {
  const { bumpVersion, ...values } = change;
  return {
    status: to,
    updatedAt: now,
    ...values,
    ...(bumpVersion ? { version: sql`${postPlatforms.version} + 1` } : {}),
  };
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
  details?: EventDetails,
): Promise<PostTarget | undefined> {
  const [updated] = await tx
    .update(postPlatforms)
    .set(columnsOf(to, now, change))
    .where(and(eq(postPlatforms.id, target.id), eq(postPlatforms.status, from)))
    .returning();
  if (updated) {
    await tx.insert(postTargetEvents).values({
      organizationId: target.organizationId,
      postPlatformId: target.id,
      fromStatus: from,
      toStatus: to,
      reason,
      details: eventDetails(change, updated, details),
      at: now,
    });
  }
  return updated;
}

/**
 * The same move for many targets at once (a deleted post, the sweep): each target moves only
 * if it is still in the status it had when the caller read it (`status`), and gets its history
 * row. `changeOf` gives each target its own change (its own look-up state).
 */
export async function transitionPostTargets(
  tx: Tx,
  targets: readonly { id: string; status: PostTargetStatus }[],
  to: PostTargetStatus,
  reason: string,
  now: Date,
  changeOf: (id: string) => TransitionChange = () => ({}),
): Promise<PostTarget[]> {
  if (targets.length === 0) return [];
  const moved: PostTarget[] = [];
  const fromOf = new Map<string, PostTargetStatus>();
  // One statement per distinct (from, change); the batches are small (a post's targets, a crash's claims).
  const groups = new Map<string, { from: PostTargetStatus; ids: string[] }>();
  for (const { id, status } of targets) {
    fromOf.set(id, status);
    const key = JSON.stringify([status, changeOf(id)]);
    const group = groups.get(key) ?? { from: status, ids: [] };
    group.ids.push(id);
    groups.set(key, group);
  }
  for (const { from, ids } of groups.values()) {
    moved.push(
      ...(await tx
        .update(postPlatforms)
        .set(columnsOf(to, now, changeOf(ids[0]!)))
        .where(and(inArray(postPlatforms.id, ids), eq(postPlatforms.status, from)))
        .returning()),
    );
  }
  if (moved.length > 0) {
    await tx.insert(postTargetEvents).values(
      moved.map((target) => ({
        organizationId: target.organizationId,
        postPlatformId: target.id,
        fromStatus: fromOf.get(target.id),
        toStatus: to,
        reason,
        details: eventDetails(changeOf(target.id), target, undefined),
        at: now,
      })),
    );
  }
  return moved;
}

/** Recomputes the derived status of each post whose targets moved (same transaction). */
export async function rollUpPosts(tx: Tx, postIds: Iterable<string>): Promise<void> {
  for (const postId of new Set(postIds)) await refreshPostStatus(tx, postId);
}
