/**
 * How a connector waits for Meta to process media. Tests inject `sleep` (usually one that
 * advances a manual clock) so nothing really waits; deadlines are read from `context.clock`.
 */
export interface MetaPollingOptions {
  sleep?: (ms: number) => Promise<void>;
  /** Pause between two status reads. */
  pollIntervalMs?: number;
  /**
   * Longest wait for one container. The publish worker's Lambda runs for 3 minutes
   * (lib/queue-settings.ts), so the default leaves room for the other calls; raise both together.
   */
  maxProcessingMs?: number;
}

export interface Polling {
  sleep: (ms: number) => Promise<void>;
  intervalMs: number;
  maxWaitMs: number;
}

export const DEFAULT_POLL_INTERVAL_MS = 3_000;
export const DEFAULT_MAX_PROCESSING_MS = 120_000;

export function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function pollingFrom(options: MetaPollingOptions = {}): Polling {
  return {
    sleep: options.sleep ?? realSleep,
    intervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    maxWaitMs: options.maxProcessingMs ?? DEFAULT_MAX_PROCESSING_MS,
  };
}
