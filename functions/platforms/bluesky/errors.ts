import { PlatformError, type PlatformErrorDetails } from '../connector';
import { classifyStatus, retryAfterSeconds, type PlatformResponse } from '../platform-http';

/** XRPC errors are `{ "error": "ExpiredToken", "message": "Token has expired" }` (https://atproto.com/specs/xrpc#error-responses). */
export function xrpcErrorBody(body: unknown): { error?: string; message?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  return {
    error: typeof record.error === 'string' ? record.error : undefined,
    message: typeof record.message === 'string' ? record.message : undefined,
  };
}

/**
 * PDSes rate-limit with `RateLimit-Reset` in epoch seconds (@atproto/xrpc-server
 * `setStatusHeaders`, the IETF ratelimit-headers draft 02); `Retry-After` is the fallback.
 */
export function blueskyRetryAfter(headers: Headers, now: Date): number | undefined {
  const reset = headers.get('ratelimit-reset');
  if (reset && /^\d+$/.test(reset.trim())) {
    return Math.max(0, Math.ceil(Number(reset.trim()) - now.getTime() / 1000));
  }
  return retryAfterSeconds(headers, now);
}

/**
 * Error names that mean the session or the account must be fixed by the user. An expired or
 * revoked token comes back as 400 `ExpiredToken` / `InvalidToken` (the PDS raises them as
 * InvalidRequest), not 401.
 */
const AUTH_ERRORS = new Set([
  'ExpiredToken',
  'InvalidToken',
  'AuthRequired',
  'AuthenticationRequired',
  'AuthMissing',
  'AuthFactorTokenRequired',
  'AccountTakedown',
  'AccountDeactivated',
  'AccountSuspended',
]);

/**
 * Maps a non-2xx XRPC answer to a `PlatformError`. `action` says what Plume was doing
 * ("publish the post"); the platform's own message follows it verbatim.
 */
export function blueskyError(
  response: PlatformResponse,
  action: string,
  now: Date,
  options: { creates?: boolean } = {},
): PlatformError {
  const { error, message } = xrpcErrorBody(response.body);
  const platformMessage = message ?? error ?? `HTTP ${response.status}`;
  const text = `Bluesky could not ${action}: ${platformMessage}`;
  const details: PlatformErrorDetails = {
    status: response.status,
    retryAfterSeconds: blueskyRetryAfter(response.headers, now),
  };
  if (error) details.platformCode = error;

  if (response.status === 429 || error === 'RateLimitExceeded')
    return new PlatformError('rate_limited', text, details);
  if (response.status === 401 || (error && AUTH_ERRORS.has(error)))
    return new PlatformError('auth', text, details);
  return new PlatformError(classifyStatus('bluesky', response, text, now, options).kind, text, details);
}
