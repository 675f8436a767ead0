import { BedrockRuntimeServiceException } from '@aws-sdk/client-bedrock-runtime';
import { LlmError, type LlmErrorKind } from '../../core/ports';

/**
 * Converse's errors (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html#API_runtime_Converse_Errors)
 * by the code the AWS protocol carries (`x-amzn-ErrorType`), which the SDK makes the error's name.
 */
const KIND_BY_CODE: Readonly<Record<string, { kind: LlmErrorKind; retryable?: boolean }>> = {
  ThrottlingException: { kind: 'rate_limited' },
  // An account quota (tokens per day, say): waiting seconds does not help.
  ServiceQuotaExceededException: { kind: 'rate_limited', retryable: false },
  ServiceUnavailableException: { kind: 'unavailable' },
  InternalServerException: { kind: 'unavailable' },
  // The model is being loaded: Bedrock asks to retry (the SDK marks it $retryable).
  ModelNotReadyException: { kind: 'unavailable' },
  // The model failed on this input (424): the same request fails again.
  ModelErrorException: { kind: 'unavailable', retryable: false },
  ModelTimeoutException: { kind: 'timeout' },
  ValidationException: { kind: 'invalid_request' },
  ResourceNotFoundException: { kind: 'invalid_request' },
  AccessDeniedException: { kind: 'auth' },
  UnrecognizedClientException: { kind: 'auth' },
  ExpiredTokenException: { kind: 'auth' },
};

/** A Bedrock Runtime SDK failure as an `LlmError`. */
export function bedrockLlmError(error: unknown): LlmError {
  if (error instanceof LlmError) return error;
  const provider = 'bedrock' as const;
  if (error instanceof BedrockRuntimeServiceException || hasAwsMetadata(error)) {
    const status = error.$metadata?.httpStatusCode;
    const known = KIND_BY_CODE[error.name];
    const kind: LlmErrorKind =
      known?.kind ??
      (status === 429
        ? 'rate_limited'
        : status !== undefined && status >= 500
          ? 'unavailable'
          : 'invalid_request');
    return new LlmError({
      kind,
      provider,
      message: `Bedrock ${status ?? ''} ${error.name}: ${error.message}`,
      ...(known?.retryable !== undefined ? { retryable: known.retryable } : {}),
      retryAfterSeconds: retryAfterSeconds(error.$response?.headers),
      ...(status !== undefined ? { status } : {}),
      cause: error,
    });
  }
  // No response at all: refused connection, reset, DNS.
  const message = (error as Error)?.message ?? String(error);
  return new LlmError({
    kind: 'unavailable',
    provider,
    message: `Bedrock unreachable: ${message}`,
    cause: error,
  });
}

interface AwsLikeError extends Error {
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string> };
}

function hasAwsMetadata(error: unknown): error is AwsLikeError {
  return (
    error instanceof Error &&
    '$metadata' in error &&
    (error as AwsLikeError).$metadata?.httpStatusCode !== undefined
  );
}

/** Bedrock does not document one, but honour `retry-after` (seconds) if a response carries it. */
function retryAfterSeconds(headers: Record<string, string> | undefined): number | undefined {
  if (!headers) return undefined;
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after');
  const seconds = entry ? Number.parseFloat(entry[1]) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
