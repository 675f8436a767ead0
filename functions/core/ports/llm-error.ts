/**
 * Why a model call failed, in the same words for every provider, so a caller (an agent's
 * worker) decides what to do from `kind` and `retryable` without knowing the SDK behind it.
 */
export type LlmErrorKind =
  /** 429: the account's rate limit (requests or tokens per minute), or a spend cap. */
  | 'rate_limited'
  /** 529 on the Anthropic API: busy for everyone, not a limit of this account. */
  | 'overloaded'
  /** No answer within LLM_TIMEOUT_MS (all attempts included), or the model's own time limit. */
  | 'timeout'
  /** 400/404/413: the request itself is wrong; sending it again gives the same answer. */
  | 'invalid_request'
  /** 401/402/403, or the API key could not be read: an operator has to act. */
  | 'auth'
  /** 5xx or no connection: the service is down or unreachable right now. */
  | 'unavailable'
  /** A structured request answered without the forced tool call. */
  | 'no_structured_output'
  /** A structured request cut at max_tokens: its JSON would be incomplete. */
  | 'max_tokens';

export type LlmProviderName = 'anthropic' | 'bedrock' | 'offline';

/** Kinds that may succeed when the same request is sent again a little later. */
const RETRYABLE_KINDS: ReadonlySet<LlmErrorKind> = new Set(['rate_limited', 'overloaded', 'unavailable']);

export interface LlmErrorInit {
  kind: LlmErrorKind;
  provider: LlmProviderName;
  message: string;
  /** Defaults from the kind; a 429 for a spend cap says false (it lasts until the next month). */
  retryable?: boolean;
  /** What the service asked for (`retry-after`), when it said. */
  retryAfterSeconds?: number;
  /** The HTTP status, when there was a response. */
  status?: number;
  /** Requests sent for this call, retries included. */
  attempts?: number;
  cause?: unknown;
}

/** The one error type `Llm.complete` rejects with. */
export class LlmError extends Error {
  override readonly name = 'LlmError';
  readonly kind: LlmErrorKind;
  readonly provider: LlmProviderName;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly status: number | undefined;
  readonly attempts: number | undefined;

  constructor(init: LlmErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.provider = init.provider;
    this.retryable = init.retryable ?? RETRYABLE_KINDS.has(init.kind);
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.status = init.status;
    this.attempts = init.attempts;
  }

  /** The same failure, saying how many requests the call sent. */
  withAttempts(attempts: number): LlmError {
    return new LlmError({
      kind: this.kind,
      provider: this.provider,
      message: this.message,
      retryable: this.retryable,
      retryAfterSeconds: this.retryAfterSeconds,
      status: this.status,
      attempts,
      cause: this.cause,
    });
  }
}
