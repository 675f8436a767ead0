import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import type { RouteContract } from '../shared/contracts';
import { findUnsafeText, jsonNestsDeeperThan, MAX_JSON_DEPTH, printableKey } from '../shared/input-rules';
import { HttpProblem, type FieldError } from './problem';

/** Largest JSON body accepted; media never passes through the API (presigned uploads). */
export const MAX_JSON_BODY_BYTES = 1_000_000;

export interface ValidatedInput {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  // API Gateway lower-cases header names in payload 2.0; the local runtime does the same.
  return event.headers?.[name.toLowerCase()];
}

/** The raw body as text (API Gateway may base64-encode it). */
export function rawBody(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/**
 * Parses JSON text the API was sent: too deep is refused before parsing (so nothing below
 * recurses on it), malformed is a 400, and the text rule is applied to every string and key.
 * Operations that read their own body (CSV or JSON bulk uploads) call this too.
 */
export function parseJsonText(text: string, location = 'body'): unknown {
  if (jsonNestsDeeperThan(text)) {
    throw new HttpProblem(400, 'malformed_json', `JSON may nest at most ${MAX_JSON_DEPTH} levels deep.`, {
      errors: [{ field: location, message: `Nested more than ${MAX_JSON_DEPTH} levels deep` }],
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'malformed_json', 'The request body is not valid JSON.');
  }
  assertSafeText(parsed, location);
  return parsed;
}

/**
 * Refuses (400, every offending field named) strings and keys that break the text rule of
 * `input-rules.ts`: the one check every body, query string and path parameter goes through.
 */
export function assertSafeText(value: unknown, location: string): void {
  const errors = unsafeTextErrors(value, location);
  if (errors.length > 0) throw textProblem(errors);
}

/** The text rule's field errors for a value, addressed under `location`. */
export function unsafeTextErrors(value: unknown, location: string): FieldError[] {
  return findUnsafeText(value).map((issue) => ({
    field: [location, ...issue.path].join('.'),
    message: issue.message,
  }));
}

const textProblem = (errors: FieldError[]): HttpProblem =>
  new HttpProblem(
    400,
    'validation_failed',
    'Some text contains characters that are not allowed; see `errors`.',
    {
      errors,
    },
  );

function parseJsonBody(event: APIGatewayProxyEventV2): unknown {
  const text = rawBody(event);
  if (text.length === 0) return undefined;
  if (Buffer.byteLength(text) > MAX_JSON_BODY_BYTES) {
    throw new HttpProblem(
      413,
      'payload_too_large',
      `JSON bodies are limited to ${MAX_JSON_BODY_BYTES} bytes.`,
    );
  }
  const contentType = header(event, 'content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new HttpProblem(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  return parseJsonText(text);
}

/**
 * zod's issues as field errors. An unknown key is reported at its own path (`body.extra`,
 * `body.preferences.post.exploded`) rather than on its parent, so a client can point at it.
 */
function toFieldErrors(location: string, error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const at = [location, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [...at, printableKey(key)].join('.'),
        message: 'Unknown field',
      }));
    }
    return [{ field: at.join('.'), message: issue.message }];
  });
}

/**
 * Validates path parameters, query string and body against the route's contract. All
 * three are checked before answering so the client sees every field error at once.
 */
export function validateRequest(event: APIGatewayProxyEventV2, contract: RouteContract): ValidatedInput {
  // The text rule first and for every route, with or without a schema: operations may read
  // the raw query string, and a NUL must never reach a query.
  const textErrors = [
    ...unsafeTextErrors(event.pathParameters ?? {}, 'params'),
    ...unsafeTextErrors(event.queryStringParameters ?? {}, 'query'),
  ];
  if (textErrors.length > 0) throw textProblem(textErrors);
  const errors: FieldError[] = [];
  const check = (location: string, schema: z.ZodType | undefined, value: unknown): unknown => {
    if (!schema) return value;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    errors.push(...toFieldErrors(location, result.error));
    return undefined;
  };

  const params = check('params', contract.params, event.pathParameters ?? {}) as Record<string, unknown>;
  const query = check('query', contract.query, event.queryStringParameters ?? {}) as Record<string, unknown>;
  const body = contract.body ? check('body', contract.body, parseJsonBody(event)) : undefined;

  if (errors.length > 0) {
    throw new HttpProblem(400, 'validation_failed', 'Some fields are invalid; see `errors`.', { errors });
  }
  return { params: params ?? {}, query: query ?? {}, body };
}
