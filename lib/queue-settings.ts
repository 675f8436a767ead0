import { Duration } from 'aws-cdk-lib';
import { AGENT_QUEUES, type QueueName } from '../functions/core/ports/job-queue';

/** How one queue and its consuming Lambda are tuned; both derive from the same row. */
export interface QueueSettings {
  /** Timeout of the consuming Lambda. */
  consumerTimeout: Duration;
  consumerMemoryMb: number;
  batchSize: number;
  /** Extra time SQS may wait to fill a batch (also added to the visibility timeout). */
  maxBatchingWindow: Duration;
  /** Concurrent consumer invocations (>= 2); it caps database connections and API spend. */
  maxConcurrency: number;
  /** Deliveries before a message moves to the dead-letter queue. */
  maxReceiveCount: number;
}

const agentSettings: QueueSettings = {
  // Model calls with long outputs can take minutes.
  consumerTimeout: Duration.minutes(5),
  consumerMemoryMb: 1024,
  batchSize: 1,
  maxBatchingWindow: Duration.seconds(0),
  maxConcurrency: 5,
  // Every retry spends model tokens: give up early and let the DLQ alarm speak.
  maxReceiveCount: 3,
};

export const QUEUE_SETTINGS: Record<QueueName, QueueSettings> = {
  publish: {
    // Media uploads to some networks are slow; an interrupted publish becomes `unconfirmed`.
    consumerTimeout: Duration.minutes(3),
    consumerMemoryMb: 1024,
    batchSize: 5,
    maxBatchingWindow: Duration.seconds(0),
    maxConcurrency: 10,
    // Duplicate deliveries are no-ops (the claim is a conditional update), so retries are safe.
    maxReceiveCount: 5,
  },
  jobs: {
    consumerTimeout: Duration.minutes(10),
    consumerMemoryMb: 1024,
    batchSize: 1,
    maxBatchingWindow: Duration.seconds(0),
    maxConcurrency: 5,
    maxReceiveCount: 3,
  },
  ...(Object.fromEntries(AGENT_QUEUES.map((name) => [name, agentSettings])) as Record<
    (typeof AGENT_QUEUES)[number],
    QueueSettings
  >),
};

/**
 * AWS's rule for Lambda consumers: at least six times the function timeout plus the
 * batching window, so a message is not redelivered while a slow invocation still works on it.
 */
export function visibilityTimeoutFor(settings: QueueSettings): Duration {
  return Duration.seconds(settings.consumerTimeout.toSeconds() * 6 + settings.maxBatchingWindow.toSeconds());
}
