import { PlatformError, type ConnectorContext, type Platform } from './connector';

export interface PlatformRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  /** A plain object is sent as JSON; anything else (FormData, bytes, URLSearchParams) as is. */
  body?: unknown;
  /**
   * True for calls that create something on the platform (a post, a comment). When such a
   * call times out or its connection drops after sending, the post may exist: the error is
   * `unknown_outcome`, never a retryable one.
   */
  creates?: boolean;
  timeoutMs?: number;
  /**
   * `text` returns the body unparsed, for JSON whose integers exceed 2^53 (TikTok post ids)
   * and would lose digits in JSON.parse.
   */
  responseType?: 'json' | 'text';
}

export interface PlatformResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** Error codes that mean the request never left this machine, so retrying cannot duplicate. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET_BEFORE_SEND',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** `Retry-After` as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterSeconds(headers: Headers, now: Date): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

async function readBody(response: Response, responseType: 'json' | 'text' = 'json'): Promise<unknown> {
  const text = await response.text();
  if (responseType === 'text') return text;
  if (!text) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code ?? (error as { code?: string })?.code;
}

/**
 * One HTTP call to a platform with a timeout. It returns every response (2xx or not) for
 * the connector to interpret with the platform's own error codes; it throws a
 * `PlatformError` only when there was no response, deciding between `transient` (nothing
 * was sent) and `unknown_outcome` (a create may have happened).
 */
export async function platformRequest<T = unknown>(
  context: ConnectorContext,
  platform: Platform,
  request: PlatformRequest,
): Promise<PlatformResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  let body: RequestInit['body'];
  if (isPlainObject(request.body) || Array.isArray(request.body)) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(request.body);
  } else {
    body = request.body as RequestInit['body'];
  }
  const timeoutMs = request.timeoutMs ?? context.timeoutMs ?? 30_000;
  let response: Response;
  try {
    response = await context.fetch(request.url, {
      method: request.method,
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const code = errorCode(error);
    const timedOut = (error as Error)?.name === 'TimeoutError' || (error as Error)?.name === 'AbortError';
    const description = timedOut
      ? `no answer within ${timeoutMs} ms`
      : `connection failed (${code ?? String(error)})`;
    if (request.creates && !(code && NOT_SENT.has(code))) {
      throw new PlatformError(
        'unknown_outcome',
        `${platform}: ${description}; the post may or may not exist`,
      );
    }
    throw new PlatformError('transient', `${platform}: ${description}`);
  }
  let parsed: unknown;
  try {
    parsed = await readBody(response, request.responseType);
  } catch {
    if (request.creates && response.ok) {
      throw new PlatformError(
        'unknown_outcome',
        `${platform}: the response was cut off after the platform accepted the request`,
      );
    }
    throw new PlatformError('transient', `${platform}: the response was cut off`, {
      status: response.status,
    });
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/**
 * The default reading of an HTTP status when the platform's body says nothing more specific.
 * Connectors call this after checking their own error codes.
 */
export function classifyStatus(
  platform: Platform,
  response: PlatformResponse,
  message: string,
  now: Date,
  options: { creates?: boolean } = {},
): PlatformError {
  const { status, headers } = response;
  const details = { status, retryAfterSeconds: retryAfterSeconds(headers, now) };
  if (status === 401) return new PlatformError('auth', message, details);
  if (status === 429) return new PlatformError('rate_limited', message, details);
  // A gateway timeout on a create leaves the outcome unknown; other 5xx are retried.
  if (status === 504 && options.creates) return new PlatformError('unknown_outcome', message, details);
  if (status >= 500) return new PlatformError('transient', message, details);
  return new PlatformError('permanent', message, details);
}
