import { AsyncLocalStorage } from 'node:async_hooks';
import { PlatformError } from './connector';

/** The deadline of the platform call this code runs in, if any (see `withCallDeadline`). */
const deadlines = new AsyncLocalStorage<AbortSignal>();

/**
 * `init` with the current call's deadline added to its signal, so every request a connector
 * makes inside `withCallDeadline` is cut off when the deadline passes. The registry's fetch
 * applies it to every connector.
 */
export function withDeadlineSignal(init: RequestInit | undefined): RequestInit | undefined {
  const deadline = deadlines.getStore();
  if (!deadline) return init;
  const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
  return { ...init, signal };
}

export interface CallDeadlineOptions {
  /** Time given to the call, after its requests are aborted, to report what it knows. */
  graceMs?: number;
  /** What to say when the call does not answer at all. */
  description: string;
  /** Receives a result that arrives after the deadline was declared (the call did finish). */
  onLateResult?: (result: unknown) => void;
}

export const DEADLINE_GRACE_MS = 2_000;

/**
 * Runs a platform call with a hard deadline. When it passes, the call's HTTP requests are
 * aborted; if the call then reports an error within the grace period that error stands (a
 * connector knows whether anything was created), else the outcome is unknown. A call that
 * completes later hands its result to `onLateResult`, so a live post is still recorded.
 */
export async function withCallDeadline<T>(
  ms: number,
  call: () => Promise<T>,
  options: CallDeadlineOptions,
): Promise<T> {
  const controller = new AbortController();
  const work = deadlines.run(controller.signal, call);
  let timer: NodeJS.Timeout | undefined;
  let declaredLate = false;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError'));
      timer = setTimeout(() => {
        declaredLate = true;
        reject(
          new PlatformError(
            'unknown_outcome',
            `${options.description}: no answer within ${Math.round(ms / 1000)} s; the post may or may not exist`,
          ),
        );
      }, options.graceMs ?? DEADLINE_GRACE_MS);
    }, ms);
  });
  work.then(
    (result) => {
      if (declaredLate) options.onLateResult?.(result);
    },
    () => undefined,
  );
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
