import * as z from 'zod';
import type { AreaContracts } from './contract';
import { me, timeZone, timestamp, uuidParam } from './common';

export const sessionInfo = z
  .object({
    id: z.uuid(),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    expiresAt: timestamp,
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: 'SessionInfo' });

export const dataExport = z
  .object({
    id: z.uuid(),
    status: z.enum(['pending', 'processing', 'completed', 'failed']),
    createdAt: timestamp,
    completedAt: timestamp.nullable(),
    /** Present once completed, until it expires. */
    downloadUrl: z.string().nullable(),
    expiresAt: timestamp.nullable(),
  })
  .meta({ id: 'DataExport' });

export const userContracts = {
  getProfile: { response: me, errors: { 404: 'Your account no longer exists' } },
  updateProfile: {
    body: z
      .object({
        firstName: z.string().trim().min(1).max(100).optional(),
        lastName: z.string().trim().min(1).max(100).optional(),
        avatarUrl: z
          .url({ protocol: /^https$/ })
          .max(2048)
          .nullable()
          .optional(),
        timezone: timeZone.optional(),
        language: z
          .string()
          .regex(/^[a-z]{2}(-[A-Z]{2})?$/)
          .optional(),
        gdprConsent: z.boolean().optional(),
      })
      .strict()
      .meta({ id: 'UpdateProfileRequest' }),
    response: me,
    errors: { 404: 'Your account no longer exists' },
  },
  deleteAccount: {
    body: z
      .object({ password: z.string().min(1).max(256), confirm: z.literal('DELETE MY ACCOUNT') })
      .meta({ id: 'DeleteAccountRequest' }),
    successStatus: 204,
    errors: {
      404: 'Your account no longer exists',
      409: 'You are the only admin of an organization: make someone else admin first',
    },
  },
  listSessions: { response: z.object({ sessions: z.array(sessionInfo) }) },
  revokeSession: { params: uuidParam, successStatus: 204 },
  requestDataExport: { response: dataExport, successStatus: 202 },
  getDataExport: { params: uuidParam, response: dataExport },
} satisfies AreaContracts<'users'>;
