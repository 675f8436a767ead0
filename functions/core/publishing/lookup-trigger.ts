import type { JobQueue } from '../ports';
import { MAX_QUEUE_DELAY_SECONDS } from './retry-policy';

/**
 * The publish queue's second kind of message: look for the post of an `unconfirmed` target on
 * its network. It goes to the publish worker because that worker alone holds what a network
 * call needs (the decrypted tokens, the platform apps, the egress) in AWS.
 */
export interface LookupTrigger {
  targetId: string;
  lookup: true;
}

export async function requestLookups(
  queue: Pick<JobQueue, 'send'>,
  lookups: ReadonlyArray<{ targetId: string; delaySeconds: number }>,
): Promise<void> {
  for (const { targetId, delaySeconds } of lookups) {
    const body: LookupTrigger = { targetId, lookup: true };
    await queue.send('publish', body, {
      delaySeconds: Math.min(MAX_QUEUE_DELAY_SECONDS, Math.max(0, Math.ceil(delaySeconds))),
    });
  }
}
