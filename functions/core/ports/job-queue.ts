/** Every queue Plume owns: the publish queue plus one per AI agent, plus housekeeping. */
export const AGENT_QUEUES = [
  'agent-content-creator',
  'agent-trend-analyzer',
  'agent-engagement-optimizer',
  'agent-smart-scheduler',
  'agent-performance-tracker',
  'agent-competitor-monitor',
  'agent-crisis-manager',
] as const;
export const QUEUE_NAMES = ['publish', 'jobs', ...AGENT_QUEUES] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface SendJobOptions {
  /** Seconds before the message becomes visible (SQS DelaySeconds, 0..900). */
  delaySeconds?: number;
}

/** At-least-once message queue (SQS in AWS). Consumers must be idempotent. */
export interface JobQueue {
  send(queue: QueueName, body: unknown, options?: SendJobOptions): Promise<void>;
  /** Sends many messages; implementations split into batches of at most 10 (SQS limit). */
  sendBatch(queue: QueueName, bodies: unknown[], options?: SendJobOptions): Promise<void>;
}
