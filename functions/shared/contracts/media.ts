import * as z from 'zod';
import { ALLOWED_MEDIA_TYPES } from '../media-limits';
import { MEDIA_STATUSES } from '../enums';
import { SUBSCRIPTION_PLANS } from '../enums';
import { LINKEDIN_MAX_ALT_TEXT_LENGTH } from '../platforms/linkedin/limits';
import { PLATFORM_IDS } from '../platforms/catalog';
import type { AreaContracts } from './contract';
import { timestamp, uuidParam } from './common';

const MEDIA_KINDS = ['image', 'gif', 'video'] as const;

/** File names are shown, never used as storage keys, so only length and control characters matter. */
const fileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine(
    (name) => ![...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f),
    'No control characters',
  );

/** The longest alt text any network takes (LinkedIn); the composer warns per network. */
const altText = z.string().max(LINKEDIN_MAX_ALT_TEXT_LENGTH);

export const mediaVariant = z
  .object({
    mimeType: z.string(),
    sizeBytes: z.number().int(),
    width: z.number().int().optional(),
    height: z.number().int().optional(),
    url: z.string().describe('Short-lived download link'),
  })
  .meta({ id: 'MediaVariant' });

export const mediaUsage = z
  .object({
    postId: z.uuid(),
    title: z.string().nullable(),
    excerpt: z.string().describe('The first 120 characters of the post'),
    status: z.string(),
    scheduledAt: timestamp.nullable(),
  })
  .meta({ id: 'MediaUsage' });

export const mediaItem = z
  .object({
    id: z.uuid(),
    fileName: z.string().nullable(),
    mimeType: z.string(),
    kind: z.enum(MEDIA_KINDS),
    sizeBytes: z.number().int(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    durationMs: z.number().int().nullable(),
    altText: z.string().nullable(),
    status: z.enum(MEDIA_STATUSES),
    url: z.string().nullable().describe('Short-lived download link; null until the upload is confirmed'),
    variants: z.record(z.string(), mediaVariant).describe('Per-network renditions made by optimize'),
    networks: z
      .array(z.enum(PLATFORM_IDS))
      .describe('Networks whose type and size limits the original meets'),
    usage: z.array(mediaUsage).describe('Posts that use this file'),
    uploadedBy: z.uuid().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Media' });

export const mediaContracts = {
  createMediaUpload: {
    body: z
      .object({
        fileName,
        contentType: z.enum(ALLOWED_MEDIA_TYPES as [string, ...string[]]),
        size: z
          .number()
          .int()
          .positive({
            error: (issue) =>
              issue.input === 0 ? 'The file is empty' : 'The size must be a whole number of bytes above 0',
          })
          .describe('Exact size of the file in bytes'),
      })
      .strict()
      .meta({ id: 'CreateMediaUploadRequest' }),
    response: z
      .object({
        media: mediaItem,
        upload: z
          .object({
            url: z.string(),
            fields: z.record(z.string(), z.string()),
            expiresAt: timestamp,
          })
          .describe('POST the file as multipart/form-data: every field, then `file` last'),
      })
      .meta({ id: 'MediaUpload' }),
    successStatus: 201,
    errors: { 403: "The plan's media storage is full" },
  },
  completeMediaUpload: {
    params: uuidParam,
    response: mediaItem,
    errors: {
      400: 'The file that arrived is not the size announced',
      409: 'The file has not arrived yet, or this upload was refused before',
      422: 'The file is empty, damaged, not the media it claims to be, or no network takes it',
    },
  },
  getMedia: { params: uuidParam, response: mediaItem },
  listMedia: {
    query: z
      .object({
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(24),
        kind: z.enum(MEDIA_KINDS).optional(),
        status: z.enum(MEDIA_STATUSES).optional(),
        search: z.string().trim().min(1).max(100).optional().describe('Part of the file name or alt text'),
        usage: z.enum(['used', 'unused']).optional(),
      })
      .strict(),
    response: z
      .object({
        items: z.array(mediaItem),
        page: z.number().int(),
        pageSize: z.number().int(),
        total: z.number().int(),
      })
      .meta({ id: 'MediaList' }),
  },
  getStorageUsage: {
    response: z
      .object({
        plan: z.enum(SUBSCRIPTION_PLANS),
        quotaBytes: z.number().int(),
        usedBytes: z.number().int().describe('Originals and their variants'),
        variantBytes: z.number().int(),
        fileCount: z.number().int(),
        byKind: z.array(
          z.object({ kind: z.enum(MEDIA_KINDS), count: z.number().int(), bytes: z.number().int() }),
        ),
      })
      .meta({ id: 'StorageUsage' }),
  },
  deleteMedia: {
    params: uuidParam,
    successStatus: 204,
    errors: { 409: 'Scheduled post targets still use the file' },
  },
  updateMedia: {
    params: uuidParam,
    body: z
      .object({ fileName: fileName.optional(), altText: altText.nullable().optional() })
      .describe('Fields left out stay as they are; unknown fields are ignored')
      .meta({ id: 'UpdateMediaRequest' }),
    response: mediaItem,
  },
  optimizeMedia: {
    params: uuidParam,
    response: mediaItem,
    successStatus: 202,
    errors: {
      409: 'The upload is not finished, is being optimized already, or its type cannot be optimized',
    },
  },
} satisfies AreaContracts<'media'>;
