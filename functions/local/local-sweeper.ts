import type { Logger } from '../core/ports';
import type { SweepOptions } from '../core/publishing/sweep-post-targets';
import type { SweepSummary } from '../jobs/sweep';

export interface LocalSweeperOptions {
  /** The usual period, as EventBridge runs it in AWS. */
  intervalMs: number;
  /** Never wake up more often than this (a lease that just ran out, then the next one). */
  minDelayMs?: number;
  /** The sweep's clock, against which lease expiries are told. */
  now?: () => number;
}

export interface LocalSweeper {
  /** Resolves when the sweep at start has run (tests and benchmarks wait for it). */
  readonly started: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the publishing sweep for the local runtime: once at start, because this process's
 * queue lived in memory and whatever was in it when the previous process died is lost (due
 * posts would otherwise wait for the first periodic sweep), then every `intervalMs`, and
 * also when a live claim's lease runs out, so a claim cut off by a crash is settled within
 * seconds of its lease rather than at the next period. One sweep at a time.
 */
export function startLocalSweeper(
  sweep: (options: SweepOptions) => Promise<SweepSummary>,
  logger: Logger,
  options: LocalSweeperOptions,
): LocalSweeper {
  const minDelayMs = options.minDelayMs ?? 1_000;
  const now = options.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const schedule = (summary: SweepSummary | undefined) => {
    if (stopped) return;
    const untilLease = summary?.nextLeaseExpiry ? summary.nextLeaseExpiry.getTime() - now() : Infinity;
    const delay = Math.max(minDelayMs, Math.min(options.intervalMs, untilLease));
    timer = setTimeout(() => void run({}), delay);
    timer.unref();
  };

  const run = async (sweepOptions: SweepOptions) => {
    let summary: SweepSummary | undefined;
    running = sweep(sweepOptions)
      .then((result) => {
        summary = result;
      })
      .catch((error: unknown) => logger.error('Sweep failed', { error: String(error) }));
    await running;
    running = undefined;
    schedule(summary);
  };

  const started = run({ afterRestart: true });
  return {
    started,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
