import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod';
import { getContainer } from '../adapters/container';
import { publishTarget, type PublishOptions } from '../core/publishing/publish-target';
import { reconcileTarget } from '../core/publishing/reconcile-target';
import { processRecords } from './sqs-batch';

const publishTrigger = z.object({ targetId: z.uuid(), version: z.number().int().nonnegative() });
/** Look for the post of an `unconfirmed` target (core/publishing/lookup-trigger.ts). */
const lookupTrigger = z.object({ targetId: z.uuid(), lookup: z.literal(true) });

/**
 * Worker of the publish queue, fed by the one-time schedules, retries and "publish now", and
 * by look-ups of unconfirmed targets (this worker holds what a network call needs).
 * Each record runs alone; a record that throws is retried by SQS, and its claim makes the
 * retry a no-op once the platform call has started.
 */
export function createPublishHandler(options: PublishOptions = {}) {
  return async (event: SQSEvent, _context?: Context): Promise<SQSBatchResponse> => {
    const container = await getContainer();
    return processRecords(event, container.logger, async (record) => {
      let body: unknown;
      try {
        body = JSON.parse(record.body);
      } catch {
        body = undefined;
      }
      const lookup = lookupTrigger.safeParse(body);
      if (lookup.success) {
        await reconcileTarget(container, lookup.data.targetId, options);
        return;
      }
      const parsed = publishTrigger.safeParse(body);
      if (!parsed.success) {
        // Retrying a malformed message can never succeed; log it loudly and drop it.
        container.logger.error('Dropping malformed publish trigger', {
          messageId: record.messageId,
          body: record.body,
        });
        return;
      }
      await publishTarget(container, parsed.data, options);
    });
  };
}

export const handler = createPublishHandler();
