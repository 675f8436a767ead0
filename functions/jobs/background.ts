import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod';
import { getContainer } from '../adapters/container';
import { processRecords } from './sqs-batch';
import { BACKGROUND_JOBS } from './background-jobs';

const jobMessage = z.object({ type: z.string().min(1) }).passthrough();

/**
 * Worker of the `jobs` queue: GDPR exports, account syncs, report generation. Each message
 * names its job type; the registry maps types to implementations. An unknown type is
 * retried and then lands in the DLQ, where the alarm makes it visible.
 */
export const handler = async (event: SQSEvent, _context?: Context): Promise<SQSBatchResponse> => {
  const container = await getContainer();
  return processRecords(event, container.logger, async (record) => {
    const message = jobMessage.parse(JSON.parse(record.body));
    const run = BACKGROUND_JOBS[message.type];
    if (!run) throw new Error(`Unknown background job type "${message.type}"`);
    await run(message, container);
  });
};
