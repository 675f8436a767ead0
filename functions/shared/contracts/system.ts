import * as z from 'zod';
import type { AreaContracts } from './contract';

export const healthResponse = z
  .object({
    status: z.enum(['ok', 'degraded']).describe('`degraded` when the database cannot be reached'),
    version: z.string(),
    time: z.string().describe('Server time, ISO 8601 UTC'),
    database: z.object({
      ok: z.boolean(),
      latencyMs: z.number().nonnegative().optional(),
      error: z.string().optional(),
    }),
  })
  .meta({ id: 'Health' });

export const systemContracts = {
  getHealth: {
    response: healthResponse,
    otherResponses: { '503': { description: 'The database is unreachable', schema: healthResponse } },
  },
  getOpenApiDocument: { response: z.record(z.string(), z.unknown()).meta({ id: 'OpenApiDocument' }) },
  getApiReference: { responseContentType: 'text/html' },
} satisfies AreaContracts<'system'>;
