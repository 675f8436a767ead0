import { date, index, integer, jsonb, numeric, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import type { UnavailableMetrics } from '../../shared/analytics/metrics';
import { checkIn, createdAt, primaryId, timestamptz } from './columns';
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
    createdAt: createdAt(),
  },
  (t) => [
    index('audience_insights_account_date_idx').on(t.socialAccountId, t.analysisDate),
    index('audience_insights_organization_created_idx').on(t.organizationId, t.createdAt),
  ],
);

export const REPORT_STATUSES = ['pending', 'running', 'completed', 'failed'] as const;
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
    errorMessage: text('error_message'),
    createdAt: createdAt(),
    completedAt: timestamptz('completed_at'),
  },
  (t) => [
    checkIn('reports_status_check', t.status, REPORT_STATUSES),
    index('reports_organization_created_idx').on(t.organizationId, t.createdAt),
  ],
);
