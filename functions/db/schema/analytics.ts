import {
  boolean,
  date,
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
import type {
  AudienceDemographics,
  UnavailableAccountMetrics,
  UnavailableAudience,
} from '../../shared/analytics/account-metrics';
import type { UnavailableMetrics } from '../../shared/analytics/metrics';
import { checkIn, createdAt, primaryId, timestamptz, updatedAt } from './columns';
import { organizations } from './organizations';
import { postPlatforms, posts } from './posts';
import { socialAccounts } from './social-accounts';
import { users } from './users';

/**
 * One metrics snapshot of one published target (or of an account when no post applies), as
 * the network answered at `recorded_at`.
 */
export const analytics = pgTable(
  'analytics',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    postPlatformId: uuid('post_platform_id').references(() => postPlatforms.id, { onDelete: 'cascade' }),
    socialAccountId: uuid('social_account_id').references(() => socialAccounts.id, { onDelete: 'cascade' }),
    // Null where the network gives no figure (why is in `unavailable`): never a made-up 0.
    likesCount: integer('likes_count'),
    commentsCount: integer('comments_count'),
    sharesCount: integer('shares_count'),
    clicksCount: integer('clicks_count'),
    impressionsCount: integer('impressions_count'),
    reachCount: integer('reach_count'),
    savesCount: integer('saves_count'),
    videoViewsCount: integer('video_views_count'),
    /** Engagement per 100 impressions (shared/analytics/definitions.ts); null without impressions. */
    engagementRate: numeric('engagement_rate', { precision: 7, scale: 2, mode: 'number' }),
    /** Why each null figure is null, by metric name (`impressions`, `videoViews`...). */
    unavailable: jsonb('unavailable').$type<UnavailableMetrics>().notNull().default({}),
    /** Where the figures came from: the network and the API call (`bluesky app.bsky.feed.getPosts`). */
    source: varchar('source', { length: 120 }),
    recordedAt: timestamptz('recorded_at').notNull().defaultNow(),
    /** UTC day and hour of `recorded_at`, for cheap grouping. */
    dateBucket: date('date_bucket', { mode: 'string' }),
    hourBucket: integer('hour_bucket'),
    /** -1..1 */
    sentimentScore: numeric('sentiment_score', { precision: 3, scale: 2, mode: 'number' }),
    viralityScore: numeric('virality_score', { precision: 7, scale: 2, mode: 'number' }),
    platformAlgorithmScore: numeric('platform_algorithm_score', { precision: 7, scale: 2, mode: 'number' }),
    /** Platform-specific extras that have no column. */
    extra: jsonb('extra').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('analytics_organization_recorded_idx').on(t.organizationId, t.recordedAt),
    index('analytics_post_platform_recorded_idx').on(t.postPlatformId, t.recordedAt),
    index('analytics_post_id_idx').on(t.postId),
    index('analytics_social_account_recorded_idx').on(t.socialAccountId, t.recordedAt),
  ],
);

/**
 * Each published target's newest snapshot, copied here by a trigger on every insert into
 * `analytics` (migration 0007), so no writer can forget it. Analytics reads join these few
 * narrow rows (one per target, a few MB for 20,000 targets) instead of finding each target's
 * newest row among its whole history, whose pages are scattered over a large table.
 */
