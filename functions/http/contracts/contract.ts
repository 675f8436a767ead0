import type { z } from 'zod';

/**
 * The request and response shapes of one route. Handlers validate with these; the OpenAPI
 * document is generated from these; so the documentation cannot drift from the code.
 */
export interface RouteContract {
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Schema of a successful response body. */
  response?: z.ZodType;
  /** Status of a successful response (200 unless stated). */
  successStatus?: number;
  /** Other statuses that answer with a JSON body that is not a problem (e.g. health's 503). */
  otherResponses?: Record<string, { description: string; schema: z.ZodType }>;
  /** Response content type when not JSON (e.g. text/html for the API reference). */
  responseContentType?: string;
}
