import { boolean, index, inet, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { checkIn, createdAt, primaryId, timestamptz } from './columns';
import { organizations } from './organizations';
import { users } from './users';

/**
 * Every change and every data export. `organization_id` is null for platform-level events
 * (super-admin actions, sign-in attempts before a tenant is known).
 */
export const auditLogs = pgTable(
  'audit_logs',
  {
    id: primaryId(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** create | update | delete | export | login ... */
    action: varchar('action', { length: 100 }).notNull(),
    resourceType: varchar('resource_type', { length: 100 }).notNull(),
    /** Text rather than SPEC's uuid: some resources are keyed otherwise (system settings). */
    resourceId: text('resource_id'),
    oldValues: jsonb('old_values'),
    newValues: jsonb('new_values'),
    ipAddress: inet('ip_address'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_logs_organization_created_idx').on(t.organizationId, t.createdAt),
    index('audit_logs_user_id_idx').on(t.userId),
    index('audit_logs_resource_idx').on(t.resourceType, t.resourceId),
  ],
);

export const EXPORT_REQUEST_TYPES = ['full_export', 'specific_data'] as const;
export const EXPORT_STATUSES = ['pending', 'processing', 'completed', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/**
 * GDPR exports. Per person, across all their organizations, hence no `organization_id` (and
 * no row-level security): code must always filter by `user_id`.
 */
export const dataExportRequests = pgTable(
  'data_export_requests',
  {
    id: primaryId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    requestType: text('request_type', { enum: EXPORT_REQUEST_TYPES }).notNull().default('full_export'),
    status: text('status', { enum: EXPORT_STATUSES }).notNull().default('pending'),
    /** Object key of the archive in the exports bucket; download links are presigned on demand. */
    s3Key: text('s3_key'),
    errorMessage: text('error_message'),
    expiresAt: timestamptz('expires_at'),
    createdAt: createdAt(),
    completedAt: timestamptz('completed_at'),
  },
  (t) => [
    checkIn('data_export_requests_request_type_check', t.requestType, EXPORT_REQUEST_TYPES),
    checkIn('data_export_requests_status_check', t.status, EXPORT_STATUSES),
    index('data_export_requests_user_created_idx').on(t.userId, t.createdAt),
  ],
);

/** Consent history (terms, privacy policy, marketing email...), append-only. */
export const consents = pgTable(
  'consents',
  {
    id: primaryId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 50 }).notNull(),
    granted: boolean('granted').notNull(),
    /** Version of the document consented to. */
    version: varchar('version', { length: 50 }),
    ipAddress: inet('ip_address'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
  },
  (t) => [index('consents_user_kind_idx').on(t.userId, t.kind, t.createdAt)],
);
