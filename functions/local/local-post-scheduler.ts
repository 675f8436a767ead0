import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Clock, JobQueue, Logger, OneTimeSchedule, PostScheduler, PublishTrigger } from '../core/ports';
import type { Database } from '../db/client';
import { scheduledJobs } from '../db/schema';

/**
 * EventBridge Scheduler's stand-in: one row per one-time schedule in `scheduled_jobs`, so
 * schedules survive a restart. A poller sends each due payload to the publish queue — the
 * same message Scheduler would send — then deletes the row (ActionAfterCompletion DELETE).
 * Sending before deleting makes delivery at-least-once; the publisher's claim makes a
 * duplicate harmless.
 */
export class LocalPostScheduler implements PostScheduler {
  private timer?: NodeJS.Timeout;
  private firing?: Promise<number>;

  constructor(
    private readonly db: Database,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async schedule(schedule: OneTimeSchedule): Promise<void> {
    const values = {
      name: schedule.name,
      fireAt: schedule.at,
      timezone: schedule.timezone,
      payload: schedule.payload,
    };
    await this.db
      .insert(scheduledJobs)
      .values(values)
      .onConflictDoUpdate({ target: scheduledJobs.name, set: { ...values, firedAt: null } });
  }

  async cancel(name: string): Promise<void> {
    await this.db.delete(scheduledJobs).where(eq(scheduledJobs.name, name));
  }

  /** Sends every schedule due at the clock's now; returns how many fired. */
  async fireDue(limit = 1000): Promise<number> {
    // One pass at a time: overlapping passes would send the same schedule twice.
    this.firing ??= this.firePass(limit).finally(() => {
      this.firing = undefined;
    });
    return this.firing;
  }

  private async firePass(limit: number): Promise<number> {
    const now = this.clock.now();
    const due = await this.db
      .select()
      .from(scheduledJobs)
      .where(lte(scheduledJobs.fireAt, now))
      .orderBy(asc(scheduledJobs.fireAt))
      .limit(limit);
    if (due.length === 0) return 0;
    await this.queue.sendBatch(
      'publish',
      due.map((job) => job.payload as PublishTrigger),
    );
    for (const job of due) {
      // Only delete what was sent: a reschedule that raced this pass keeps its new row.
      await this.db
        .delete(scheduledJobs)
        .where(
          and(
            eq(scheduledJobs.name, job.name),
            eq(scheduledJobs.fireAt, job.fireAt),
            sql`${scheduledJobs.payload} = ${JSON.stringify(job.payload)}::jsonb`,
          ),
        );
    }
    this.logger.debug('Fired due schedules', { count: due.length });
    return due.length;
  }

  start(intervalMs = 1000): void {
    this.stop();
    this.timer = setInterval(() => {
      this.fireDue().catch((error) => this.logger.error('Scheduler pass failed', { error: String(error) }));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async pending(): Promise<number> {
    const [row] = await this.db.select({ count: sql<number>`count(*)::int` }).from(scheduledJobs);
    return row?.count ?? 0;
  }
}
