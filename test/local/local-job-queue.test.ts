import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalJobQueue } from '../../functions/local/local-job-queue';
import { captureLogger } from '../support/logger';

const bodies = (event: SQSEvent): unknown[] => event.Records.map((r) => JSON.parse(r.body));

describe('LocalJobQueue', () => {
  let queue: LocalJobQueue;
  afterEach(async () => queue?.stop());

  it('delivers messages in SQS-shaped batches of at most batchSize', async () => {
    queue = new LocalJobQueue(captureLogger(), { jobs: { batchSize: 3, concurrency: 1 } });
    const batches: unknown[][] = [];
    queue.consume('jobs', async (event) => {
      expect(event.Records[0]).toMatchObject({
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:local:000000000000:plume-jobs',
        attributes: { ApproximateReceiveCount: '1' },
      });
      batches.push(bodies(event));
    });
    await queue.sendBatch('jobs', [1, 2, 3, 4, 5, 6, 7]);
    queue.start();
    await queue.drained();
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(batches.flat().sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('redelivers only the records reported as failed, after the visibility timeout', async () => {
    queue = new LocalJobQueue(captureLogger(), { jobs: { visibilityTimeoutSeconds: 0.05 } });
    const seen: Array<{ body: unknown; receiveCount: string | undefined }> = [];
    let failOnce = true;
    queue.consume('jobs', async (event): Promise<SQSBatchResponse> => {
      for (const r of event.Records)
        seen.push({ body: JSON.parse(r.body), receiveCount: r.attributes.ApproximateReceiveCount });
      const failing = event.Records.filter((r) => JSON.parse(r.body) === 'b' && failOnce);
      failOnce = false;
      return { batchItemFailures: failing.map((r) => ({ itemIdentifier: r.messageId })) };
    });
    queue.start();
    await queue.sendBatch('jobs', ['a', 'b', 'c']);
    await queue.drained();
    expect(seen.filter((s) => s.body === 'a')).toHaveLength(1);
    expect(seen.filter((s) => s.body === 'b').map((s) => s.receiveCount)).toEqual(['1', '2']);
    expect(queue.depth('jobs')).toBe(0);
  });

  it('retries a whole batch when the consumer throws and dead-letters after maxReceiveCount', async () => {
    const logger = captureLogger();
    queue = new LocalJobQueue(logger, { jobs: { visibilityTimeoutSeconds: 0.01, maxReceiveCount: 3 } });
    let invocations = 0;
    queue.consume('jobs', async () => {
      invocations += 1;
      throw new Error('boom');
    });
    queue.start();
    await queue.send('jobs', { poison: true });
    await queue.drained();
    expect(invocations).toBe(3);
    expect(queue.deadLetters('jobs').map((m) => JSON.parse(m.body))).toEqual([{ poison: true }]);
    expect(logger.entries.some((e) => e.message.includes('dead-letter'))).toBe(true);
  });

  it('holds delayed messages until their delay has passed', async () => {
    let now = 1_000_000;
    queue = new LocalJobQueue(captureLogger(), {}, () => now);
    const received: unknown[] = [];
    queue.consume('publish', async (event) => {
      received.push(...bodies(event));
    });
    queue.start();
    await queue.send('publish', 'later', { delaySeconds: 60 });
    await new Promise((r) => setTimeout(r, 20));
    expect(received).toEqual([]);
    now += 60_000;
    await queue.send('publish', 'now');
    await queue.drained();
    expect(received.sort()).toEqual(['later', 'now']);
  });

  it('refuses delays SQS would refuse', async () => {
    queue = new LocalJobQueue(captureLogger());
    await expect(queue.send('jobs', 1, { delaySeconds: 901 })).rejects.toThrow(RangeError);
  });

  it('waits for in-flight work on stop', async () => {
    queue = new LocalJobQueue(captureLogger());
    let finished = false;
    queue.consume('jobs', async () => {
      await new Promise((r) => setTimeout(r, 50));
      finished = true;
    });
    queue.start();
    await queue.send('jobs', 1);
    await new Promise((r) => setTimeout(r, 5));
    await queue.stop();
    expect(finished).toBe(true);
  });
});
