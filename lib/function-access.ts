import type { Area } from '../functions/http/route-table';

/**
 * What a function may touch beyond the baseline every database-backed function gets
 * (Aurora, the state table, the JWT signing key). Each capability maps to one `use*` call
 * of PlumeFunction, which sets the environment variable and grants the IAM access together.
 * When a handler starts needing more, add the capability here: the grant follows.
 */
export type Capability =
  /** Send to any SQS queue (QUEUE_URLS). */
  | 'queues'
  /** Media bucket objects and presigned URLs. */
  | 'media'
  /** KMS envelope encryption of OAuth tokens and integration secrets. */
  | 'crypto'
  /** SES sending. */
  | 'mail'
  /** Push to WebSocket connections. */
  | 'realtime'
  /** Create/update/delete one-time publish schedules. */
  | 'scheduler'
  /** The language model (Anthropic key or Bedrock). */
  | 'llm'
  /** Stripe keys (billing, webhook signatures). */
  | 'stripe'
  /** Social network app credentials (OAuth clients, webhook secrets): the platform-apps secret. */
  | 'platform-apps';

/** One HTTP Lambda per route-table area. */
export const AREA_ACCESS: Record<Area, readonly Capability[]> = {
  system: [],
  auth: ['mail', 'realtime'],
  // Exports are queued jobs stored in the media bucket; account deletion cancels schedules.
  users: ['queues', 'media', 'mail', 'scheduler', 'realtime'],
  organizations: ['mail', 'stripe', 'queues', 'realtime'],
  // OAuth tokens are encrypted; disconnecting cancels the account's schedules; syncs are queued.
  'social-accounts': ['crypto', 'queues', 'scheduler', 'realtime', 'platform-apps'],
  // Publish now refreshes tokens ahead of expiry with the network's OAuth client.
  posts: ['queues', 'scheduler', 'media', 'realtime', 'platform-apps'],
  // Tasks are queued to the agent workers; quick suggestions may call the model inline.
  'ai-agents': ['queues', 'llm', 'realtime'],
  analytics: ['queues', 'media'],
  media: ['media', 'queues'],
  notifications: ['realtime', 'mail'],
  webhooks: ['stripe', 'crypto', 'queues', 'realtime', 'platform-apps'],
  integrations: ['crypto', 'queues'],
  admin: ['queues', 'realtime'],
  // Public pages of the built-in Sandbox network: its own tables only.
  sandbox: [],
};

/** The queue and scheduled workers. */
export const WORKER_ACCESS = {
  // Decrypts account tokens, reads media to upload, retries via the queue, notifies.
  publish: ['crypto', 'media', 'queues', 'scheduler', 'realtime', 'mail', 'platform-apps'],
  // Exports, syncs, bulk scheduling.
  background: ['crypto', 'media', 'queues', 'scheduler', 'realtime', 'mail', 'platform-apps'],
  // Agents read account data (tokens) and chain through the queues.
  agent: ['llm', 'crypto', 'queues', 'realtime'],
  sweep: ['queues', 'scheduler', 'realtime', 'mail'],
} as const satisfies Record<string, readonly Capability[]>;
