import type { Clock } from '../../core/ports';
import { PlatformError, type Platform } from '../connector';
import type { Polling } from './polling';

/**
 * Instagram and Threads publish in two steps: create a media container (invisible), wait
 * until Meta has fetched and processed the media, then publish it. A container moves
 * IN_PROGRESS -> FINISHED -> PUBLISHED, or ends in ERROR or EXPIRED (not published within
 * 24 hours). Because a container can be published only once, retrying the publish call with
 * the same container id can never post twice; retrying with a new container can.
 */
export interface ContainerStatus {
  state: string;
  /** Why processing failed: Instagram's `status` text, Threads' `error_message`. */
  detail?: string;
}

export interface ContainerFlow {
  platform: Platform;
  clock: Clock;
  polling: Polling;
  readStatus(containerId: string): Promise<ContainerStatus>;
  /** How to handle a container that ended in ERROR, from its detail. */
  failureKind(detail: string | undefined): 'transient' | 'permanent';
  /** The user-facing message for a container in ERROR. */
  failureMessage(detail: string | undefined): string;
}

/** Waits (through the injected sleep) until the container is FINISHED; throws otherwise. */
export async function waitUntilFinished(flow: ContainerFlow, containerId: string): Promise<void> {
  const deadline = flow.clock.now().getTime() + flow.polling.maxWaitMs;
  for (;;) {
    const { state, detail } = await flow.readStatus(containerId);
    if (state === 'FINISHED' || state === 'PUBLISHED') return;
    if (state === 'ERROR') {
      const code = detail?.match(/\b\d{4,}\b/)?.[0];
      throw new PlatformError(flow.failureKind(detail), flow.failureMessage(detail), {
        platformCode: code ?? detail,
      });
    }
    if (state === 'EXPIRED') {
      // Nothing was published: a retry creates a fresh container.
      throw new PlatformError(
        'transient',
        `${flow.platform}: the media container expired before it was published`,
        {
          platformCode: 'EXPIRED',
        },
      );
    }
    if (flow.clock.now().getTime() >= deadline) {
      throw new PlatformError(
        'transient',
        `${flow.platform}: the media was still processing after ${Math.round(flow.polling.maxWaitMs / 1000)} s`,
      );
    }
    await flow.polling.sleep(flow.polling.intervalMs);
  }
}

const PUBLISH_ATTEMPTS = 3;

/**
 * Publishes a FINISHED container. When the call fails without a clear refusal (timeout, 5xx,
 * "not ready"), the container's status tells what happened: still FINISHED means nothing was
 * published, so the same container is tried again; PUBLISHED means the post is live although
 * its id was lost, which must never be retried.
 */
export async function publishContainer(
  flow: ContainerFlow,
  containerId: string,
  publish: () => Promise<string>,
): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await publish();
    } catch (error) {
      if (!(error instanceof PlatformError) || error.kind === 'auth' || error.kind === 'permanent')
        throw error;
      let state: string;
      try {
        state = (await flow.readStatus(containerId)).state;
      } catch {
        throw error;
      }
      if (state === 'PUBLISHED') {
        throw new PlatformError(
          'unknown_outcome',
          `${flow.platform}: the post was published but Meta did not return its id; check the account before posting again`,
          error.details,
        );
      }
      if (state !== 'FINISHED' || error.kind === 'rate_limited' || attempt >= PUBLISH_ATTEMPTS) throw error;
      await flow.polling.sleep(flow.polling.intervalMs);
    }
  }
}
