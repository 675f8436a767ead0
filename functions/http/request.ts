import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import type { RouteContract } from './contracts';
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
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'malformed_json', 'The request body is not valid JSON.');
  }
}

function toFieldErrors(location: string, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: [location, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/**
 * Validates path parameters, query string and body against the route's contract. All
 * three are checked before answering so the client sees every field error at once.
 */
export function validateRequest(event: APIGatewayProxyEventV2, contract: RouteContract): ValidatedInput {
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
