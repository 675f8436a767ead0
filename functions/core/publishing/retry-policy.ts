/** How often and how patiently a target is retried after transient or rate-limit errors. */
export interface RetryPolicy {
  /** Attempts in total (the first try included); after the last, the target fails. */
  maxAttempts: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelaySeconds: 30,
  maxDelaySeconds: 60 * 60,
};

/** SQS DelaySeconds ceiling: longer waits go through a one-time schedule instead. */
export const MAX_QUEUE_DELAY_SECONDS = 900;

/**
 * Seconds to wait before attempt `attempt + 1`: exponential with "full jitter" (AWS
 * architecture blog) so many targets hit by the same outage do not retry in lockstep, and
 * never sooner than the platform's own reset time.
 */
export function retryDelaySeconds(
  attempt: number,
  retryAfterSeconds: number | undefined,
  random: () => number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number {
  const ceiling = Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.ceil(
    policy.baseDelaySeconds / 2 + random() * (ceiling - policy.baseDelaySeconds / 2),
  );
  return Math.max(jittered, Math.ceil(retryAfterSeconds ?? 0));
}
