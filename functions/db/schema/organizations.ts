import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { checkIn, createdAt, primaryId, timestamptz, updatedAt } from './columns';
import {
  SUBSCRIPTION_PLANS,
  SUBSCRIPTION_STATUSES,
  type SubscriptionPlan,
  type SubscriptionStatus,
} from '../../shared/enums';

export { SUBSCRIPTION_PLANS, SUBSCRIPTION_STATUSES, type SubscriptionPlan, type SubscriptionStatus };

/** The tenant. Row-level security keys this table on `id` (every other tenant table on `organization_id`). */
export const organizations = pgTable(
  'organizations',
  {
    id: primaryId(),
    name: varchar('name', { length: 255 }).notNull(),
    slug: varchar('slug', { length: 100 }).notNull().unique(),
    subscriptionPlan: text('subscription_plan', { enum: SUBSCRIPTION_PLANS }).notNull().default('free'),
    subscriptionStatus: text('subscription_status', { enum: SUBSCRIPTION_STATUSES })
      .notNull()
      .default('active'),
    stripeCustomerId: text('stripe_customer_id').unique(),
    stripeSubscriptionId: text('stripe_subscription_id').unique(),
    currentPeriodEnd: timestamptz('current_period_end'),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    maxUsers: integer('max_users').notNull().default(5),
    maxSocialAccounts: integer('max_social_accounts').notNull().default(3),
    /** Default IANA zone for new posts and reports. */
    timezone: text('timezone').notNull().default('UTC'),
    /** Free-form organization preferences (brand voice, approval rules...). */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamptz('deleted_at'),
    dataRetentionDays: integer('data_retention_days').notNull().default(365),
    gdprConsent: boolean('gdpr_consent').notNull().default(false),
    gdprConsentDate: timestamptz('gdpr_consent_date'),
  },
  (t) => [
    checkIn('organizations_subscription_plan_check', t.subscriptionPlan, SUBSCRIPTION_PLANS),
    checkIn('organizations_subscription_status_check', t.subscriptionStatus, SUBSCRIPTION_STATUSES),
  ],
);

/**
 * Metered usage per organization and period (posts published, AI tokens, storage bytes...),
 * counted with `INSERT ... ON CONFLICT DO UPDATE SET value = value + excluded.value`.
 */
export const usageCounters = pgTable(
  'usage_counters',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    /** First day (UTC) of the billing or calendar period counted. */
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    value: bigint('value', { mode: 'number' }).notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.metric, t.periodStart] }),
    index('usage_counters_metric_idx').on(t.metric, t.periodStart),
  ],
);
