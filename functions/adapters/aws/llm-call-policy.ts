import { effectiveLlmTimeoutMs } from '../../config/llm-timeout';
import { LlmError, type LlmProviderName } from '../../core/ports';

/**
 * How one model call is bounded and retried, the same for the Anthropic API and Bedrock.
 *
 * Both SDKs can retry on their own, but neither fits a call that must end before its Lambda
 * does: each SDK timeout is per attempt, so attempts × timeout plus the waits can exceed the
 * budget; the Anthropic SDK waits whatever `retry-after` says, however long, and retries a
 * timed-out request; Bedrock's SDK caps a `retry-after` at its own backoff + 5 s and throttling
 * waits start at 1 s. So the SDKs' retries are off (Anthropic `maxRetries: 0`, Bedrock
 * `maxAttempts: 1`) and this loop retries instead, within one deadline for the whole call.
 */
export interface LlmCallLimits {
  /** The whole call, every attempt and wait included (LLM_TIMEOUT_MS; clamped to the ceiling). */
  timeoutMs: number;
  /** Requests per call, the first included. */
  maxAttempts: number;
  /** Wait before the first retry when the service does not say; doubles each time. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Three attempts, waits from 0.5 s doubling to at most 8 s: the Anthropic SDK's own defaults. */
export const DEFAULT_LLM_CALL_LIMITS: LlmCallLimits = {
  timeoutMs: effectiveLlmTimeoutMs(),
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
};

export function llmCallLimits(overrides: Partial<LlmCallLimits> = {}): LlmCallLimits {
  const limits = { ...DEFAULT_LLM_CALL_LIMITS, ...overrides };
  return {
    ...limits,
    timeoutMs: effectiveLlmTimeoutMs(limits.timeoutMs),
    maxAttempts: Math.max(1, limits.maxAttempts),
  };
}

/** Exponential backoff with up to 25% jitter, so clients that failed together do not retry together. */
export function backoffDelayMs(
  limits: LlmCallLimits,
  retry: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(limits.baseDelayMs * 2 ** (retry - 1), limits.maxDelayMs);
  return ceiling * (1 - random() * 0.25);
}

export interface LlmCallOutcome<T> {
  value: T;
  attempts: number;
}

/**
 * Runs `attempt` until it succeeds, fails with an error that is not retryable, runs out of
 * attempts, or the next wait would pass the deadline. Each attempt gets a signal that aborts
 * at the deadline; an attempt still running then is abandoned (kind `timeout`) even if its SDK
 * ignored the signal. Rejects with an `LlmError` carrying the number of attempts.
 */
export async function callWithinLimits<T>(
  provider: LlmProviderName,
  limits: LlmCallLimits,
  attempt: (signal: AbortSignal) => Promise<T>,
  toLlmError: (error: unknown) => LlmError,
): Promise<LlmCallOutcome<T>> {
  const deadline = performance.now() + limits.timeoutMs;
  const timedOut = (attempts: number) =>
    new LlmError({
      kind: 'timeout',
      provider,
      message: `${provider}: no answer within ${limits.timeoutMs} ms (LLM_TIMEOUT_MS), ${attempts} attempt(s)`,
      attempts,
    });
  for (let attempts = 1; ; attempts += 1) {
    const remaining = deadline - performance.now();
    if (remaining <= 0) throw timedOut(attempts - 1);
    let failure: LlmError;
    try {
      return { value: await withDeadline(remaining, attempt), attempts };
    } catch (error) {
      if (error === DEADLINE) throw timedOut(attempts);
      failure = toLlmError(error);
    }
    if (!failure.retryable || attempts >= limits.maxAttempts) throw failure.withAttempts(attempts);
    const waitMs =
      failure.retryAfterSeconds !== undefined
        ? failure.retryAfterSeconds * 1000
        : backoffDelayMs(limits, attempts);
    // A wait that ends past the deadline cannot lead to an answer: say why now, and let the
    // caller (the queue's redelivery) come back later.
    if (performance.now() + waitMs >= deadline) throw failure.withAttempts(attempts);
    await sleep(waitMs);
  }
}

const DEADLINE = Symbol('deadline');

async function withDeadline<T>(ms: number, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(DEADLINE);
    }, ms);
  });
  try {
    return await Promise.race([attempt(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
