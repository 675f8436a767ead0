import { PlatformError, type PlatformErrorDetails } from '../connector';
import { classifyStatus, retryAfterSeconds, type PlatformResponse } from '../platform-http';

interface XErrorBody {
  message?: string;
  code?: string;
  oauthError?: string;
}

/**
 * X answers errors as RFC 7807 problems (`title`, `detail`, `type`, `reason`), as
 * `{ errors: [{ message }] }`, or, from the token endpoint, as OAuth `{ error, error_description }`.
 */
function readErrorBody(body: unknown): XErrorBody {
  if (typeof body !== 'object' || body === null) {
    return typeof body === 'string' &&
      body.length > 0 &&
      body.length < 300 &&
      !body.trimStart().startsWith('<')
      ? { message: body }
      : {};
  }
  const record = body as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
  const first = Array.isArray(record.errors)
    ? (record.errors[0] as Record<string, unknown> | undefined)
    : undefined;
  const type = text(record.type);
  const problem = type && type !== 'about:blank' ? type.split('/').pop() : undefined;
  const oauthError = text(record.error);
  return {
    message:
      text(record.detail) ??
      text(first?.message) ??
      text(record.error_description) ??
      text(record.title) ??
      oauthError,
    code:
      text(record.reason) ??
      problem ??
      oauthError ??
      (first?.code !== undefined ? String(first.code) : undefined),
    oauthError: text(record.error_description) ? oauthError : undefined,
  };
}

/**
 * Seconds until X lets the account post again. A 429 may come from the 15-minute window
 * (`x-rate-limit-*`) or from the 24-hour caps (`x-user-limit-24hour-*`, `x-app-limit-24hour-*`,
 * https://docs.x.com/x-api/fundamentals/rate-limits); the exhausted one with the latest reset wins.
 */
export function twitterRetryAfter(headers: Headers, now: Date): number | undefined {
  const exhausted: number[] = [];
  for (const prefix of ['x-user-limit-24hour', 'x-app-limit-24hour', 'x-rate-limit']) {
    const reset = Number(headers.get(`${prefix}-reset`));
    if (headers.get(`${prefix}-remaining`) === '0' && reset > 0) exhausted.push(reset);
  }
  const fallback = Number(headers.get('x-rate-limit-reset'));
  const resetAt = exhausted.length > 0 ? Math.max(...exhausted) : fallback > 0 ? fallback : undefined;
  if (resetAt !== undefined) return Math.max(0, Math.ceil(resetAt - now.getTime() / 1000));
  return retryAfterSeconds(headers, now);
}

/** Maps a non-2xx X response to a `PlatformError` carrying X's own message. */
export function twitterError(
  response: PlatformResponse,
  action: string,
  now: Date,
  options: { creates?: boolean } = {},
): PlatformError {
  const { message: platformMessage, code, oauthError } = readErrorBody(response.body);
  const message = `X could not ${action}: ${platformMessage ?? `HTTP ${response.status}`}`;
  const details: PlatformErrorDetails = {
    status: response.status,
    retryAfterSeconds: twitterRetryAfter(response.headers, now),
  };
  if (code) details.platformCode = code;

  if (response.status === 429) return new PlatformError('rate_limited', message, details);
  if (response.status === 401) return new PlatformError('auth', message, details);
  // The token endpoint says a refresh token is revoked, used already or expired this way.
  if (response.status === 400 && (oauthError === 'invalid_grant' || oauthError === 'invalid_request')) {
    return new PlatformError('auth', message, details);
  }
  return new PlatformError(classifyStatus('twitter', response, message, now, options).kind, message, details);
}
