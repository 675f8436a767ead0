import type { Clock, JobQueue, KeyValue, Logger } from '../ports';
import type { Database } from '../../db/client';
import { withSystem } from '../../db/tenant';
import { accountsDueForSync, METRICS_SCHEDULE } from './metrics-schedule';

/** When the next automatic sync falls due (epoch ms); the sweep leaves the database alone until then. */
const NEXT_DUE = { pk: 'metrics-sync', sk: 'next-due' } as const;
/** Stores when the next sync is due; kept a day past it, in case nobody looks in between. */
function setNextDue(kv: KeyValue, dueMs: number): Promise<void> {
  return kv.put({ ...NEXT_DUE, value: dueMs, expiresAt: Math.ceil(dueMs / 1000) + 24 * 3600 });
}

/** One per queued account, so a sync still running is not queued again by the next sweep. */
const QUEUED_FOR_MS = 30 * 60 * 1000;
/** Look again at least this often even when nothing seems due (a lost marker update, say). */
const LOOK_AT_LEAST_EVERY_MS = 24 * 60 * 60 * 1000;

export interface MetricsTickDeps {
  db: Database;
  kv: KeyValue;
  queue: Pick<JobQueue, 'sendBatch'>;
  clock: Clock;
  logger: Pick<Logger, 'info'>;
}

export interface MetricsTickResult {
  /** True when the marker said nothing is due and the database was not read. */
  skipped: boolean;
  queued: number;
  nextDueAt: Date | null;
}

/**
 * Queues a `sync-social-account` job for every account whose automatic sync is due
 * (metrics-schedule.ts). Run by the sweep; `respectMarker` (in AWS) skips the database until
 * the next due time, so a paused Aurora is woken only when a sync is due: once a day for an
 * install whose posts are all older than two days. Publishing and connecting bring it forward.
 */
export async function queueDueMetricsSyncs(
  deps: MetricsTickDeps,
  options: { respectMarker: boolean },
): Promise<MetricsTickResult> {
  const now = deps.clock.now();
  if (options.respectMarker) {
    const marker = await deps.kv.get<number>(NEXT_DUE.pk, NEXT_DUE.sk);
    if (marker && marker.value > now.getTime()) {
      return { skipped: true, queued: 0, nextDueAt: new Date(marker.value) };
    }
  }
  const { due, nextDueAt } = await withSystem(deps.db, (tx) => accountsDueForSync(tx, now));
  const jobs = [];
  for (const account of due) {
    const fresh = await deps.kv.putIfAbsent({
      pk: 'metrics-sync-queued',
      sk: account.accountId,
      value: now.getTime(),
      expiresAt: Math.ceil((now.getTime() + QUEUED_FOR_MS) / 1000),
    });
    if (fresh) jobs.push({ type: 'sync-social-account', ...account });
  }
  if (jobs.length > 0) {
    await deps.queue.sendBatch('jobs', jobs);
    deps.logger.info('Queued automatic metrics syncs', { accounts: jobs.length });
  }
  // The accounts just queued are due again an hour after their sync at the soonest.
  const candidates = [
    now.getTime() + LOOK_AT_LEAST_EVERY_MS,
    ...(nextDueAt ? [nextDueAt.getTime()] : []),
    ...(due.length > 0 ? [now.getTime() + METRICS_SCHEDULE.recentEveryMs] : []),
  ];
  const next = Math.min(...candidates);
  await setNextDue(deps.kv, next);
  return { skipped: false, queued: jobs.length, nextDueAt: new Date(next) };
}

/**
 * Something made a sync worth doing by `due` (a post just went out: its first metrics within
 * the hour; an account was connected: now): the next look is brought forward, never pushed back.
 */
export async function bringMetricsSyncForward(kv: KeyValue, due: Date): Promise<void> {
  const marker = await kv.get<number>(NEXT_DUE.pk, NEXT_DUE.sk);
  if (marker && marker.value <= due.getTime()) return;
  await setNextDue(kv, due.getTime());
}
