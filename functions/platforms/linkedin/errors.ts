import { PlatformError } from '../connector';
import { classifyStatus, retryAfterSeconds, type PlatformResponse } from '../platform-http';

/**
 * LinkedIn's REST error body, e.g.
 * `{"status":401,"serviceErrorCode":65601,"code":"REVOKED_ACCESS_TOKEN","message":"..."}`.
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling
 */
export interface LinkedInErrorBody {
  status?: number;
  serviceErrorCode?: number;
  code?: string;
  message?: string;
  /** OAuth endpoints answer `{ error, error_description }` instead. */
  error?: string;
  error_description?: string;
}

/** Token problems: 65600 invalid, 65601 revoked, 65602 expired (serviceErrorCode). */
const AUTH_CODES = new Set(['INVALID_ACCESS_TOKEN', 'REVOKED_ACCESS_TOKEN', 'EXPIRED_ACCESS_TOKEN']);
const AUTH_SERVICE_CODES = new Set([65600, 65601, 65602]);

function asErrorBody(body: unknown): LinkedInErrorBody {
  return typeof body === 'object' && body !== null ? (body as LinkedInErrorBody) : {};
}

/** Maps a non-2xx LinkedIn answer to a PlatformError, keeping LinkedIn's own message. */
export function linkedinError(
  response: PlatformResponse,
  action: string,
  now: Date,
  options: { creates?: boolean } = {},
): PlatformError {
  const body = asErrorBody(response.body);
  const detail =
    body.message ??
    body.error_description ??
    body.error ??
    (typeof response.body === 'string' ? response.body : '');
  const message = `LinkedIn: ${action} failed (HTTP ${response.status})${detail ? `: ${detail}` : ''}`;
  const platformCode =
    body.code ?? body.error ?? (body.serviceErrorCode ? String(body.serviceErrorCode) : undefined);
  const details = {
    status: response.status,
    platformCode,
    retryAfterSeconds: retryAfterSeconds(response.headers, now),
  };

  if (
    (body.code && AUTH_CODES.has(body.code)) ||
    (body.serviceErrorCode && AUTH_SERVICE_CODES.has(body.serviceErrorCode))
  ) {
    return new PlatformError('auth', message, details);
  }
  // An expired or revoked refresh token (or authorization code) can only be fixed by reconnecting.
  if (body.error === 'invalid_grant') return new PlatformError('auth', message, details);
  if (response.status === 401) return new PlatformError('auth', message, details);
  if (response.status === 429) return new PlatformError('rate_limited', message, details);
  const classified = classifyStatus('linkedin', response, message, now, options);
  return new PlatformError(classified.kind, message, { ...classified.details, platformCode });
}
