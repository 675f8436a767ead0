import { index, pgTable, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { checkIn, checkLowercase, createdAt, primaryId, timestamptz, updatedAt } from './columns';
import { organizations } from './organizations';
import { users } from './users';

/** Roles inside one organization, weakest first (same order as the route table's ROLES). */
export const MEMBER_ROLES = ['viewer', 'user', 'manager', 'admin'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Who belongs to which organization, and as what. */
export const organizationMembers = pgTable(
  'organization_members',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: MEMBER_ROLES }).notNull().default('user'),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('organization_members_organization_user_key').on(t.organizationId, t.userId),
    checkIn('organization_members_role_check', t.role, MEMBER_ROLES),
    index('organization_members_user_id_idx').on(t.userId),
  ],
);

/** A pending invitation by email. The emailed token is stored hashed; accepting is single use. */
export const invitations = pgTable(
  'invitations',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    email: varchar('email', { length: 255 }).notNull(),
    role: text('role', { enum: MEMBER_ROLES }).notNull().default('user'),
    tokenHash: varchar('token_hash', { length: 255 }).notNull().unique(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamptz('expires_at').notNull(),
    acceptedAt: timestamptz('accepted_at'),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamptz('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    checkIn('invitations_role_check', t.role, MEMBER_ROLES),
    checkLowercase('invitations_email_lowercase_check', t.email),
    index('invitations_organization_created_idx').on(t.organizationId, t.createdAt),
    index('invitations_email_idx').on(t.email),
  ],
);
