import { PlatformError, type PlatformErrorKind } from '../connector';
import { classifyStatus, retryAfterSeconds, type PlatformResponse } from '../platform-http';

/**
 * TikTok answers `{ data, error: { code, message, log_id } }` with `code: "ok"` on success; the
 * OAuth token endpoint answers `{ error: "invalid_grant", error_description, log_id }` instead.
 * https://developers.tiktok.com/doc/tiktok-api-v2-error-handling
 */
export interface TikTokEnvelope<T> {
  data?: T;
  error?: { code?: string; message?: string; log_id?: string } | string;
  error_description?: string;
  log_id?: string;
}

const AUTH_CODES = new Set([
  'access_token_invalid',
  'scope_not_authorized',
  'scope_permission_missed',
  'invalid_grant',
]);
/** Daily caps that lift by themselves: the creator's post cap, the unaudited app's user cap, pending inbox shares. */
const CAP_CODES = new Set([
  'spam_risk_too_many_posts',
  'reached_active_user_cap',
  'spam_risk_too_many_pending_share',
]);
const CAP_RETRY_SECONDS = 3600;
const RATE_RETRY_SECONDS = 60;

export function errorCode(envelope: TikTokEnvelope<unknown> | undefined): string | undefined {
  const error = envelope?.error;
  return typeof error === 'string' ? error : error?.code;
}

function errorText(envelope: TikTokEnvelope<unknown> | undefined): { message?: string; logId?: string } {
  const error = envelope?.error;
  if (typeof error === 'string')
    return { message: envelope?.error_description ?? error, logId: envelope?.log_id };
  return { message: error?.message || error?.code, logId: error?.log_id ?? envelope?.log_id };
}

function kindFor(code: string | undefined): PlatformErrorKind | undefined {
  if (!code) return undefined;
  if (AUTH_CODES.has(code)) return 'auth';
  if (code === 'rate_limit_exceeded' || CAP_CODES.has(code)) return 'rate_limited';
  return undefined;
}

/** Maps a TikTok answer that is not `ok` to a PlatformError with TikTok's own code and message. */
export function tiktokError(
  response: PlatformResponse,
  envelope: TikTokEnvelope<unknown> | undefined,
  action: string,
  now: Date,
  options: { creates?: boolean } = {},
): PlatformError {
  const code = errorCode(envelope);
  const { message: detail, logId } = errorText(envelope);
  const message = `TikTok: ${action} failed${detail ? `: ${detail}` : ` (HTTP ${response.status})`}${logId ? ` [log_id ${logId}]` : ''}`;
  const headerRetry = retryAfterSeconds(response.headers, now);
  const details = { status: response.status, platformCode: code, retryAfterSeconds: headerRetry };
  const kind = kindFor(code);
  if (kind === 'rate_limited') {
    const fallback = code && CAP_CODES.has(code) ? CAP_RETRY_SECONDS : RATE_RETRY_SECONDS;
    return new PlatformError('rate_limited', message, {
      ...details,
      retryAfterSeconds: headerRetry ?? fallback,
    });
  }
  if (kind) return new PlatformError(kind, message, details);
  if (response.status >= 200 && response.status < 300)
    return new PlatformError('permanent', message, details);
  const classified = classifyStatus('tiktok', response, message, now, options);
  return new PlatformError(classified.kind, message, { ...classified.details, platformCode: code });
}

/** Why a post ended FAILED (`fail_reason` of the status endpoint), in words a creator can act on. */
const FAIL_REASONS: Record<string, { kind: PlatformErrorKind; text: string }> = {
  file_format_check_failed: { kind: 'permanent', text: 'TikTok does not accept this video format' },
  duration_check_failed: { kind: 'permanent', text: 'the video is too long or too short for this creator' },
  frame_rate_check_failed: { kind: 'permanent', text: 'the video frame rate must be between 23 and 60 FPS' },
  picture_size_check_failed: { kind: 'permanent', text: 'the picture size is not supported (at most 1080p)' },
  video_pull_failed: { kind: 'permanent', text: 'TikTok could not download the video' },
  photo_pull_failed: {
    kind: 'permanent',
    text: 'TikTok could not download the photos (is the URL prefix verified?)',
  },
  publish_cancelled: { kind: 'permanent', text: 'the post was cancelled' },
  auth_removed: { kind: 'auth', text: 'the creator removed Plume’s access' },
  spam_risk_too_many_posts: { kind: 'rate_limited', text: 'the creator reached TikTok’s daily post limit' },
  spam_risk_user_banned_from_posting: { kind: 'permanent', text: 'the creator is banned from posting' },
  spam_risk_text: { kind: 'permanent', text: 'TikTok flagged the caption as spam' },
  spam_risk: { kind: 'permanent', text: 'TikTok flagged the post as spam' },
  internal: { kind: 'transient', text: 'TikTok had an internal error' },
};

export function failReasonError(reason: string | undefined, publishId: string): PlatformError {
  const known = reason ? FAIL_REASONS[reason] : undefined;
  const kind = known?.kind ?? 'permanent';
  const message = `TikTok did not publish the post: ${known?.text ?? reason ?? 'no reason given'} (publish_id ${publishId})`;
  return new PlatformError(kind, message, {
    platformCode: reason,
    retryAfterSeconds: kind === 'rate_limited' ? CAP_RETRY_SECONDS : undefined,
  });
}
