import type { z } from 'zod';
import type { Area, RouteNamesOf } from '../route-table';

/** Statuses an operation may declare for its own domain problems (problem+json). */
export type DomainErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 502 | 503;

/**
 * The request and response shapes of one route. Handlers validate with these; the OpenAPI
 * document is generated from these; so the documentation cannot drift from the code.
 * A route without a contract is not built yet (it answers 501).
 */
export interface RouteContract {
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /**
   * A body the operation reads itself instead of the pipeline (a CSV upload, a signed webhook
   * whose exact bytes are verified), by content type: documented, never parsed by the pipeline.
   */
  rawBody?: { description: string; content: Record<string, z.ZodType> };
  /** Schema of a successful response body. */
  response?: z.ZodType;
  /** Status of a successful response (200 unless stated). */
  successStatus?: number;
  /** Other statuses that answer with a JSON body that is not a problem (e.g. health's 503). */
  otherResponses?: Record<string, { description: string; schema: z.ZodType }>;
  /** Response content type when not JSON (e.g. text/html for the API reference). */
  responseContentType?: string;
  /**
   * Success bodies by content type, for a route that answers in the format asked for (an
   * export as text/csv or application/json): documented with each schema.
   */
  responseContent?: Record<string, z.ZodType>;
  /** Other statuses answered with a `Location` and no body (e.g. 303 to a stored download), in words. */
  redirects?: Partial<Record<301 | 302 | 303 | 307, string>>;
  /**
   * The problems the operation itself can answer, by status, in words: what the document
   * cannot work out from the route (401/403 from its access policy, 400/413/415 from its
   * input, 404 from a path id, 429 from its rate limit, 500/503 everywhere are generated).
   */
  errors?: Partial<Record<DomainErrorStatus, string>>;
}

/**
 * One area's contracts, keyed by that area's route names. Declare them with `satisfies`, not
 * as a type annotation, so each schema keeps its own type (operations infer their input and
 * output from it) while a misspelt or foreign route name still fails to compile:
 *
 *     export const mediaContracts = { listMedia: { query: ..., response: ... } } satisfies AreaContracts<'media'>;
 *
 * A route of the area without a contract takes no input and answers 501 until it is built.
 */
export type AreaContracts<InArea extends Area> = { readonly [Name in RouteNamesOf<InArea>]?: RouteContract };
