import * as z from 'zod';
import { deliverNotificationEmail } from '../core/notifications/deliver-notification-emails';
import type { BackgroundJob } from './background-jobs';

const message = z.object({ notificationIds: z.array(z.uuid()).min(1).max(100) });

/**
 * `{type: 'deliver-notification-emails', notificationIds}`, enqueued after the commit that wrote
 * the notifications (and again by the sweep for lost ones). Each email is claimed before it is
 * sent, so a redelivered or concurrent job mails nothing twice. When a send failed the job
 * throws, after trying the others, so the queue delivers it again; the sent ones are then skipped.
 */
export const deliverNotificationEmailsJob: BackgroundJob = async (body, container) => {
  const { notificationIds } = message.parse(body);
  const retry: string[] = [];
  for (const id of notificationIds) {
    if ((await deliverNotificationEmail(container, id)) === 'retry') retry.push(id);
  }
  if (retry.length > 0) throw new Error(`Notification emails to retry: ${retry.join(', ')}`);
};
