import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { checkIn, createdAt, primaryId, timestamptz, updatedAt } from './columns';
import { organizations } from './organizations';
import { socialAccounts } from './social-accounts';
import { users } from './users';
import {
  POST_TARGET_STATUSES,
  POST_STATUSES,
  POST_CONTENT_TYPES,
  POST_APPROVAL_STATUSES,
  POST_REVIEW_ACTIONS,
  type PostTargetStatus,
  type PostStatus,
  type PostContentType,
  type PostApprovalStatus,
  type PostReviewAction,
} from '../../shared/enums';

export {
  POST_TARGET_STATUSES,
  POST_STATUSES,
  POST_CONTENT_TYPES,
  POST_APPROVAL_STATUSES,
  POST_REVIEW_ACTIONS,
  type PostTargetStatus,
  type PostStatus,
  type PostContentType,
  type PostApprovalStatus,
  type PostReviewAction,
};

export const posts = pgTable(
  'posts',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Author. SET NULL (SPEC: CASCADE) so erasing a person keeps the organization's posts. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    title: varchar('title', { length: 500 }),
    content: text('content').notNull(),
    /** Follow-up posts of a thread (replies to the first), where the network supports it. */
    thread: jsonb('thread').$type<string[]>(),
    contentType: text('content_type', { enum: POST_CONTENT_TYPES }).notNull().default('text'),
    /** Ids of `media` rows, in display order (the default for every target). */
    mediaIds: jsonb('media_ids').$type<string[]>().notNull().default([]),
    mediaUrls: jsonb('media_urls').$type<string[]>(),
    hashtags: jsonb('hashtags').$type<string[]>(),
    mentions: jsonb('mentions').$type<string[]>(),
    status: text('status', { enum: POST_STATUSES }).notNull().default('draft'),
    scheduledAt: timestamptz('scheduled_at'),
    /** The author's IANA zone for `scheduled_at` (calendar display, "9am local"). */
    timezone: text('timezone').notNull().default('UTC'),
    publishedAt: timestamptz('published_at'),
    aiGenerated: boolean('ai_generated').notNull().default(false),
    aiAgentId: varchar('ai_agent_id', { length: 100 }),
    aiPrompt: text('ai_prompt'),
    aiModelUsed: varchar('ai_model_used', { length: 100 }),
    /** The approval flow (shared/enums.ts); scheduling and publishing refuse until `approved`. */
    approvalStatus: text('approval_status', { enum: POST_APPROVAL_STATUSES }).notNull().default('not_required'),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamptz('approved_at'),
    engagementScore: numeric('engagement_score', { precision: 5, scale: 2, mode: 'number' })
      .notNull()
      .default(0),
    reachCount: integer('reach_count').notNull().default(0),
    impressionCount: integer('impression_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamptz('deleted_at'),
  },
  (t) => [
    checkIn('posts_status_check', t.status, POST_STATUSES),
    checkIn('posts_content_type_check', t.contentType, POST_CONTENT_TYPES),
    checkIn('posts_approval_status_check', t.approvalStatus, POST_APPROVAL_STATUSES),
    // The approvals queue: an organization's posts waiting for a reviewer.
    index('posts_organization_in_review_idx')
      .on(t.organizationId, t.updatedAt)
      .where(sql`${t.approvalStatus} = 'in_review' and ${t.deletedAt} is null`),
    /** Target of composite foreign keys that pin child rows to the same organization. */
    unique('posts_id_organization_key').on(t.id, t.organizationId),
    index('posts_organization_created_idx').on(t.organizationId, t.createdAt),
    index('posts_organization_scheduled_idx').on(t.organizationId, t.scheduledAt),
    index('posts_user_id_idx').on(t.userId),
  ],
);

/**
 * One post on one account: the unit that is scheduled, claimed and published. `version` is
 * bumped on every reschedule so a stale scheduler message is a no-op; the publisher claims
 * with `UPDATE ... SET status = 'publishing' WHERE id = $1 AND version = $2 AND status = 'scheduled'`.
 * `organization_id` is denormalised for row-level security, and composite foreign keys make
 * it impossible for it to differ from the post's or the account's organization.
 */
