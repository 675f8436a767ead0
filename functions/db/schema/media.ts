import { bigint, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { checkIn, createdAt, primaryId, timestamptz, updatedAt } from './columns';
import { organizations } from './organizations';
import { users } from './users';
import { MEDIA_STATUSES, type MediaStatus } from '../../shared/enums';

export { MEDIA_STATUSES, type MediaStatus };

/** A per-platform rendition of a media file (resized image, transcoded video...). */
export interface MediaVariant {
  s3Key: string;
  mimeType: string;
  sizeBytes: number;
  width?: number;
  height?: number;
}

/** The media library: files uploaded straight to S3 by the browser (presigned POST). */
export const media = pgTable(
  'media',
  {
    id: primaryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    s3Key: text('s3_key').notNull().unique(),
    fileName: text('file_name'),
    mimeType: text('mime_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull().default(0),
    width: integer('width'),
    height: integer('height'),
    durationMs: integer('duration_ms'),
    altText: text('alt_text'),
    /** Keyed by platform or purpose, e.g. `{ "instagram": {...}, "thumbnail": {...} }`. */
    variants: jsonb('variants').$type<Record<string, MediaVariant>>().notNull().default({}),
    status: text('status', { enum: MEDIA_STATUSES }).notNull().default('pending'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamptz('deleted_at'),
  },
  (t) => [
    checkIn('media_status_check', t.status, MEDIA_STATUSES),
    index('media_organization_created_idx').on(t.organizationId, t.createdAt),
    index('media_uploaded_by_idx').on(t.uploadedBy),
  ],
);
