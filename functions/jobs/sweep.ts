import { getContainer } from '../adapters/container';
import { sweepPostTargets, type SweepResult } from '../core/publishing/sweep-post-targets';
import { withSystem } from '../db/tenant';

/** Runs every 5 minutes (an EventBridge schedule in AWS, a timer locally). */
export const handler = async (): Promise<Omit<SweepResult, 'refire'> & { refired: number }> => {
  const { db, clock, queue, logger } = await getContainer();
  const result = await withSystem(db, (tx) => sweepPostTargets(tx, clock.now()));
  // Re-firing goes through the publish queue, so the claim still guards against duplicates.
  if (result.refire.length > 0) await queue.sendBatch('publish', result.refire);
  const summary = { refired: result.refire.length, missed: result.missed, unconfirmed: result.unconfirmed };
  if (summary.refired + summary.missed + summary.unconfirmed > 0) logger.warn('Sweep corrected post targets', summary);
  return summary;
};
