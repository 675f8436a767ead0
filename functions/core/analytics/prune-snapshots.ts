import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { withSystem } from '../../db/tenant';
import type { Clock, KeyValue, Logger } from '../ports';

/** When the next pruning may run (epoch ms): at most once a day, and no database read to learn it. */
const NEXT_RUN = { pk: 'analytics-retention', sk: 'next-run' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows one short transaction deletes: small enough that no lock is held for long. */
export const PRUNE_BATCH = 2_000;
/** Batches one run deletes at most; a big backlog is worked off over the following days. */
const MAX_BATCHES = 100;

export interface PruneResult {
  deleted: number;
  batches: number;
  /** True when the last batch was full: rows remain for the next run. */
  more: boolean;
}

/**
 * Thins metric snapshots (`analytics`) older than `retentionDays`: of each target's snapshots of
 * one UTC day, only the last is kept (that row is the day's rollup, kept for ever); the newer
 * ones stay hourly. A target is a published post (`post_platform_id`), or an account for rows
 * without one. Each batch is its own short transaction (plume_system: every organization).
 */
export async function pruneRawSnapshots(
  db: Database,
  options: {
    now: Date;
    retentionDays: number;
    batchSize?: number;
    maxBatches?: number;
    /** One organization only (tests that share a database); every organization by default. */
    organizationId?: string;
  },
): Promise<PruneResult> {
  const scope = options.organizationId ? sql`and a.organization_id = ${options.organizationId}` : sql``;
  const cutoff = new Date(options.now.getTime() - options.retentionDays * DAY_MS);
  const batchSize = options.batchSize ?? PRUNE_BATCH;
  const maxBatches = options.maxBatches ?? MAX_BATCHES;
  let deleted = 0;
  let batches = 0;
  let last = 0;
  do {
    const rows = await withSystem(db, (tx) =>
      // One sort of the old rows (not a probe per row): rank each target's snapshots of one UTC
      // day newest first and delete all but the first. Instants go in as ISO text: postgres.js
      // cannot bind a Date in a raw query.
      tx.execute<{ id: string }>(sql`
        delete from analytics where id in (
          select id from (
            select a.id, row_number() over (
                     partition by coalesce(a.post_platform_id, a.social_account_id),
                                  (a.recorded_at at time zone 'UTC')::date
                     order by a.recorded_at desc, a.id desc) as newest
              from analytics a
             where a.recorded_at < ${cutoff.toISOString()}::timestamptz ${scope}
          ) ranked
          where newest > 1
          limit ${batchSize}
        )
        returning id`),
    );
    last = Array.isArray(rows) ? rows.length : ((rows as { rows?: unknown[] }).rows?.length ?? 0);
    deleted += last;
    batches += 1;
  } while (last === batchSize && batches < maxBatches);
  return { deleted, batches, more: last === batchSize };
}

export interface RetentionDeps {
  db: Database;
  kv: KeyValue;
  clock: Clock;
  logger: Pick<Logger, 'info'>;
}

/**
 * Runs the pruning from the scheduled work at most once a day. The key-value marker is read
 * first, so a run that is not due never touches the database; `databaseAwake` (the metrics tick
 * just read it) keeps an idle AWS install from being woken for retention alone: it runs on the
 * next wake-up the syncs cause anyway, which is at least daily.
 */
export async function pruneSnapshotsDaily(
  deps: RetentionDeps,
  options: { retentionDays: number; databaseAwake: boolean },
): Promise<PruneResult | undefined> {
  const now = deps.clock.now();
  const marker = await deps.kv.get<number>(NEXT_RUN.pk, NEXT_RUN.sk);
  if ((marker && marker.value > now.getTime()) || !options.databaseAwake) return undefined;
  const result = await pruneRawSnapshots(deps.db, { now, retentionDays: options.retentionDays });
  // A backlog left over is taken up again in an hour rather than a day.
  const next = now.getTime() + (result.more ? 60 * 60 * 1000 : DAY_MS);
  await deps.kv.put({ ...NEXT_RUN, value: next, expiresAt: Math.ceil(next / 1000) + 24 * 3600 });
  if (result.deleted > 0) deps.logger.info('Pruned raw metric snapshots', { ...result });
  return result;
}
