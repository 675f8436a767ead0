import type { Area } from '../functions/shared/route-table';

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

/**
 * One HTTP Lambda per route-table area: exactly the ports its bundled code calls, no more
 * (test/infra/function-ports.test.ts finds them in the code and fails on any difference, both
 * ways). Routes of later milestones (billing, integrations, admin) answer 501 and call
 * nothing yet; when they land, that test names what to add here.
 */
export const AREA_ACCESS: Record<Area, readonly Capability[]> = {
  system: [],
  // Mail goes through the outbox: the request queues the send job, the worker mails.
  auth: ['queues'],
  // Exports are queued jobs stored in the media bucket (downloaded through presigned URLs).
  users: ['queues', 'media'],
  organizations: ['queues'],
  // OAuth tokens are encrypted; syncs are queued; a revoked account is announced live.
  'social-accounts': ['crypto', 'queues', 'realtime', 'platform-apps'],
  // Publishing now goes through the publish queue: the worker, not this function, reads the
  // media and the tokens. Drafts are checked with the networks' rules, not their connectors.
  posts: ['queues', 'scheduler', 'realtime'],
  // Each task is queued on its agent's queue; a cancellation is announced live; keeping
  // agents' drafts as posts runs the posts' after-commit effects (schedules, pushes, mail).
  'ai-agents': ['queues', 'scheduler', 'realtime'],
  // Exports that cannot stream (AWS) and report files are in the media bucket; reports are queued
  // jobs. Adding an Instagram competitor reads it at once through a connected professional
  // account's token (decrypted, refreshed and re-encrypted; a revoked one is announced live).
  analytics: ['media', 'queues', 'crypto', 'platform-apps', 'realtime'],
  // Completing or deleting an upload is announced live after the commit; optimizing is queued.
  media: ['media', 'queues', 'realtime'],
  notifications: [],
  // Platform webhooks are verified with the apps' secrets and processed by a queued job.
  webhooks: ['queues', 'platform-apps'],
  integrations: [],
  admin: [],
  // Public pages of the built-in Sandbox network: its own tables only.
  sandbox: [],
};

/**
 * The WebSocket handlers, outside the VPC: the state table only, plus the connection store
 * behind the Realtime port for those that record or answer connections.
 */
export const REALTIME_ACCESS = {
  authorize: [],
  connect: ['realtime'],
  disconnect: ['realtime'],
  default: ['realtime'],
} as const satisfies Record<string, readonly Capability[]>;

/** The queue and scheduled workers (same rule as AREA_ACCESS). */
export const WORKER_ACCESS = {
  // Decrypts account tokens, reads media to upload, retries via the queue and the scheduler, notifies.
  publish: ['crypto', 'media', 'queues', 'scheduler', 'realtime', 'platform-apps'],
  // Exports, syncs, media optimization, the mail outbox, and the orchestrator's workflows
  // (their steps call the model, as an agent's task does).
  background: ['crypto', 'media', 'queues', 'scheduler', 'realtime', 'mail', 'platform-apps', 'llm'],
  // The model, and each task's progress announced live. The agents read and write the
  // database only (posts' proposed times, analytics): no tokens, media or queues.
  agent: ['llm', 'realtime'],
  // Reconciles targets (through the publish queue), announces them, and mails pending notifications.
  sweep: ['queues', 'realtime', 'mail'],
} as const satisfies Record<string, readonly Capability[]>;