export const analyticsLatest = pgTable(
  'analytics_latest',
  {
    postPlatformId: uuid('post_platform_id')
      .primaryKey()
      .references(() => postPlatforms.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    likesCount: integer('likes_count'),
    commentsCount: integer('comments_count'),
    sharesCount: integer('shares_count'),
    clicksCount: integer('clicks_count'),
    impressionsCount: integer('impressions_count'),
    reachCount: integer('reach_count'),
    savesCount: integer('saves_count'),
    videoViewsCount: integer('video_views_count'),
    unavailable: jsonb('unavailable').$type<UnavailableMetrics>().notNull().default({}),
    source: varchar('source', { length: 120 }),
    recordedAt: timestamptz('recorded_at').notNull(),
  },
  (t) => [index('analytics_latest_organization_idx').on(t.organizationId)],
);

/**
 * One account's own figures on one UTC day (followers, following, posts, account-level reach),
 * the follower history growth is computed from. One row per account and day: a later sync the
 * same day overwrites it, so the day keeps its latest reading. Null with a reason in
 * `unavailable` where the network gives no figure, as for posts.
 */
export const accountMetrics = pgTable(
  'account_metrics',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    socialAccountId: uuid('social_account_id')
      .notNull()
      .references(() => socialAccounts.id, { onDelete: 'cascade' }),
    /** The UTC day of the reading. */
    dateBucket: date('date_bucket', { mode: 'string' }).notNull(),
    followersCount: integer('followers_count'),
    followingCount: integer('following_count'),
    /** Posts the account has on the network (all time), as the network counts them. */
    postsCount: integer('posts_count'),
    /** Account-level impressions and profile views of that day, where the network reports them. */
    impressionsCount: integer('impressions_count'),
    profileViewsCount: integer('profile_views_count'),
    unavailable: jsonb('unavailable').$type<UnavailableAccountMetrics>().notNull().default({}),
    source: varchar('source', { length: 120 }),
    recordedAt: timestamptz('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    unique('account_metrics_account_day_key').on(t.socialAccountId, t.dateBucket),
    index('account_metrics_organization_day_idx').on(t.organizationId, t.dateBucket),
  ],
);

/** Shares of an audience by dimension (shared/analytics/account-metrics.ts): bucket -> share 0..1. */
export type { AudienceDemographics } from '../../shared/analytics/account-metrics';

/** Audience snapshot of one account on one day. */
export const audienceInsights = pgTable(
  'audience_insights',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    socialAccountId: uuid('social_account_id').references(() => socialAccounts.id, { onDelete: 'cascade' }),
    followersCount: integer('followers_count'),
    ageGroup: varchar('age_group', { length: 20 }),
    gender: varchar('gender', { length: 20 }),
    location: varchar('location', { length: 100 }),
    interests: jsonb('interests'),
    bestPostingTimes: jsonb('best_posting_times'),
    preferredContentTypes: jsonb('preferred_content_types'),
    engagementTrends: jsonb('engagement_trends'),
    analysisDate: date('analysis_date', { mode: 'string' }),
    /** `platform_api` or `ai_analysis`. */
    dataSource: varchar('data_source', { length: 50 }),
    /** The audience's make-up by dimension, as shares (Facebook, Instagram and LinkedIn pages offer it). */
    demographics: jsonb('demographics').$type<AudienceDemographics>().notNull().default({}),
    /** Why a dimension is missing, by dimension name. */
    unavailable: jsonb('unavailable').$type<UnavailableAudience>().notNull().default({}),
    /** The network and API call (`instagram follower_demographics`). */
    source: varchar('source', { length: 120 }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('audience_insights_account_date_key').on(t.socialAccountId, t.analysisDate),
    index('audience_insights_organization_created_idx').on(t.organizationId, t.createdAt),
  ],
);

export const REPORT_STATUSES = ['pending', 'running', 'completed', 'failed'] as const;
export const REPORT_FREQUENCIES = ['weekly', 'monthly'] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];

/** One rendered file of a report (or of an export, which is kept as a report), kept privately in the object store. */
export interface ReportFile {
  format: 'pdf' | 'csv' | 'json';
  key: string;
  contentType: string;
  bytes: number;
}

/** A report made again every week or month and mailed to chosen members. */
export const reportSchedules = pgTable(
  'report_schedules',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    name: varchar('name', { length: 255 }).notNull(),
    frequency: text('frequency', { enum: REPORT_FREQUENCIES }).notNull(),
    /** Accounts, networks: what each report covers (its range is the week or month just ended). */
    parameters: jsonb('parameters').$type<Record<string, unknown>>().notNull().default({}),
    /** Members (user ids) who receive each report by email. */
    recipientUserIds: jsonb('recipient_user_ids').$type<string[]>().notNull().default([]),
    /** The zone whose weeks and months the schedule follows. */
    timeZone: text('time_zone').notNull().default('UTC'),
    nextRunAt: timestamptz('next_run_at').notNull(),
    lastRunAt: timestamptz('last_run_at'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    checkIn('report_schedules_frequency_check', t.frequency, REPORT_FREQUENCIES),
    index('report_schedules_due_idx').on(t.nextRunAt),
    index('report_schedules_organization_idx').on(t.organizationId),
  ],
);

export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A generated analytics report; the file itself lives in S3 under `s3_key`. */
export const reports = pgTable(
  'reports',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    name: varchar('name', { length: 255 }).notNull(),
    reportType: varchar('report_type', { length: 100 }).notNull(),
    /** Date range, accounts, metrics... as requested. */
    parameters: jsonb('parameters').$type<Record<string, unknown>>().notNull().default({}),
    format: varchar('format', { length: 20 }).notNull().default('json'),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('pending'),
    s3Key: text('s3_key'),
    /** Small reports keep their figures inline as well. */
    result: jsonb('result'),
    /** The rendered files (PDF, CSV) in the object store. */
    files: jsonb('files').$type<ReportFile[]>().notNull().default([]),
    /** The schedule that made it; null when someone asked for it. */
    scheduleId: uuid('schedule_id').references(() => reportSchedules.id, { onDelete: 'set null' }),
    errorMessage: text('error_message'),
    createdAt: createdAt(),
    completedAt: timestamptz('completed_at'),
  },
  (t) => [
    checkIn('reports_status_check', t.status, REPORT_STATUSES),
    index('reports_organization_created_idx').on(t.organizationId, t.createdAt),
  ],
);
