import { createHash, randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { JobQueue, Logger, QueueName, SendJobOptions } from '../core/ports';

export type QueueConsumer = (event: SQSEvent) => Promise<SQSBatchResponse | void>;

export interface LocalQueueSettings {
  /** Seconds a received message stays hidden before it is delivered again (SQS VisibilityTimeout). */
  visibilityTimeoutSeconds: number;
  /** Deliveries before the message moves to the dead-letter queue (redrive maxReceiveCount). */
  maxReceiveCount: number;
  /** Records per invocation (event source BatchSize). */
  batchSize: number;
  /** Invocations in flight at once (event source maximum concurrency). */
  concurrency: number;
}

export const DEFAULT_QUEUE_SETTINGS: LocalQueueSettings = {
  visibilityTimeoutSeconds: 30,
  maxReceiveCount: 5,
  batchSize: 10,
  concurrency: 4,
};

export interface LocalMessage {
  messageId: string;
  body: string;
  sentAt: number;
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
}

interface QueueState {
  settings: LocalQueueSettings;
  messages: LocalMessage[];
  deadLetters: LocalMessage[];
  consumer?: QueueConsumer;
  inFlight: number;
  timer?: NodeJS.Timeout;
  timerAt?: number;
}

/**
 * An in-process stand-in for SQS + the Lambda event source mapping, with the semantics the
 * workers rely on: at-least-once delivery in batches, a visibility timeout after which an
 * unacknowledged message is delivered again, partial batch failures (only the failed
 * records come back), and a dead-letter queue after `maxReceiveCount` deliveries.
 * Messages live in memory; what must survive a restart (schedules) lives in the database.
 */
export class LocalJobQueue implements JobQueue {
  private readonly queues = new Map<QueueName, QueueState>();
  private running = false;
  private readonly idleWaiters: Array<() => void> = [];

  constructor(
    private readonly logger: Logger,
    private readonly settings: Partial<Record<QueueName, Partial<LocalQueueSettings>>> = {},
    private readonly now: () => number = Date.now,
  ) {}

  private state(queue: QueueName): QueueState {
    let state = this.queues.get(queue);
    if (!state) {
      state = {
        settings: { ...DEFAULT_QUEUE_SETTINGS, ...this.settings[queue] },
        messages: [],
        deadLetters: [],
        inFlight: 0,
      };
      this.queues.set(queue, state);
    }
    return state;
  }

  async send(queue: QueueName, body: unknown, options: SendJobOptions = {}): Promise<void> {
    await this.sendBatch(queue, [body], options);
  }

  async sendBatch(queue: QueueName, bodies: unknown[], options: SendJobOptions = {}): Promise<void> {
    const delaySeconds = options.delaySeconds ?? 0;
    if (delaySeconds < 0 || delaySeconds > 900)
      throw new RangeError('delaySeconds must be between 0 and 900 (SQS limit)');
    const state = this.state(queue);
    const now = this.now();
    for (const body of bodies) {
      state.messages.push({
        messageId: randomUUID(),
        body: JSON.stringify(body),
        sentAt: now,
        visibleAt: now + delaySeconds * 1000,
        receiveCount: 0,
      });
    }
    this.pump(queue);
  }

  /** Registers the worker of a queue (the Lambda its event source mapping invokes). */
  consume(queue: QueueName, consumer: QueueConsumer): void {
    this.state(queue).consumer = consumer;
    this.pump(queue);
  }

  start(): void {
    this.running = true;
    for (const queue of this.queues.keys()) this.pump(queue);
  }

  /** Stops delivering and waits for in-flight invocations to finish. */
  async stop(): Promise<void> {
    this.running = false;
    for (const state of this.queues.values()) if (state.timer) clearTimeout(state.timer);
    while ([...this.queues.values()].some((s) => s.inFlight > 0)) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  deadLetters(queue: QueueName): readonly LocalMessage[] {
    return this.state(queue).deadLetters;
  }

  /** Messages not yet deleted (visible, delayed or in flight). */
  depth(queue: QueueName): number {
    return this.state(queue).messages.length;
  }

  /** Resolves when every queue with a consumer is empty and idle (tests and benchmarks). */
  async drained(): Promise<void> {
    if (this.isIdle()) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return [...this.queues.values()].every(
      (s) => !s.consumer || (s.messages.length === 0 && s.inFlight === 0),
    );
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private pump(queue: QueueName): void {
    const state = this.state(queue);
    if (!this.running || !state.consumer) return;
    const now = this.now();
    while (state.inFlight < state.settings.concurrency) {
      const batch = this.receive(queue, state, now);
      if (batch.length === 0) break;
      state.inFlight += 1;
      void this.invoke(queue, state, batch).finally(() => {
        state.inFlight -= 1;
        this.pump(queue);
        this.notifyIfIdle();
      });
    }
    this.armTimer(queue, state, now);
    this.notifyIfIdle();
  }

  /** Takes visible messages, hides them for the visibility timeout, moves exhausted ones to the DLQ. */
  private receive(queue: QueueName, state: QueueState, now: number): LocalMessage[] {
    const batch: LocalMessage[] = [];
    for (const message of [...state.messages]) {
      if (batch.length >= state.settings.batchSize) break;
      if (message.visibleAt > now) continue;
      if (message.receiveCount >= state.settings.maxReceiveCount) {
        state.messages.splice(state.messages.indexOf(message), 1);
        state.deadLetters.push(message);
        this.logger.error('Message moved to the dead-letter queue', {
          queue,
          messageId: message.messageId,
          receiveCount: message.receiveCount,
        });
        continue;
      }
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
      message.visibleAt = now + state.settings.visibilityTimeoutSeconds * 1000;
      batch.push(message);
    }
    return batch;
  }

  private async invoke(queue: QueueName, state: QueueState, batch: LocalMessage[]): Promise<void> {
    const event: SQSEvent = { Records: batch.map((m) => toRecord(queue, m)) };
    let failed: Set<string>;
    try {
      const response = await state.consumer!(event);
      failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      // A thrown handler fails the whole batch, as with Lambda.
      this.logger.error('Queue consumer threw; the batch will be retried', { queue, error: String(error) });
      failed = new Set(batch.map((m) => m.messageId));
    }
    state.messages = state.messages.filter((m) => !batch.includes(m) || failed.has(m.messageId));
  }

  private armTimer(queue: QueueName, state: QueueState, now: number): void {
    const next = Math.min(...state.messages.filter((m) => m.visibleAt > now).map((m) => m.visibleAt));
    if (!Number.isFinite(next) || (state.timer && state.timerAt === next)) return;
    if (state.timer) clearTimeout(state.timer);
    state.timerAt = next;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      state.timerAt = undefined;
      this.pump(queue);
    }, next - now);
    state.timer.unref();
  }
}

function toRecord(queue: QueueName, message: LocalMessage): SQSRecord {
  return {
    messageId: message.messageId,
    receiptHandle: `${message.messageId}#${message.receiveCount}`,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentAt),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(message.body).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:local:000000000000:plume-${queue}`,
    awsRegion: 'local',
  };
}
