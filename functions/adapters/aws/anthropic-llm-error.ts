import Anthropic from '@anthropic-ai/sdk';
import { LlmError } from '../../core/ports';

/**
 * An Anthropic SDK failure as an `LlmError`. Statuses and error types are the Claude API's
 * (https://platform.claude.com/docs/en/api/errors): 429 rate_limit_error, 529 overloaded_error,
 * 500 api_error, 504 timeout_error, 401/403 authentication/permission, 402 billing, other 4xx
 * invalid_request_error, not_found_error or request_too_large.
 */
export function anthropicLlmError(error: unknown): LlmError {
  if (error instanceof LlmError) return error;
  const provider = 'anthropic' as const;
  if (error instanceof Anthropic.APIError && typeof error.status === 'number') {
    const status = error.status;
    const message = `Anthropic API ${status} ${error.type ?? ''}: ${error.apiMessage ?? error.message}`;
    const retryAfterSeconds = retryAfterSecondsOf(error.headers);
    const base = { provider, message, status, cause: error, retryAfterSeconds };
    if (status === 429) {
      // A tier's monthly spend cap also answers 429 rate_limit_error, without retry-after: it
      // lasts until the month ends, so retrying only spends the Lambda's time.
      const spendCap = error.errorCode === 'enforced_spend_limit_reached';
      return new LlmError({ ...base, kind: 'rate_limited', retryable: !spendCap });
    }
    if (status === 529) return new LlmError({ ...base, kind: 'overloaded' });
    if (status === 401 || status === 402 || status === 403) return new LlmError({ ...base, kind: 'auth' });
    if (status === 408 || status === 504) return new LlmError({ ...base, kind: 'timeout' });
    if (status >= 500) return new LlmError({ ...base, kind: 'unavailable' });
    return new LlmError({ ...base, kind: 'invalid_request' });
  }
  if (error instanceof Anthropic.APIConnectionTimeoutError) {
    return new LlmError({
      kind: 'timeout',
      provider,
      message: 'Anthropic API: request timed out',
      cause: error,
    });
  }
  if (error instanceof Anthropic.APIConnectionError) {
    return new LlmError({
      kind: 'unavailable',
      provider,
      message: `Anthropic API unreachable: ${String((error.cause as Error | undefined)?.message ?? error.message)}`,
      cause: error,
    });
  }
  // Not the API's answer (a bug, or the SDK refusing the request before sending it).
  return new LlmError({
    kind: 'invalid_request',
    provider,
    message: `Anthropic request failed: ${(error as Error)?.message ?? String(error)}`,
    cause: error,
  });
}

/** `retry-after-ms` (which the SDK also reads) or `retry-after` in seconds or as an HTTP date. */
export function retryAfterSecondsOf(headers: Headers | undefined): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms / 1000;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}
