import * as z from 'zod';
import { deliverMail } from '../core/mail/deliver-mail';
import type { BackgroundJob } from './background-jobs';

// Empty is allowed: a forgot-password request sends its message whether or not an account matched.
const message = z.object({ mailIds: z.array(z.uuid()).max(100) });

/**
 * `{type: 'send-mail', mailIds}`: transactional mail from the outbox (functions/core/mail),
 * enqueued after the commit that wrote it, again after a refused attempt, and by the sweep for
 * lost ones. Each mail is claimed before it is sent, so a redelivered or concurrent job sends
 * nothing twice. A refused mail schedules its own retry, so only a database error fails the job.
 */
export const sendMailJob: BackgroundJob = async (body, container) => {
  const { mailIds } = message.parse(body);
  for (const id of mailIds) await deliverMail(container, id);
};
