import { getContainer } from '../adapters/container';
import { notificationEmailsToRetry } from '../core/notifications/deliver-notification-emails';
import { enqueueNotificationEmails, takePendingEmails } from '../core/notifications/email-outbox';
import { targetsMayBeInFlight } from '../core/publishing/sweep-marker';
import { sweepPostTargets } from '../core/publishing/sweep-post-targets';
import { withSystem } from '../db/tenant';

export interface SweepSummary {
  refired: number;
  missed: number;
  unconfirmed: number;
  skipped: boolean;
}

/** Runs every 5 minutes (an EventBridge schedule in AWS, a timer locally). */
export const handler = async (): Promise<SweepSummary> => {
  const { db, clock, queue, logger, kv, env, realtime } = await getContainer();
  // In AWS, leave a paused Aurora asleep when nothing can be in flight (see sweep-marker.ts).
  if (env.PLUME_RUNTIME === 'aws' && !(await targetsMayBeInFlight(kv))) {
    return { refired: 0, missed: 0, unconfirmed: 0, skipped: true };
  }
  const { result, emails } = await withSystem(db, async (tx) => ({
    result: await sweepPostTargets(tx, clock.now()),
    // Emails of the missed/unconfirmed notifications just written, enqueued after the commit.
    emails: takePendingEmails(tx),
  }));
  // Re-firing goes through the publish queue, so the claim still guards against duplicates.
  if (result.refire.length > 0) await queue.sendBatch('publish', result.refire);
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
  const summary = {
    refired: result.refire.length,
    missed: result.missed,
    unconfirmed: result.unconfirmed,
    skipped: false,
  };
  if (summary.refired + summary.missed + summary.unconfirmed > 0)
    logger.warn('Sweep corrected post targets', summary);
  return summary;
};
