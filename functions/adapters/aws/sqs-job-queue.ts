import { SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import type { JobQueue, QueueName, SendJobOptions } from '../../core/ports';

const SQS_BATCH_LIMIT = 10;
const queueUrlsSchema = z.record(z.string(), z.string().url());

/** Parses `QUEUE_URLS` (`{"publish":"https://sqs…",…}`), failing with the bad JSON named. */
export function parseQueueUrls(json: string): Record<string, string> {
  try {
    return queueUrlsSchema.parse(JSON.parse(json));
  } catch (error) {
    throw new Error(`QUEUE_URLS must be a JSON object of queue name to SQS URL: ${String(error)}`);
  }
}

/** JobQueue on SQS: one message per job, JSON bodies, SendMessageBatch in chunks of ten. */
export class SqsJobQueue implements JobQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrls: Record<string, string>,
  ) {}

  async send(queue: QueueName, body: unknown, options: SendJobOptions = {}): Promise<void> {
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: this.urlOf(queue),
        MessageBody: JSON.stringify(body),
        ...delay(options),
      }),
    );
  }

  async sendBatch(queue: QueueName, bodies: unknown[], options: SendJobOptions = {}): Promise<void> {
    const queueUrl = this.urlOf(queue);
    for (let start = 0; start < bodies.length; start += SQS_BATCH_LIMIT) {
      const chunk = bodies.slice(start, start + SQS_BATCH_LIMIT);
      const result = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: chunk.map((body, index) => ({
            Id: String(start + index),
            MessageBody: JSON.stringify(body),
            ...delay(options),
          })),
        }),
      );
      // A batch call succeeds even when some entries fail; those must not vanish silently.
      const failed = result.Failed ?? [];
      if (failed.length > 0) {
        const reasons = failed.map((entry) => `${entry.Id}: ${entry.Code} ${entry.Message ?? ''}`.trim());
        throw new Error(`SQS rejected ${failed.length} message(s) for ${queue}: ${reasons.join('; ')}`);
      }
    }
  }

  private urlOf(queue: QueueName): string {
    const url = this.queueUrls[queue];
    if (!url) throw new Error(`No SQS queue URL configured for "${queue}" (QUEUE_URLS)`);
    return url;
  }
}

function delay(options: SendJobOptions): { DelaySeconds?: number } {
  if (options.delaySeconds === undefined) return {};
  if (!Number.isInteger(options.delaySeconds) || options.delaySeconds < 0 || options.delaySeconds > 900) {
    throw new Error(`delaySeconds must be an integer from 0 to 900, got ${options.delaySeconds}`);
  }
  return { DelaySeconds: options.delaySeconds };
}