export const postPlatforms = pgTable(
  'post_platforms',
  {
    id: primaryId(),
    postId: uuid('post_id').notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    socialAccountId: uuid('social_account_id').notNull(),
    status: text('status', { enum: POST_TARGET_STATUSES }).notNull().default('draft'),
    version: integer('version').notNull().default(0),
    scheduledAt: timestamptz('scheduled_at'),
    timezone: text('timezone'),
    /** Per-target text; null means "use the post's content". */
    content: text('content'),
    /** Per-target thread; null means "use the post's". */
    thread: jsonb('thread').$type<string[]>(),
    /** Per-target media; null means "use the post's media". */
    mediaIds: jsonb('media_ids').$type<string[]>(),
    firstComment: text('first_comment'),
    /** Network-specific settings chosen in the composer (TikTok privacy, LinkedIn visibility...). */
    options: jsonb('options').$type<Record<string, unknown>>(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at'),
    platformPostId: varchar('platform_post_id', { length: 255 }),
    platformPostUrl: text('platform_post_url'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    /** The platform's answer (follow-up ids, warnings about follow-ups that failed...). */
    platformData: jsonb('platform_data').$type<Record<string, unknown>>(),
    publishedAt: timestamptz('published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: 'post_platforms_post_fk',
      columns: [t.postId, t.organizationId],
      foreignColumns: [posts.id, posts.organizationId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'post_platforms_social_account_fk',
      columns: [t.socialAccountId, t.organizationId],
      foreignColumns: [socialAccounts.id, socialAccounts.organizationId],
    }).onDelete('cascade'),
    unique('post_platforms_post_account_key').on(t.postId, t.socialAccountId),
    unique('post_platforms_id_organization_key').on(t.id, t.organizationId),
    checkIn('post_platforms_status_check', t.status, POST_TARGET_STATUSES),
    index('post_platforms_status_scheduled_idx').on(t.status, t.scheduledAt),
    index('post_platforms_social_account_idx').on(t.socialAccountId),
    index('post_platforms_organization_scheduled_idx').on(t.organizationId, t.scheduledAt),
    // Every analytics read starts from the organization's targets published in a range.
    index('post_platforms_organization_published_idx')
      .on(t.organizationId, t.publishedAt)
      .where(sql`${t.status} = 'published'`),
  ],
);

/** Append-only history of every target state transition (written in the same transaction). */
export const postTargetEvents = pgTable(
  'post_target_events',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    postPlatformId: uuid('post_platform_id').notNull(),
    /** Null for the creation of the target. */
    fromStatus: text('from_status', { enum: POST_TARGET_STATUSES }),
    toStatus: text('to_status', { enum: POST_TARGET_STATUSES }).notNull(),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    at: timestamptz('at').notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'post_target_events_post_platform_fk',
      columns: [t.postPlatformId, t.organizationId],
      foreignColumns: [postPlatforms.id, postPlatforms.organizationId],
    }).onDelete('cascade'),
    checkIn('post_target_events_from_status_check', t.fromStatus, POST_TARGET_STATUSES),
    checkIn('post_target_events_to_status_check', t.toStatus, POST_TARGET_STATUSES),
    index('post_target_events_post_platform_idx').on(t.postPlatformId, t.at),
    index('post_target_events_organization_at_idx').on(t.organizationId, t.at),
  ],
);

/**
 * A post's review history: each approval step and each comment, append-only. The audit log
 * records the same steps; this table is what the post's reviewers and author read.
 */
export const postReviews = pgTable(
  'post_reviews',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').notNull(),
    /** Null for a step taken by the system (an agent's draft sent for review) or an erased person. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action', { enum: POST_REVIEW_ACTIONS }).notNull(),
    fromStatus: text('from_status', { enum: POST_APPROVAL_STATUSES }),
    toStatus: text('to_status', { enum: POST_APPROVAL_STATUSES }),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: 'post_reviews_post_fk',
      columns: [t.postId, t.organizationId],
      foreignColumns: [posts.id, posts.organizationId],
    }).onDelete('cascade'),
    checkIn('post_reviews_action_check', t.action, POST_REVIEW_ACTIONS),
    checkIn('post_reviews_from_status_check', t.fromStatus, POST_APPROVAL_STATUSES),
    checkIn('post_reviews_to_status_check', t.toStatus, POST_APPROVAL_STATUSES),
    index('post_reviews_post_created_idx').on(t.postId, t.createdAt),
    index('post_reviews_user_id_idx').on(t.userId),
  ],
);
