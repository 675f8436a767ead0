import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** One invalid field, addressed by its location and path (`body.email`, `query.limit`). */
export interface FieldError {
  field: string;
  message: string;
}

/** Stable machine-readable codes; clients switch on these, never on titles. */
export type ProblemCode =
  | 'bad_request'
  | 'validation_failed'
  | 'malformed_json'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'request_header_fields_too_large'
  | 'request_timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'plan_limit_reached'
  | 'media_unreadable'
  | 'media_unsupported'
  | 'email_not_verified'
  | 'rate_limited'
  | 'ai_budget_spent'
  | 'approval_required'
  | 'not_implemented'
  | 'service_unavailable'
  | 'internal_error';

const TITLES: Record<ProblemCode, string> = {
  bad_request: 'The request is not valid HTTP',
  validation_failed: 'Your request has invalid fields',
  malformed_json: 'The request body is not valid JSON',
  unsupported_media_type: 'Unsupported content type',
  payload_too_large: 'The request body is too large',
  request_header_fields_too_large: 'The request headers are too large',
  request_timeout: 'The request took too long to arrive',
  unauthorized: 'Authentication required',
  forbidden: 'You do not have permission to do this',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict',
  plan_limit_reached: 'Your plan does not allow more of these',
  media_unreadable: 'The file is not a readable image or video',
  media_unsupported: 'Plume cannot use this kind of file',
  email_not_verified: 'Verify your email address first',
  rate_limited: 'Too many requests',
  ai_budget_spent: 'The monthly AI budget is spent',
  approval_required: 'The post needs approval first',
  not_implemented: 'Not implemented yet',
  service_unavailable: 'Service unavailable',
  internal_error: 'Internal server error',
};

/**
 * An error that becomes an RFC 9457 problem+json response. Throw it anywhere below a
 * handler; the HTTP middleware turns it into the response, so no handler formats errors.
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly title: string;
  readonly detail?: string;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;
  readonly extensions?: Record<string, unknown>;

  constructor(
    status: number,
    code: ProblemCode,
    detail?: string,
    options: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(detail ?? TITLES[code]);
    this.name = 'HttpProblem';
    this.status = status;
    this.code = code;
    this.title = TITLES[code];
    this.detail = detail;
    this.errors = options.errors;
    this.headers = options.headers;
    this.extensions = options.extensions;
  }
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Serialises a problem; `type` is a stable URI under the docs so clients can link to it. */
export function problemResponse(
  problem: HttpProblem,
  context: { instance?: string; requestId?: string } = {},
): APIGatewayProxyStructuredResultV2 {
  const body = {
    type: `https://plume.dev/problems/${problem.code.replaceAll('_', '-')}`,
    title: problem.title,
    status: problem.status,
    code: problem.code,
    ...(problem.detail ? { detail: problem.detail } : {}),
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...(context.instance ? { instance: context.instance } : {}),
    ...(context.requestId ? { requestId: context.requestId } : {}),
    ...problem.extensions,
  };
  return {
    statusCode: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store', ...problem.headers },
    body: JSON.stringify(body),
  };
}

export const notFound = (what = 'The resource'): HttpProblem =>
  new HttpProblem(404, 'not_found', `${what} does not exist or is not visible to you.`);
