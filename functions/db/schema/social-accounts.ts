import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { PLATFORM_IDS, type Platform } from '../../shared/platforms/catalog';
import { checkIn, createdAt, primaryId, timestamptz, updatedAt } from './columns';
import { organizations } from './organizations';
import { users } from './users';

/** Networks Plume can connect to: the connector registry's list, so the two cannot drift. */
export const PLATFORMS = PLATFORM_IDS;
export type { Platform };

export const SOCIAL_ACCOUNT_STATUSES = ['active', 'needs_reauth', 'disconnected'] as const;
export type SocialAccountStatus = (typeof SOCIAL_ACCOUNT_STATUSES)[number];

/** A connected social account. Tokens are envelope-encrypted ciphertext, never plain text. */
export const socialAccounts = pgTable(
  'social_accounts',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Who connected it. SET NULL (SPEC: CASCADE): the account belongs to the organization. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    accountName: varchar('account_name', { length: 255 }),
    accountHandle: varchar('account_handle', { length: 255 }),
    /** The platform's own id for the account (per server on federated networks). */
    accountId: varchar('account_id', { length: 255 }).notNull(),
    /** Server of a federated network (Mastodon instance, Bluesky PDS); null elsewhere. */
    serviceUrl: text('service_url'),
    avatarUrl: text('avatar_url'),
    profileUrl: text('profile_url'),
    accessTokenEnc: text('access_token_enc'),
    refreshTokenEnc: text('refresh_token_enc'),
    tokenExpiresAt: timestamptz('token_expires_at'),
    refreshTokenExpiresAt: timestamptz('refresh_token_expires_at'),
    scopes: text('scopes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    accountData: jsonb('account_data').$type<Record<string, unknown>>(),
    status: text('status', { enum: SOCIAL_ACCOUNT_STATUSES }).notNull().default('active'),
    /** Why the account needs attention, in words a user can act on. */
    statusReason: text('status_reason'),
    isActive: boolean('is_active').notNull().default(true),
    lastSync: timestamptz('last_sync'),
    /** Where the last read of the account's mentions and comments stopped (network's cursor or newest id). */
    mentionsCursor: text('mentions_cursor'),
    mentionsSyncedAt: timestamptz('mentions_synced_at'),
    /** Why the last mentions read failed, in words a user can act on; null after a good read. */
    mentionsSyncError: text('mentions_sync_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    /**
     * One connection per account. `service_url` is part of it because Mastodon ids are only
     * unique per instance; NULLS NOT DISTINCT (PostgreSQL 15+) so a null server still collides.
     */
    unique('social_accounts_organization_platform_account_key')
      .on(t.organizationId, t.platform, t.accountId, t.serviceUrl)
      .nullsNotDistinct(),
    /** Target of composite foreign keys that pin child rows to the same organization. */
    unique('social_accounts_id_organization_key').on(t.id, t.organizationId),
    checkIn('social_accounts_platform_check', t.platform, PLATFORMS),
    checkIn('social_accounts_status_check', t.status, SOCIAL_ACCOUNT_STATUSES),
    index('social_accounts_user_id_idx').on(t.userId),
  ],
);
