import { sql } from 'drizzle-orm';
import { index, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { checkIn, createdAt, primaryId, timestamptz } from './columns';
import { MEMBER_ROLES } from './memberships';
import { organizations } from './organizations';
import { users } from './users';

/**
 * Keys for the public HTTP API, per organization. The client shows `prefix` (also the lookup
 * key); only a hash of the full key is stored. Revoking sets `revoked_at`, never deletes, so
 * the audit trail keeps its reference.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 255 }).notNull(),
    prefix: varchar('prefix', { length: 32 }).notNull().unique(),
    keyHash: varchar('key_hash', { length: 255 }).notNull().unique(),
    scopes: text('scopes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The role the key acts with; at most its creator's role when it was made. */
    role: text('role', { enum: MEMBER_ROLES }).notNull().default('viewer'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    lastUsedAt: timestamptz('last_used_at'),
    expiresAt: timestamptz('expires_at'),
    revokedAt: timestamptz('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('api_keys_organization_created_idx').on(t.organizationId, t.createdAt),
    checkIn('api_keys_role_check', t.role, MEMBER_ROLES),
  ],
);
