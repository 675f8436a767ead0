import { boolean, index, inet, integer, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { checkIn, checkLowercase, createdAt, primaryId, timestamptz, updatedAt } from './columns';
import { organizations } from './organizations';

/**
 * A person. Membership and role live in `organization_members` (a user may belong to several
 * organizations); `organization_id` is only the default organization picked at sign-in.
 */
export const users = pgTable(
  'users',
  {
    id: primaryId(),
    /**
     * Default organization. SET NULL rather than SPEC's CASCADE: deleting one organization
     * must not delete a person who still belongs to others.
     */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    /** Stored lower-cased (CHECK), so the plain unique constraint is case-insensitive. */
    email: varchar('email', { length: 255 }).notNull().unique(),
    /** Null when the account cannot sign in with a password (erased, or not yet set). */
    passwordHash: varchar('password_hash', { length: 255 }),
    firstName: varchar('first_name', { length: 100 }),
    lastName: varchar('last_name', { length: 100 }),
    avatarUrl: text('avatar_url'),
    /** IANA zone, e.g. `Europe/Paris`; instants themselves are stored in UTC. */
    timezone: text('timezone').notNull().default('UTC'),
    language: varchar('language', { length: 10 }).notNull().default('en'),
    isActive: boolean('is_active').notNull().default(true),
    isSuperAdmin: boolean('is_super_admin').notNull().default(false),
    emailVerified: boolean('email_verified').notNull().default(false),
    emailVerifiedAt: timestamptz('email_verified_at'),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamptz('locked_until'),
    lastLogin: timestamptz('last_login'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamptz('deleted_at'),
    gdprConsent: boolean('gdpr_consent').notNull().default(false),
    gdprConsentDate: timestamptz('gdpr_consent_date'),
    dataExportRequested: boolean('data_export_requested').notNull().default(false),
    dataDeletionRequested: boolean('data_deletion_requested').notNull().default(false),
  },
  (t) => [
    checkLowercase('users_email_lowercase_check', t.email),
    index('users_organization_id_idx').on(t.organizationId),
  ],
);

/**
 * One row per refresh token. Rotation marks the old row `rotated_at` and inserts a new one
 * in the same `family_id`; presenting a rotated token again revokes the whole family.
 * "Active sessions" are the rows neither rotated nor revoked nor expired.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: primaryId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    /**
     * The organization the session acts in (switchable); refreshes issue access tokens for it.
     * Not `organization_id`: sessions are per person and read before any tenant is known.
     */
    activeOrganizationId: uuid('active_organization_id').references(() => organizations.id, {
      onDelete: 'set null',
    }),
    /** SHA-256 of the opaque refresh token; the token itself is never stored. */
    tokenHash: varchar('token_hash', { length: 255 }).notNull().unique(),
    deviceInfo: jsonb('device_info').$type<Record<string, unknown>>(),
    ipAddress: inet('ip_address'),
    userAgent: text('user_agent'),
    expiresAt: timestamptz('expires_at').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamptz('last_used_at'),
    rotatedAt: timestamptz('rotated_at'),
    revokedAt: timestamptz('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    index('user_sessions_user_id_idx').on(t.userId),
    index('user_sessions_family_id_idx').on(t.familyId),
  ],
);

export const AUTH_TOKEN_PURPOSES = ['verify_email', 'reset_password'] as const;
export type AuthTokenPurpose = (typeof AUTH_TOKEN_PURPOSES)[number];

/** Single-use, expiring email links (verification, password reset), stored hashed. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: primaryId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: AUTH_TOKEN_PURPOSES }).notNull(),
    tokenHash: varchar('token_hash', { length: 255 }).notNull().unique(),
    /** The address the link was sent to (a verification is only valid for that address). */
    email: varchar('email', { length: 255 }),
    expiresAt: timestamptz('expires_at').notNull(),
    /** Set when redeemed; a used token is refused. */
    usedAt: timestamptz('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    checkIn('auth_tokens_purpose_check', t.purpose, AUTH_TOKEN_PURPOSES),
    index('auth_tokens_user_id_idx').on(t.userId, t.purpose),
  ],
);
