import { and, asc, eq, lte, min } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { reportSchedules } from '../../../db/schema';
import { withSystem } from '../../../db/tenant';
import type { Platform } from '../../../shared/platforms/catalog';
import type { Clock, JobQueue, KeyValue, Logger } from '../../ports';
import type { ReportParameters } from './report-content';
import { GENERATE_REPORT, requestReport } from './request-report';
import { nextRunAfter, periodEndedBefore } from './schedule-dates';

/** When the next scheduled report is due (epoch ms); the sweep leaves the database alone until then. */
const NEXT_DUE = { pk: 'report-schedules', sk: 'next-due' } as const;
/**
 * Look at least this often even when nothing is due. Creating a schedule brings the marker
 * forward and a missing marker means "look now", so this is a backstop only, kept long so that
 * reports add no wake-up of a paused database beyond their own due times.
 */
const LOOK_AT_LEAST_EVERY_MS = 7 * 24 * 60 * 60 * 1000;

function setNextDue(kv: KeyValue, dueMs: number): Promise<void> {
  return kv.put({ ...NEXT_DUE, value: dueMs, expiresAt: Math.ceil(dueMs / 1000) + 24 * 3600 });
}

/** What a schedule keeps in `parameters`: what each of its reports covers besides the range. */
export interface ScheduleCoverage {
  accountIds?: string[];
  platforms?: Platform[];
  formats: Array<'pdf' | 'csv'>;
}

export interface ReportScheduleTickDeps {
  db: Database;
  kv: KeyValue;
  queue: Pick<JobQueue, 'sendBatch'>;
  clock: Clock;
  logger: Pick<Logger, 'info'>;
}

/**
 * Makes the report of every schedule that is due (the week or month just ended in its zone),
 * moves each schedule to its next run, and queues the `generate-report` jobs; run by the
 * scheduled work. `respectMarker` (in AWS) skips the database until the next due time, so an
 * idle install is woken by reports only when one is due (weekly at most when none is).
 */
export async function runDueReportSchedules(
  deps: ReportScheduleTickDeps,
  options: { respectMarker: boolean },
): Promise<{ skipped: boolean; created: number; nextDueAt: Date }> {
  const now = deps.clock.now();
  if (options.respectMarker) {
    const marker = await deps.kv.get<number>(NEXT_DUE.pk, NEXT_DUE.sk);
    if (marker && marker.value > now.getTime())
      return { skipped: true, created: 0, nextDueAt: new Date(marker.value) };
  }
  const { jobs, next } = await withSystem(deps.db, async (tx) => {
    const due = await tx
      .select()
      .from(reportSchedules)
      .where(and(eq(reportSchedules.isActive, true), lte(reportSchedules.nextRunAt, now)))
      .orderBy(asc(reportSchedules.nextRunAt))
      .for('update', { skipLocked: true });
    const made: Array<{ type: string; organizationId: string; reportId: string }> = [];
    for (const schedule of due) {
      const coverage = schedule.parameters as unknown as ScheduleCoverage;
      const range = periodEndedBefore(schedule.frequency, schedule.timeZone, schedule.nextRunAt);
      const parameters: ReportParameters = { ...coverage, ...range, timeZone: schedule.timeZone };
      const report = await requestReport(tx, {
        organizationId: schedule.organizationId,
        createdBy: schedule.createdBy,
        name: `${schedule.name} (${range.from} to ${range.to})`,
        parameters,
        scheduleId: schedule.id,
      });
      await tx
        .update(reportSchedules)
        .set({
          lastRunAt: now,
          nextRunAt: nextRunAfter(schedule.frequency, schedule.timeZone, now),
          updatedAt: now,
        })
        .where(eq(reportSchedules.id, schedule.id));
      made.push({ type: GENERATE_REPORT, organizationId: schedule.organizationId, reportId: report.id });
    }
    const [soonest] = await tx
      .select({ at: min(reportSchedules.nextRunAt) })
      .from(reportSchedules)
      .where(eq(reportSchedules.isActive, true));
    return { jobs: made, next: soonest?.at ?? null };
  });
  if (jobs.length > 0) {
    await deps.queue.sendBatch('jobs', jobs);
    deps.logger.info('Made scheduled reports', { reports: jobs.length });
  }
  const nextMs = Math.min(now.getTime() + LOOK_AT_LEAST_EVERY_MS, next ? next.getTime() : Infinity);
  await setNextDue(deps.kv, nextMs);
  return { skipped: false, created: jobs.length, nextDueAt: new Date(nextMs) };
}

/** A schedule was created: the next look is brought forward to its first run, never pushed back. */
export async function bringReportSchedulesForward(kv: KeyValue, due: Date): Promise<void> {
  const marker = await kv.get<number>(NEXT_DUE.pk, NEXT_DUE.sk);
  if (marker && marker.value <= due.getTime()) return;
  await setNextDue(kv, due.getTime());
}
