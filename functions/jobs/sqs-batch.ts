import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { Logger } from '../core/ports';

/**
 * Runs each record independently and reports only the failed ones (SQS partial batch
 * response), so one bad message is retried alone instead of re-running the whole batch.
 */
export async function processRecords(
  event: SQSEvent,
  logger: Logger,
  handleRecord: (record: SQSRecord) => Promise<void>,
): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      await handleRecord(record);
    } catch (error) {
      logger.error('Queue message failed; it will be retried', {
        messageId: record.messageId,
        receiveCount: record.attributes?.ApproximateReceiveCount,
        // The logger describes the error from safe fields only (no bound query values).
        error,
      });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}

/** `arn:aws:sqs:eu-west-1:123:plume-publish` -> `plume-publish`. */
export const queueNameOf = (record: SQSRecord): string => record.eventSourceARN.split(':').pop() ?? '';
