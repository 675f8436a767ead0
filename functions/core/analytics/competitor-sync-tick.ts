import { and, eq } from 'drizzle-orm';
import type { Clock, JobQueue, KeyValue, Logger } from '../ports';
import type { Database } from '../../db/client';
import { competitors } from '../../db/schema';
import { withSystem } from '../../db/tenant';
import { METRICS_SCHEDULE } from './metrics-schedule';

/** The job type of one competitor's read (functions/jobs/sync-competitor.ts). */
export const SYNC_COMPETITOR = 'sync-competitor';

/** When the next competitor read falls due (epoch ms); the sweep leaves the database alone until then. */
const NEXT_DUE = { pk: 'competitor-sync', sk: 'next-due' } as const;
/** One per queued competitor, so a read still running is not queued again by the next sweep. */
const QUEUED_FOR_MS = 30 * 60 * 1000;

/**
 * When a competitor is read next: at the metrics sync's daily slot (06:00 UTC), at least 20
 * hours after its last read, so the daily wake-up of an idle install reads its competitors and
 * its own accounts together rather than once more. Added competitors are read at once.
 */
export function nextCompetitorReadAt(lastCheckedAt: Date | null): Date {
  if (!lastCheckedAt) return new Date(0);
  const after = new Date(lastCheckedAt.getTime() + METRICS_SCHEDULE.dailyMinimumGapMs);
  const slot = new Date(
    Date.UTC(
      after.getUTCFullYear(),
      after.getUTCMonth(),
      after.getUTCDate(),
      METRICS_SCHEDULE.dailySlotUtcHour,
    ),
  );
  if (slot < after) slot.setUTCDate(slot.getUTCDate() + 1);
  return slot;
}

export interface CompetitorTickDeps {
  db: Database;
  kv: KeyValue;
  queue: Pick<JobQueue, 'sendBatch'>;
  clock: Clock;
  logger: Pick<Logger, 'info'>;
}

/**
 * Queues a `sync-competitor` job for each active competitor that is due. Run by the scheduled
 * sweep; `respectMarker` (in AWS) skips the database until the next due time, so tracking
 * competitors wakes a paused Aurora no more often than the daily metrics slot already does.
 */
export async function queueDueCompetitorSyncs(
  deps: CompetitorTickDeps,
  options: {
    respectMarker: boolean;
    /** One organization only (tests that share a database); every organization by default. */
    organizationId?: string;
  },
): Promise<{ skipped: boolean; queued: number; nextDueAt: Date | null }> {
  const now = deps.clock.now();
  if (options.respectMarker) {
    const marker = await deps.kv.get<number>(NEXT_DUE.pk, NEXT_DUE.sk);
    if (marker && marker.value > now.getTime()) {
      return { skipped: true, queued: 0, nextDueAt: new Date(marker.value) };
    }
  }
  const rows = await withSystem(deps.db, (tx) =>
    tx
      .select({
        competitorId: competitors.id,
        organizationId: competitors.organizationId,
        lastCheckedAt: competitors.lastCheckedAt,
      })
      .from(competitors)
      .where(
        and(
          eq(competitors.isActive, true),
          options.organizationId ? eq(competitors.organizationId, options.organizationId) : undefined,
        ),
      ),
  );
  const jobs = [];
  let next: number | null = null;
  for (const row of rows) {
    const due = nextCompetitorReadAt(row.lastCheckedAt);
    if (due.getTime() > now.getTime()) {
      next = Math.min(next ?? Infinity, due.getTime());
      continue;
    }
    const fresh = await deps.kv.putIfAbsent({
      pk: 'competitor-sync-queued',
      sk: row.competitorId,
      value: now.getTime(),
      expiresAt: Math.ceil((now.getTime() + QUEUED_FOR_MS) / 1000),
    });
    if (fresh)
      jobs.push({
        type: SYNC_COMPETITOR,
        organizationId: row.organizationId,
        competitorId: row.competitorId,
      });
    // Read just now: due again at the next daily slot.
    next = Math.min(next ?? Infinity, nextCompetitorReadAt(now).getTime());
  }
  if (jobs.length > 0) {
    await deps.queue.sendBatch('jobs', jobs);
    deps.logger.info('Queued competitor reads', { competitors: jobs.length });
  }
  // With no competitor at all, look again in a day (adding one reads it at once anyway).
  const nextDue = next ?? now.getTime() + 24 * 60 * 60 * 1000;
  await deps.kv.put({ ...NEXT_DUE, value: nextDue, expiresAt: Math.ceil(nextDue / 1000) + 24 * 3600 });
  return { skipped: false, queued: jobs.length, nextDueAt: new Date(nextDue) };
}
