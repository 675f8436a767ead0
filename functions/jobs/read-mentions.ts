import * as z from 'zod';
import type { BackgroundJob } from './background-jobs';
import { readAccountMentions } from '../core/listening/ingest-mentions';
import { READ_MENTIONS } from '../core/listening/mentions-tick';

const message = z.object({ organizationId: z.uuid(), accountId: z.uuid() });

/**
 * `{type: 'read-mentions', organizationId, accountId}`: new mentions and comments of one
 * account. A backlog longer than one run's bound is read on at once by the next job, not 15
 * minutes later.
 */
export const readMentionsJob: BackgroundJob = async (body, container) => {
  const request = message.parse(body);
  const outcome = await readAccountMentions(container, request);
  if (outcome.status === 'read' && outcome.more && outcome.read > 0)
    await container.queue.send('jobs', { type: READ_MENTIONS, ...request });
};
