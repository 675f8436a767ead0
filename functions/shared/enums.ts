/**
 * The enumerations the API, the database and the dashboard share: statuses, plans, kinds.
 * Browser-safe (data only); functions/db/schema builds its columns from these.
 */

export const SUBSCRIPTION_PLANS = ['free', 'starter', 'pro', 'business', 'enterprise'] as const;
export type SubscriptionPlan = (typeof SUBSCRIPTION_PLANS)[number];

/** Stripe's subscription statuses, so a webhook can store what Stripe says verbatim. */
export const SUBSCRIPTION_STATUSES = [
  'active',
  'trialing',
  'past_due',
  'canceled',
  'unpaid',
  'incomplete',
  'incomplete_expired',
  'paused',
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const NOTIFICATION_SEVERITIES = ['info', 'success', 'warning', 'error'] as const;
export type NotificationSeverity = (typeof NOTIFICATION_SEVERITIES)[number];

/** Delivery channels a user can switch per event type. */
export const NOTIFICATION_CHANNELS = ['in_app', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * Where a notification's email stands. `pending`: to send; `sending`: claimed by a delivery job
 * (a claim older than 15 minutes is taken over, the job died); `sent`; `skipped`: nobody to send
 * to any more (left, deactivated, switched email off since); `failed`: gave up after retries.
 * Null: no email for this row.
 */
export const NOTIFICATION_EMAIL_STATUSES = ['pending', 'sending', 'sent', 'skipped', 'failed'] as const;
export type NotificationEmailStatus = (typeof NOTIFICATION_EMAIL_STATUSES)[number];

/** Lifecycle of one post on one account (DESIGN.md section 4). */
export const POST_TARGET_STATUSES = [
  'draft',
  'scheduled',
  'publishing',
  'published',
  'failed',
  'unconfirmed',
  'missed',
  'cancelled',
] as const;
export type PostTargetStatus = (typeof POST_TARGET_STATUSES)[number];

/** A post's status is derived from its targets; `partially_published` when they disagree. */
export const POST_STATUSES = [...POST_TARGET_STATUSES, 'partially_published'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/**
 * Where a post stands in its organization's approval flow. `not_required` when nobody must
 * approve it; `pending` when approval is required but it has not been sent for review (a
 * draft, or an approved post edited since); then `in_review` -> `approved` or
 * `changes_requested` (which goes back to `in_review` when sent again).
 */
export const POST_APPROVAL_STATUSES = ['not_required', 'pending', 'in_review', 'changes_requested', 'approved'] as const;
export type PostApprovalStatus = (typeof POST_APPROVAL_STATUSES)[number];

/** One step of a post's review history (`commented` changes no status). */
export const POST_REVIEW_ACTIONS = ['submitted', 'approved', 'changes_requested', 'commented', 'reopened'] as const;
export type PostReviewAction = (typeof POST_REVIEW_ACTIONS)[number];

export const POST_CONTENT_TYPES = ['text', 'image', 'video', 'carousel'] as const;
export type PostContentType = (typeof POST_CONTENT_TYPES)[number];

/** `pending`: upload URL issued; `processing`: variants being made; `ready`; `failed`. */
export const MEDIA_STATUSES = ['pending', 'processing', 'ready', 'failed'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

/** Lower-case letters, digits, `_`, `.` and `-`, 1 to 30 characters, starting alphanumeric. */
export const SANDBOX_HANDLE_PATTERN = '^[a-z0-9][a-z0-9_.-]{0,29}$';

export const SANDBOX_POST_KINDS = ['post', 'reply', 'comment'] as const;
export type SandboxPostKind = (typeof SANDBOX_POST_KINDS)[number];

/** Every event that notifies someone, in the order the settings page lists them. */
export const NOTIFICATION_TYPES = [
  'post.published',
  'post.failed',
  'post.unconfirmed',
  'post.missed',
  'post.waiting',
  'account.needs_reauth',
  'report.ready',
  'post.review_requested',
  'post.approved',
  'post.changes_requested',
  'post.commented',
  'crisis.alert',
  'performance.anomaly',
  'performance.summary',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
