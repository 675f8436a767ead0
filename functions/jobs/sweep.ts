import { getContainer } from '../adapters/container';
import { queueDueCompetitorSyncs } from '../core/analytics/competitor-sync-tick';
import { queueDueMetricsSyncs } from '../core/analytics/metrics-sync-tick';
import { queueDueMentionReads } from '../core/listening/mentions-tick';
import { queueWatchChecks } from '../core/listening/watch-tick';
import { pruneSnapshotsDaily } from '../core/analytics/prune-snapshots';
import { runDueReportSchedules } from '../core/analytics/reports/report-schedule-tick';
import { mailToResend } from '../core/mail/deliver-mail';
import { enqueueMail } from '../core/mail/outgoing-mail';
import { notificationEmailsToRetry } from '../core/notifications/deliver-notification-emails';
import { enqueueNotificationEmails, takePendingEmails } from '../core/notifications/email-outbox';
import { requestLookups } from '../core/publishing/lookup-trigger';
import { targetsMayBeInFlight } from '../core/publishing/sweep-marker';
import {
  DEFAULT_SWEEP_POLICY,
  sweepPostTargets,
  type SweepOptions,
  type SweepPolicy,
} from '../core/publishing/sweep-post-targets';
import { withSystem } from '../db/tenant';
import { PUBLISH_BOUNDS } from '../platforms/publish-bounds';

export interface SweepSummary {
  refired: number;
  missed: number;
  unconfirmed: number;
  /** Look-ups of unconfirmed targets sent to the publish worker. */
  lookups: number;
  skipped: boolean;
  /** When a claim's lease next runs out (the local sweeper wakes up then). */
  nextLeaseExpiry?: Date;
}

/** Each network's publish bound and look-up settling time, as its connector declares them. */
const POLICY: SweepPolicy = { ...DEFAULT_SWEEP_POLICY, boundsOf: (platform) => PUBLISH_BOUNDS[platform] };

/**
 * One publishing and mail sweep (the scheduled run, `runScheduledWork`, adds the metrics syncs). `afterRestart` is for the local runtime's start, whose queue lived in memory:
 * every due target is re-fired at once instead of after the usual 2 minutes.
 */
export async function runSweep(options: SweepOptions = {}): Promise<SweepSummary> {
  const { db, clock, queue, logger, kv, env, realtime } = await getContainer();
  // In AWS, leave a paused Aurora asleep when nothing can be in flight (see sweep-marker.ts).
  if (env.PLUME_RUNTIME === 'aws' && !(await targetsMayBeInFlight(kv))) {
    return { refired: 0, missed: 0, unconfirmed: 0, lookups: 0, skipped: true };
  }
  const { result, emails } = await withSystem(db, async (tx) => ({
    result: await sweepPostTargets(tx, clock.now(), POLICY, options),
    // Emails of the missed notifications just written, enqueued after the commit.
    emails: takePendingEmails(tx),
  }));
  // Re-firing goes through the publish queue, so the claim still guards against duplicates.
  if (result.refire.length > 0) await queue.sendBatch('publish', result.refire);
  for (const { delaySeconds, ...trigger } of result.resend) {
    await queue.send('publish', trigger, { delaySeconds });
  }
  // Look-ups run in the publish worker; a duplicate of one still queued settles nothing twice.
  await requestLookups(queue, result.lookups);
  // The database is written first; then the people watching are told, as for every transition.
  for (const target of result.moved ?? []) {
    await realtime.broadcast(target.organizationId, {
      type: 'post-target.updated',
      data: { id: target.id, postId: target.postId, status: target.status },
    });
  }
  // Notification emails: this sweep's, plus those whose job was lost or whose sender died.
  await enqueueNotificationEmails({ queue, logger }, [
    ...emails,
    ...(await notificationEmailsToRetry({ db }, clock.now())),
  ]);
  // Transactional mail (sign-up, resets, invitations) whose job was lost or whose retry is due.
  await enqueueMail({ queue, logger, kv, clock }, await mailToResend({ db }, clock.now()));
  const summary: SweepSummary = {
    refired: result.refire.length + result.resend.length,
    missed: result.missed,
    unconfirmed: result.unconfirmed,
    lookups: result.lookups.length,
    skipped: false,
    ...(result.nextLeaseExpiry ? { nextLeaseExpiry: result.nextLeaseExpiry } : {}),
  };
  if (summary.refired + summary.missed + summary.unconfirmed + summary.lookups > 0)
    logger.warn('Sweep corrected post targets', { ...summary, afterRestart: options.afterRestart === true });
  return summary;
}

/**
 * What runs every 5 minutes (an EventBridge schedule in AWS, the local sweeper locally): the
 * automatic metrics syncs that are due (core/analytics/metrics-sync-tick.ts, with their own
 * marker, so the database is read only when one is due), the competitor reads that are due
 * (core/analytics/competitor-sync-tick.ts, likewise), then the publishing sweep.
 */
export async function runScheduledWork(options: SweepOptions = {}): Promise<SweepSummary> {
  const { db, clock, queue, logger, kv, env } = await getContainer();
  let databaseAwake = env.PLUME_RUNTIME !== 'aws';
  try {
    const tick = await queueDueMetricsSyncs(
      { db, kv, queue, clock, logger },
      { respectMarker: env.PLUME_RUNTIME === 'aws' },
    );
    databaseAwake ||= !tick.skipped;
  } catch (error) {
    // Metrics can wait for the next run; the publishing sweep must not.
    logger.warn('Could not queue automatic metrics syncs', { error: String(error) });
  }
  try {
    // Raw snapshots past the retention become daily rollups, once a day, when the database is up anyway.
    await pruneSnapshotsDaily(
      { db, kv, clock, logger },
      { retentionDays: env.ANALYTICS_RAW_RETENTION_DAYS, databaseAwake },
    );
  } catch (error) {
    logger.warn('Could not prune raw metric snapshots', { error: String(error) });
  }
  try {
    await queueDueCompetitorSyncs(
      { db, kv, queue, clock, logger },
      { respectMarker: env.PLUME_RUNTIME === 'aws' },
    );
  } catch (error) {
    logger.warn('Could not queue competitor reads', { error: String(error) });
  }
  try {
    // Mentions every 15 minutes, then the crisis manager (hourly, once they are in) and the
    // performance tracker (daily): core/listening.
    await queueDueMentionReads(
      { db, kv, queue, clock, logger },
      { respectMarker: env.PLUME_RUNTIME === 'aws' },
    );
    await queueWatchChecks({ db, kv, queue, clock, logger }, { respectMarker: env.PLUME_RUNTIME === 'aws' });
  } catch (error) {
    logger.warn('Could not queue the mentions reads and watching agents', { error: String(error) });
  }
  try {
    // Scheduled reports: the week or month just ended, behind their own next-due marker.
    await runDueReportSchedules(
      { db, kv, queue, clock, logger },
      { respectMarker: env.PLUME_RUNTIME === 'aws' },
    );
  } catch (error) {
    logger.warn('Could not make the scheduled reports that are due', { error: String(error) });
  }
  return runSweep(options);
}

export const handler = async (): Promise<SweepSummary> => runScheduledWork();
