import { and, eq, gt, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { postPlatforms, posts, socialAccounts } from '../../db/schema';
import type { Connector, Platform } from '../../platforms/connector';
import { notifyPostTarget } from '../notifications/post-notifications';
import { claimLeaseMs, lookupSettleOf, publishTimeoutOf } from './claim-lease';
import { rollUpPosts, transitionPostTargets, type PostTarget } from './post-target-transitions';
import { MAX_QUEUE_DELAY_SECONDS } from './retry-policy';
import { AWAITING_LOOKUP, lookupStateOf, type LookupState } from './unconfirmed-state';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;
type Bounds = Pick<Connector, 'publishTimeoutMs' | 'lookupSettleMs'> | undefined;

export interface SweepPolicy {
  /** A scheduled target this far past due without firing is assumed lost and re-fired. */
  lostAfterMs: number;
  /** Past this it is too late to publish: it becomes `missed` (a late post can be worse than none). */
  missedAfterMs: number;
  /**
   * Each network's publish bound and look-up settling time (its connector). A `publishing`
   * claim older than its lease (claim-lease.ts) belongs to a process that died mid-call.
   */
  boundsOf: (platform: Platform) => Bounds;
}

export const DEFAULT_SWEEP_POLICY: SweepPolicy = {
  lostAfterMs: 2 * 60 * 1000,
  missedAfterMs: 60 * 60 * 1000,
  boundsOf: () => undefined,
};

export interface SweepOptions {
  /**
   * The process that held the queue's messages has restarted (the local runtime keeps them in
   * memory): every due target is re-fired at once, and pending retries are sent again.
   */
  afterRestart?: boolean;
}

type Trigger = { targetId: string; version: number };

export interface SweepResult {
  /** Due targets whose message was lost: send them to the publish queue now. */
  refire: Trigger[];
  /** After a restart: retries whose delayed message was lost, with the delay left. */
  resend: Array<Trigger & { delaySeconds: number }>;
  /** Targets awaiting a look-up, with the delay before it can be trusted. */
  lookups: Array<{ targetId: string; delaySeconds: number }>;
  missed: number;
  unconfirmed: number;
  /** Targets moved by this sweep, for live updates (functions/jobs/sweep.ts may broadcast them). */
  moved?: Array<{ id: string; organizationId: string; postId: string; status: 'missed' | 'unconfirmed' }>;
  /** When the next live claim's lease runs out: a sweep then has work (the local sweeper wakes up). */
  nextLeaseExpiry?: Date;
}

/**
 * When a scheduled target is next due: its retry time when it waits for one (so the sweep
 * honours a platform's reset time instead of re-firing early), else its schedule.
 */
const dueAt: SQL<Date> = sql<Date>`coalesce(${postPlatforms.nextAttemptAt}, ${postPlatforms.scheduledAt})`;
const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

async function markMissed(tx: Tx, now: Date, policy: SweepPolicy): Promise<PostTarget[]> {
  const reason = 'The schedule did not fire in time; not published late.';
  const stale = await tx
    .select({ id: postPlatforms.id })
    .from(postPlatforms)
    .where(
      and(
        eq(postPlatforms.status, 'scheduled'),
        lt(dueAt, at(new Date(now.getTime() - policy.missedAfterMs))),
      ),
    );
  const moved = await transitionPostTargets(
    tx,
    stale.map((t) => ({ id: t.id, status: 'scheduled' as const })),
    'missed',
    reason,
    now,
    () => ({ errorCode: 'missed', errorMessage: reason, nextAttemptAt: null }),
  );
  await rollUpPosts(
    tx,
    moved.map((t) => t.postId),
  );
  for (const postId of new Set(moved.map((t) => t.postId))) {
    const [post] = await tx.select({ userId: posts.userId }).from(posts).where(eq(posts.id, postId));
    for (const target of moved.filter((t) => t.postId === postId)) {
      await notifyPostTarget(tx, {
        organizationId: target.organizationId,
        userId: post?.userId ?? null,
        postId,
        targetId: target.id,
        type: 'post.missed',
        title: 'A scheduled post was not published',
        body: reason,
      });
    }
  }
  return moved;
}

/**
 * Claims whose lease ran out: the process died mid-call, so nobody will record an answer.
 * They become `unconfirmed` awaiting a look-up; nobody is told yet, because the look-up
 * usually settles them (reconcile-target.ts) and only asks a person when it cannot.
 */
async function expireClaims(
  tx: Tx,
  now: Date,
  policy: SweepPolicy,
): Promise<{ moved: PostTarget[]; nextLeaseExpiry?: Date }> {
  const claims = await tx
    .select({ id: postPlatforms.id, claimedAt: postPlatforms.updatedAt, platform: socialAccounts.platform })
    .from(postPlatforms)
    .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
    // Only what is older than this sweep's clock (tests sweep one shared database at many times).
    .where(and(eq(postPlatforms.status, 'publishing'), lte(postPlatforms.updatedAt, at(now))));
  const expired = new Map<string, LookupState>();
  let nextLeaseExpiry: Date | undefined;
  for (const claim of claims) {
    const bounds = policy.boundsOf(claim.platform);
    const expiresAt = claim.claimedAt.getTime() + claimLeaseMs(bounds);
    if (expiresAt > now.getTime()) {
      if (!nextLeaseExpiry || expiresAt < nextLeaseExpiry.getTime()) nextLeaseExpiry = new Date(expiresAt);
      continue;
    }
    const cutoff = Math.min(now.getTime(), claim.claimedAt.getTime() + publishTimeoutOf(bounds));
    expired.set(claim.id, {
      claimedAt: claim.claimedAt.toISOString(),
      cutoffAt: new Date(cutoff).toISOString(),
      failures: 0,
      reason: 'the worker stopped before it recorded an answer',
    });
  }
  const message =
    'Publishing was interrupted before the answer was recorded. Plume is looking for the post on the network before asking anyone.';
  const moved = await transitionPostTargets(
    tx,
    [...expired.keys()].map((id) => ({ id, status: 'publishing' as const })),
    'unconfirmed',
    'claim expired: the worker stopped mid-call',
    now,
    (id) => ({
      errorCode: AWAITING_LOOKUP,
      errorMessage: message,
      nextAttemptAt: null,
      platformData: { lookup: expired.get(id) },
    }),
  );
  await rollUpPosts(
    tx,
    moved.map((t) => t.postId),
  );
  return { moved, nextLeaseExpiry };
}

/** Every target awaiting a look-up, with the time left before an empty answer can be trusted. */
async function pendingLookups(tx: Tx, now: Date, policy: SweepPolicy): Promise<SweepResult['lookups']> {
  const rows = await tx
    .select({
      id: postPlatforms.id,
      platformData: postPlatforms.platformData,
      platform: socialAccounts.platform,
    })
    .from(postPlatforms)
    .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
    .where(
      and(
        eq(postPlatforms.status, 'unconfirmed'),
        eq(postPlatforms.errorCode, AWAITING_LOOKUP),
        lte(postPlatforms.updatedAt, at(now)),
      ),
    )
    .limit(1000);
  return rows.map((row) => {
    const state = lookupStateOf(row.platformData);
    const settledAt = state
      ? Date.parse(state.cutoffAt) + lookupSettleOf(policy.boundsOf(row.platform))
      : now.getTime();
    const delaySeconds = Math.ceil(Math.max(0, settledAt - now.getTime()) / 1000);
    return { targetId: row.id, delaySeconds: Math.min(delaySeconds, MAX_QUEUE_DELAY_SECONDS) };
  });
}

/**
 * The safety net under the per-target schedules (EventBridge schedules can be lost): re-fires
 * targets whose schedule never fired, gives up on those too late to publish, turns claims
 * whose lease ran out into `unconfirmed` awaiting a look-up, and lists the look-ups to run.
 */
export async function sweepPostTargets(
  tx: Tx,
  now: Date,
  policy: SweepPolicy = DEFAULT_SWEEP_POLICY,
  options: SweepOptions = {},
): Promise<SweepResult> {
  const missedBefore = new Date(now.getTime() - policy.missedAfterMs);
  const missed = await markMissed(tx, now, policy);
  const { moved: unconfirmed, nextLeaseExpiry } = await expireClaims(tx, now, policy);
  // After a restart the queue is empty by construction: whatever is due now was lost.
  const lostBefore = options.afterRestart ? now : new Date(now.getTime() - policy.lostAfterMs);
  const refire = await tx
    .select({ targetId: postPlatforms.id, version: postPlatforms.version })
    .from(postPlatforms)
    .where(
      and(
        eq(postPlatforms.status, 'scheduled'),
        gte(dueAt, at(missedBefore)),
        options.afterRestart ? lte(dueAt, at(lostBefore)) : lt(dueAt, at(lostBefore)),
      ),
    )
    .orderBy(dueAt)
    .limit(1000);
  const resend = options.afterRestart
    ? (
        await tx
          .select({
            targetId: postPlatforms.id,
            version: postPlatforms.version,
            nextAttemptAt: postPlatforms.nextAttemptAt,
          })
          .from(postPlatforms)
          .where(
            and(
              eq(postPlatforms.status, 'scheduled'),
              gt(postPlatforms.nextAttemptAt, at(now)),
              // Longer waits went through a persisted one-time schedule, not the queue.
              lte(postPlatforms.nextAttemptAt, at(new Date(now.getTime() + MAX_QUEUE_DELAY_SECONDS * 1000))),
            ),
          )
          .limit(1000)
      ).map(({ targetId, version, nextAttemptAt }) => ({
        targetId,
        version,
        delaySeconds: Math.ceil((nextAttemptAt!.getTime() - now.getTime()) / 1000),
      }))
    : [];
  const moved = [
    ...missed.map((t) => ({
      id: t.id,
      organizationId: t.organizationId,
      postId: t.postId,
      status: 'missed' as const,
    })),
    ...unconfirmed.map((t) => ({
      id: t.id,
      organizationId: t.organizationId,
      postId: t.postId,
      status: 'unconfirmed' as const,
    })),
  ];
  return {
    refire,
    resend,
    lookups: await pendingLookups(tx, now, policy),
    missed: missed.length,
    unconfirmed: unconfirmed.length,
    moved,
    nextLeaseExpiry,
  };
}
