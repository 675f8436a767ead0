import {
  bigint,
  boolean,
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
import { posts } from './posts';
import { PLATFORMS, socialAccounts } from './social-accounts';
import { users } from './users';
import { AGENT_TYPES } from '../../shared/agents/agent-types';
import { NOTIFICATION_SEVERITIES } from '../../shared/enums';

/** A competitor account the organization watches (competitor monitor agent). */
export const competitors = pgTable(
  'competitors',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    handle: varchar('handle', { length: 255 }).notNull(),
    name: varchar('name', { length: 255 }),
    profileUrl: text('profile_url'),
    /** The network's own id for the account (Bluesky DID, Mastodon account id, IG user id). */
    platformAccountId: varchar('platform_account_id', { length: 255 }),
    /** Server of a federated network (Mastodon instance), as for social accounts. */
    serviceUrl: text('service_url'),
    avatarUrl: text('avatar_url'),
    notes: text('notes'),
    isActive: boolean('is_active').notNull().default(true),
    lastCheckedAt: timestamptz('last_checked_at'),
    /** Why the last read failed, in words a user can act on; null after a good read. */
    lastCheckError: text('last_check_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('competitors_organization_platform_handle_key').on(t.organizationId, t.platform, t.handle),
    checkIn('competitors_platform_check', t.platform, PLATFORMS),
  ],
);

/** A point-in-time reading of a competitor, for cadence and engagement benchmarks. */
export const competitorSnapshots = pgTable(
  'competitor_snapshots',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    competitorId: uuid('competitor_id')
      .notNull()
      .references(() => competitors.id, { onDelete: 'cascade' }),
    followersCount: bigint('followers_count', { mode: 'number' }),
    postsCount: integer('posts_count'),
    /** Posts per week over the snapshot window. */
    postingCadence: numeric('posting_cadence', { precision: 7, scale: 2, mode: 'number' }),
    avgEngagementRate: numeric('avg_engagement_rate', { precision: 7, scale: 2, mode: 'number' }),
    data: jsonb('data').$type<Record<string, unknown>>(),
    capturedAt: timestamptz('captured_at').notNull().defaultNow(),
  },
  (t) => [index('competitor_snapshots_competitor_captured_idx').on(t.competitorId, t.capturedAt)],
);

/** A public post of a tracked competitor, as last read from the network. */
export const competitorPosts = pgTable(
  'competitor_posts',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    competitorId: uuid('competitor_id')
      .notNull()
      .references(() => competitors.id, { onDelete: 'cascade' }),
    /** The network's id of the post; with the competitor, stored once. */
    externalId: varchar('external_id', { length: 255 }).notNull(),
    text: text('text').notNull(),
    url: text('url'),
    publishedAt: timestamptz('published_at').notNull(),
    likesCount: integer('likes_count'),
    commentsCount: integer('comments_count'),
    sharesCount: integer('shares_count'),
    impressionsCount: integer('impressions_count'),
    /** Why a figure is null, by metric name. */
    unavailable: jsonb('unavailable').$type<Record<string, string>>().notNull().default({}),
    capturedAt: timestamptz('captured_at').notNull().defaultNow(),
  },
  (t) => [
    unique('competitor_posts_competitor_external_key').on(t.competitorId, t.externalId),
    index('competitor_posts_organization_published_idx').on(t.organizationId, t.publishedAt),
  ],
);

export const MENTION_KINDS = ['mention', 'reply', 'comment', 'quote'] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];

export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** A mention of the brand (comment, reply, tag) for sentiment and crisis detection. */
export const mentions = pgTable(
  'mentions',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    socialAccountId: uuid('social_account_id').references(() => socialAccounts.id, { onDelete: 'set null' }),
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    /** The platform's id of the mentioning item; with platform, stored once. */
    externalId: varchar('external_id', { length: 255 }).notNull(),
    authorHandle: varchar('author_handle', { length: 255 }),
    authorName: varchar('author_name', { length: 255 }),
    content: text('content').notNull(),
    url: text('url'),
    kind: text('kind', { enum: MENTION_KINDS }).notNull().default('mention'),
    /** The network's id of the item this one answers (our post, for a comment or reply). */
    parentExternalId: varchar('parent_external_id', { length: 255 }),
    /** The network's reference needed to answer it (Bluesky strong ref {uri,cid} of root and parent...). */
    replyRef: jsonb('reply_ref').$type<Record<string, unknown>>(),
    /** A drafted answer (a post awaiting approval), once the crisis manager wrote one. */
    responsePostId: uuid('response_post_id').references(() => posts.id, { onDelete: 'set null' }),
    sentimentScore: numeric('sentiment_score', { precision: 3, scale: 2, mode: 'number' }),
    sentimentLabel: text('sentiment_label', { enum: SENTIMENT_LABELS }),
    handledAt: timestamptz('handled_at'),
    mentionedAt: timestamptz('mentioned_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('mentions_organization_platform_external_key').on(t.organizationId, t.platform, t.externalId),
    checkIn('mentions_platform_check', t.platform, PLATFORMS),
    checkIn('mentions_sentiment_label_check', t.sentimentLabel, SENTIMENT_LABELS),
    checkIn('mentions_kind_check', t.kind, MENTION_KINDS),
    index('mentions_organization_mentioned_idx').on(t.organizationId, t.mentionedAt),
    index('mentions_social_account_idx').on(t.socialAccountId),
  ],
);

export const AGENT_ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AgentAlertStatus = (typeof AGENT_ALERT_STATUSES)[number];

/**
 * Something a watching agent found: a crisis (crisis manager) or an anomaly in a metric series
 * (performance tracker). `dedupe_key` names the episode (account, metric, day...) so the
 * periodic sweep raises each one once and updates it while it lasts.
 */
export const agentAlerts = pgTable(
  'agent_alerts',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    agentType: text('agent_type', { enum: AGENT_TYPES }).notNull(),
    /** crisis | anomaly | summary ... */
    kind: varchar('kind', { length: 50 }).notNull(),
    severity: text('severity', { enum: NOTIFICATION_SEVERITIES }).notNull().default('warning'),
    dedupeKey: varchar('dedupe_key', { length: 255 }).notNull(),
    socialAccountId: uuid('social_account_id').references(() => socialAccounts.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    /** The evidence: counts, baseline, expected range, sample mentions... */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: AGENT_ALERT_STATUSES }).notNull().default('open'),
    startedAt: timestamptz('started_at').notNull(),
    detectedAt: timestamptz('detected_at').notNull().defaultNow(),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id, { onDelete: 'set null' }),
    acknowledgedAt: timestamptz('acknowledged_at'),
    resolvedAt: timestamptz('resolved_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('agent_alerts_organization_dedupe_key').on(t.organizationId, t.dedupeKey),
    checkIn('agent_alerts_agent_type_check', t.agentType, AGENT_TYPES),
    checkIn('agent_alerts_severity_check', t.severity, NOTIFICATION_SEVERITIES),
    checkIn('agent_alerts_status_check', t.status, AGENT_ALERT_STATUSES),
    index('agent_alerts_organization_detected_idx').on(t.organizationId, t.detectedAt),
  ],
);
