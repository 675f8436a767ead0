import type { Logger, JobQueue } from '../ports';

/**
 * Notification rows written with `email_status = 'pending'`, by transaction. Writers record
 * them here inside the transaction; the code that owns the transaction takes them and
 * enqueues the delivery job once it has committed (a job sent before the commit could run
 * before the rows are visible, and one sent for a rolled-back transaction would find nothing).
 * Rows whose job is never sent (a crash, a caller that does not take them) are found by the
 * sweep after a few minutes, so this is the fast path, not the only one.
 */
const pendingByTransaction = new WeakMap<object, string[]>();

export function notePendingEmails(tx: object, notificationIds: readonly string[]): void {
  if (notificationIds.length === 0) return;
  pendingByTransaction.set(tx, [...(pendingByTransaction.get(tx) ?? []), ...notificationIds]);
}

/** The pending emails written so far in `tx`, forgotten once taken. */
export function takePendingEmails(tx: object): string[] {
  const ids = pendingByTransaction.get(tx) ?? [];
  pendingByTransaction.delete(tx);
  return ids;
}

export const DELIVER_NOTIFICATION_EMAILS = 'deliver-notification-emails';
/** Ids per job message: a large organization's admins are mailed in a few jobs, not one huge one. */
const IDS_PER_JOB = 50;

/**
 * Asks the background worker to mail these notifications. Never throws: the rows are already
 * committed as `pending`, and the sweep enqueues them again if this send is lost.
 */
export async function enqueueNotificationEmails(
  container: { queue: Pick<JobQueue, 'sendBatch'>; logger: Pick<Logger, 'warn'> },
  notificationIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(notificationIds)];
  if (ids.length === 0) return;
  const bodies = [];
  for (let i = 0; i < ids.length; i += IDS_PER_JOB)
    bodies.push({ type: DELIVER_NOTIFICATION_EMAILS, notificationIds: ids.slice(i, i + IDS_PER_JOB) });
  try {
    await container.queue.sendBatch('jobs', bodies);
  } catch (error) {
    container.logger.warn('Could not enqueue notification emails; the sweep will retry', {
      notificationIds: ids,
      error: String(error),
    });
  }
}
