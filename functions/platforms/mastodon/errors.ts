import { PlatformError, type PlatformErrorDetails } from '../connector';
import { classifyStatus, retryAfterSeconds, type PlatformResponse } from '../platform-http';

/**
 * Mastodon answers errors as `{ "error": "..." }` (REST) or `{ "error": "invalid_grant",
 * "error_description": "..." }` (OAuth) (https://docs.joinmastodon.org/entities/Error/).
 */
function errorBody(body: unknown): { error?: string; description?: string } {
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    return {
      error: typeof record.error === 'string' ? record.error : undefined,
      description: typeof record.error_description === 'string' ? record.error_description : undefined,
    };
  }
  return typeof body === 'string' && body.length > 0 && body.length < 300 && !body.trimStart().startsWith('<')
    ? { error: body }
    : {};
}

/**
 * `X-RateLimit-Reset` is an ISO 8601 timestamp on Mastodon
 * (https://docs.joinmastodon.org/api/rate-limits/); some servers send epoch seconds.
 */
export function mastodonRetryAfter(headers: Headers, now: Date): number | undefined {
  const reset = headers.get('x-ratelimit-reset');
  if (reset) {
    const trimmed = reset.trim();
    const at = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
  }
  return retryAfterSeconds(headers, now);
}

/** 403 answers that mean the account or token must be fixed by the user, not the post. */
const ACCOUNT_PROBLEM = /scope|token|login|account|suspend|disabled|confirm|approval/i;

/**
 * Maps a non-2xx Mastodon response to a `PlatformError`. `action` says what Plume was doing
 * ("publish the post"); the platform's own message follows it verbatim.
 */
export function mastodonError(
  response: PlatformResponse,
  action: string,
  now: Date,
  options: { creates?: boolean } = {},
): PlatformError {
  const { error, description } = errorBody(response.body);
  const platformMessage = description ?? error ?? `HTTP ${response.status}`;
  const message = `Mastodon could not ${action}: ${platformMessage}`;
  const details: PlatformErrorDetails = {
    status: response.status,
    retryAfterSeconds: mastodonRetryAfter(response.headers, now),
  };
  // OAuth error codes are stable identifiers; REST errors are sentences.
  if (error && description) details.platformCode = error;

  if (response.status === 429) return new PlatformError('rate_limited', message, details);
  if (response.status === 401) return new PlatformError('auth', message, details);
  if (response.status === 403 && ACCOUNT_PROBLEM.test(platformMessage))
    return new PlatformError('auth', message, details);
  if (response.status === 400 && error === 'invalid_grant')
    return new PlatformError('auth', message, details);
  return new PlatformError(
    classifyStatus('mastodon', response, message, now, options).kind,
    message,
    details,
  );
}
