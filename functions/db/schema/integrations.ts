import { boolean, index, integer, jsonb, pgTable, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { checkIn, createdAt, primaryId, timestamptz, updatedAt } from './columns';
import { organizations } from './organizations';

export const INTEGRATION_SYNC_STATUSES = ['active', 'error', 'disabled'] as const;
export type IntegrationSyncStatus = (typeof INTEGRATION_SYNC_STATUSES)[number];

/** A third-party service connected by an organization (analytics, storage, chat...). */
export const integrations = pgTable(
  'integrations',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    integrationType: varchar('integration_type', { length: 100 }).notNull(),
    /** Non-secret settings, readable by the dashboard. */
    configuration: jsonb('configuration').$type<Record<string, unknown>>().notNull().default({}),
    /** Secret settings (API keys, webhook URLs), envelope-encrypted as one ciphertext. */
    secretsEnc: text('secrets_enc'),
    isActive: boolean('is_active').notNull().default(true),
    lastSync: timestamptz('last_sync'),
    syncStatus: text('sync_status', { enum: INTEGRATION_SYNC_STATUSES }).notNull().default('active'),
    errorMessage: text('error_message'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    checkIn('integrations_sync_status_check', t.syncStatus, INTEGRATION_SYNC_STATUSES),
    index('integrations_organization_type_idx').on(t.organizationId, t.integrationType),
  ],
);

/**
 * Inbound webhook events, stored exactly once: `INSERT ... ON CONFLICT (source, external_id)
 * DO NOTHING` tells a redelivery apart from a new event. `organization_id` is null until the
 * event is matched to a tenant (and for platform-wide events).
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: primaryId(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    /** stripe | facebook | twitter | linkedin | ... */
    source: varchar('source', { length: 100 }).notNull(),
    /** The sender's event id (or a hash of the raw body when the sender has none). */
    externalId: varchar('external_id', { length: 255 }).notNull(),
    eventType: varchar('event_type', { length: 100 }).notNull(),
    eventData: jsonb('event_data').notNull(),
    processed: boolean('processed').notNull().default(false),
    processedAt: timestamptz('processed_at'),
    retryCount: integer('retry_count').notNull().default(0),
    errorMessage: text('error_message'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('webhook_events_source_external_key').on(t.source, t.externalId),
    index('webhook_events_unprocessed_idx').on(t.processed, t.createdAt),
    index('webhook_events_organization_created_idx').on(t.organizationId, t.createdAt),
  ],
);
