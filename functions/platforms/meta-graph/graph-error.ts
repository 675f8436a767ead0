import { PlatformError, type Platform, type PlatformErrorKind } from '../connector';
import { classifyStatus, retryAfterSeconds, type PlatformResponse } from '../platform-http';
import { graphUsage } from './usage-headers';

/**
 * A Graph API error, normalised from the two shapes Meta sends:
 * `{"error":{"message","type","code","error_subcode","error_user_title","error_user_msg",
 * "is_transient","fbtrace_id"}}` (graph.facebook.com, graph.instagram.com, graph.threads.net;
 * https://developers.facebook.com/docs/graph-api/guides/error-handling) and the flat
 * `{"error_type","code","error_message"}` of the api.instagram.com OAuth endpoint.
 */
export interface GraphError {
  message: string;
  /** `error_user_msg`: written for end users, in the request's locale. */
  userMessage?: string;
  type?: string;
  code?: number;
  subcode?: number;
  /** Non-numeric codes such as Threads' `THREADS_API__LINK_LIMIT_EXCEEDED`. */
  codeName?: string;
  isTransient?: boolean;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function integer(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/** The error in a Graph response body, or undefined when the body carries none. */
export function parseGraphError(body: unknown): GraphError | undefined {
  const root = record(body);
  if (!root) return undefined;
  const nested = record(root.error);
  const source = nested ?? (text(root.error_message) ? root : undefined);
  if (!source) return undefined;
  const rawCode = source.code;
  return {
    message:
      text(source.message) ?? text(source.error_message) ?? text(root.error_description) ?? 'unknown error',
    userMessage: text(source.error_user_msg),
    type: text(source.type) ?? text(source.error_type),
    code: integer(rawCode),
    subcode: integer(source.error_subcode),
    codeName: typeof rawCode === 'string' && !/^\d+$/.test(rawCode) ? rawCode : undefined,
    isTransient: typeof source.is_transient === 'boolean' ? source.is_transient : undefined,
  };
}

/** Session problems a new login fixes: expired, revoked, password changed, checkpoint, role lost. */
const AUTH_CODES = new Set([102, 190]);
/**
 * 458 app removed, 459 checkpoint, 460 password changed, 463 expired, 464 unconfirmed user,
 * 467 invalid token, 492 no longer a Page role, 1404078 Page Publishing Authorization needed.
 */
const AUTH_SUBCODES = new Set([458, 459, 460, 463, 464, 467, 492, 1404078]);
/**
 * 4 app, 17 user, 32 Page, 613 endpoint throttling; 341 application limit; 368 "temporarily
 * blocked for policy violations: wait and retry". 80001-80014 are the business use case limits.
 */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 368, 613]);
/** 1390008 "posting too fast"; 2207042 Instagram's daily publishing limit. */
const RATE_LIMIT_SUBCODES = new Set([1390008, 2207042]);
/** 1 unknown and 2 service errors are temporary (Meta: "wait and retry"); 9007 "media not ready". */
const TRANSIENT_CODES = new Set([1, 2, 9007]);
/**
 * Instagram subcodes after which a fresh container usually works
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes):
 * 2207003 media download timed out, 2207020 container expired, 2207027 not ready to publish,
 * 2207032 / 2207053 create or upload failed (recreate), 2207052 media fetch failed,
 * 2207082 processing failed (Postiz retries it). Facebook 1363047 / 1609010 service unavailable.
 */
const TRANSIENT_SUBCODES = new Set([
  2207003, 2207020, 2207027, 2207032, 2207052, 2207053, 2207082, 1363047, 1609010,
]);

/** True for the Instagram subcodes after which a fresh container usually works. */
export function isTransientSubcode(subcode: number): boolean {
  return TRANSIENT_SUBCODES.has(subcode);
}

function isRateLimitCode(code: number): boolean {
  return RATE_LIMIT_CODES.has(code) || (code >= 80001 && code <= 80014);
}

/**
 * 200-299: a permission the user did not grant or removed; only reconnecting can grant it
 * again. Code 10 is deliberately not here: besides app-level permission problems Meta also
 * uses it for "(#10) Not enough viewers for the media to show insights", so it stays permanent.
 */
function isPermissionCode(code: number): boolean {
  return code >= 200 && code <= 299;
}

/**
 * The handling a Graph error calls for, from its subcode first (most specific), then its code,
 * then Meta's own `is_transient` flag; undefined when only the HTTP status can tell.
 */
export function graphErrorKind(
  error: GraphError,
  options: { creates?: boolean } = {},
): PlatformErrorKind | undefined {
  const { code, subcode } = error;
  if (subcode !== undefined) {
    if (AUTH_SUBCODES.has(subcode)) return 'auth';
    if (RATE_LIMIT_SUBCODES.has(subcode)) return 'rate_limited';
    if (TRANSIENT_SUBCODES.has(subcode)) return 'transient';
  }
  if (code !== undefined) {
    if (AUTH_CODES.has(code)) return 'auth';
    if (isRateLimitCode(code)) return 'rate_limited';
    if (isPermissionCode(code)) return 'auth';
    // An "unknown error" answering a create may hide a post that exists after all.
    if (code === 1 && options.creates) return 'unknown_outcome';
    if (TRANSIENT_CODES.has(code)) return 'transient';
  }
  if (error.isTransient) return options.creates ? 'unknown_outcome' : 'transient';
  if (code !== undefined || error.codeName) return 'permanent';
  return undefined;
}

/** How long to wait before retrying a throttled call: Retry-After, else Meta's usage headers. */
export function graphRetryAfterSeconds(headers: Headers, now: Date): number | undefined {
  return retryAfterSeconds(headers, now) ?? graphUsage(headers).regainAccessSeconds;
}

/**
 * The `PlatformError` for a failed Graph API response: the platform's own codes decide, the
 * HTTP status only when the body has none. The message is Meta's (user message first), so a
 * permanent failure can be shown to the user verbatim.
 */
export function mapGraphError(
  platform: Platform,
  response: PlatformResponse,
  now: Date,
  options: { creates?: boolean } = {},
): PlatformError {
  const error = parseGraphError(response.body);
  const message = error?.userMessage ?? error?.message ?? `HTTP ${response.status}`;
  const kind = error ? graphErrorKind(error, options) : undefined;
  if (!kind) return classifyStatus(platform, response, message, now, options);
  const platformCode = error?.subcode ?? error?.code ?? error?.codeName;
  return new PlatformError(kind, message, {
    status: response.status,
    platformCode: platformCode === undefined ? undefined : String(platformCode),
    retryAfterSeconds:
      kind === 'rate_limited' || kind === 'transient'
        ? graphRetryAfterSeconds(response.headers, now)
        : undefined,
  });
}
