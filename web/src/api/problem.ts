/**
 * RFC 9457 problem details as the dashboard sees them. The API answers every error as
 * `application/problem+json` with a stable `code`; pages switch on `code`, never on
 * `title` or `detail` (those are for people).
 */
export interface ProblemFieldError {
  /** Location and path of the bad input: `body.email`, `query.limit`. */
  field: string;
  message: string;
}

/** Codes the client itself produces when no problem document came back. */
export const CLIENT_PROBLEM_CODES = {
  network: 'network_error',
  unexpected: 'unexpected_response',
} as const;

export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  readonly type: string;
  readonly title: string;
  /** HTTP status; 0 when the request never got an answer (offline, DNS, CORS). */
  readonly status: number;
  readonly detail?: string;
  readonly code: string;
  readonly errors: ProblemFieldError[];
  readonly instance?: string;
  readonly requestId?: string;
  /** Seconds to wait before trying again, from `Retry-After` (429, 503). */
  readonly retryAfterSeconds?: number;

  constructor(fields: {
    type?: string;
    title: string;
    status: number;
    detail?: string;
    code: string;
    errors?: ProblemFieldError[];
    instance?: string;
    requestId?: string;
    retryAfterSeconds?: number;
    cause?: unknown;
  }) {
    super(fields.detail ?? fields.title, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.type = fields.type ?? 'about:blank';
    this.title = fields.title;
    this.status = fields.status;
    this.detail = fields.detail;
    this.code = fields.code;
    this.errors = fields.errors ?? [];
    this.instance = fields.instance;
    this.requestId = fields.requestId;
    this.retryAfterSeconds = fields.retryAfterSeconds;
  }

  /** The message for one form field (`body.email`), if the server rejected it. */
  fieldError(field: string): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }

  /** True for answers that retrying the same request cannot fix (4xx except 408/429). */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const stringField = (record: Record<string, unknown>, key: string): string | undefined =>
  typeof record[key] === 'string' ? record[key] : undefined;

function fieldErrors(value: unknown): ProblemFieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string'
      ? [{ field: item.field, message: item.message }]
      : [],
  );
}

/** Fallback code from the status when the body is not a problem document. */
function codeForStatus(status: number): string {
  if (status === 400) return 'validation_failed';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 501) return 'not_implemented';
  if (status === 502 || status === 503 || status === 504) return 'service_unavailable';
  if (status >= 500) return 'internal_error';
  return CLIENT_PROBLEM_CODES.unexpected;
}

/**
 * `Retry-After` is either a number of seconds or an HTTP date (RFC 9110 §10.2.3). Returns
 * whole seconds from `now`, at least 1, or undefined when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number(trimmed));
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(1, Math.ceil((date - now) / 1000));
}

/**
 * Builds an ApiProblem from an error response. `body` is what openapi-fetch parsed (JSON
 * when it could, else the raw text). Gateways and proxies sometimes answer without a
 * problem document (an HTML 502, an empty 504), so every field has a fallback.
 */
export function toApiProblem(
  body: unknown,
  response: Pick<Response, 'status' | 'statusText'> & { headers?: Pick<Headers, 'get'> },
): ApiProblem {
  const record = isRecord(body) ? body : {};
  const status = typeof record.status === 'number' ? record.status : response.status;
  return new ApiProblem({
    type: stringField(record, 'type'),
    title:
      stringField(record, 'title') ??
      (response.statusText || `Request failed with status ${response.status}`),
    status,
    detail: stringField(record, 'detail'),
    code: stringField(record, 'code') ?? codeForStatus(status),
    errors: fieldErrors(record.errors),
    instance: stringField(record, 'instance'),
    requestId: stringField(record, 'requestId'),
    retryAfterSeconds: parseRetryAfter(response.headers?.get('retry-after')),
  });
}

/** A request cancelled on purpose (TanStack Query aborting a stale query) is not a failure. */
export const isAbortError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';

/** The request never reached the API or never came back. */
export function networkProblem(cause: unknown): ApiProblem {
  return new ApiProblem({
    title: 'Plume cannot reach its API',
    status: 0,
    code: CLIENT_PROBLEM_CODES.network,
    detail: 'Check your connection and try again.',
    // Kept for the console and error reporting, never shown to the user.
    cause,
  });
}

export const isApiProblem = (error: unknown): error is ApiProblem => error instanceof ApiProblem;
