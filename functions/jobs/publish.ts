import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getContainer, type Container } from '../adapters/container';
import { markTargetsInFlight } from '../core/publishing/sweep-marker';
import { claimPostTarget, transitionPostTarget, type PostTarget } from '../core/publishing/post-target-transitions';
import { socialAccounts } from '../db/schema';
import { withSystem } from '../db/tenant';
import { connectorFor } from '../platforms/registry';
import type { Platform } from '../platforms/connector';
import { processRecords } from './sqs-batch';

const publishTrigger = z.object({ targetId: z.uuid(), version: z.number().int().nonnegative() });

async function announce(container: Container, target: PostTarget): Promise<void> {
  await container.realtime.broadcast(target.organizationId, {
    type: 'post-target.updated',
    data: { id: target.id, postId: target.postId, status: target.status, errorMessage: target.errorMessage },
  });
}

/**
 * Worker of the publish queue, fed by the one-time schedules (and "publish now"). A
 * delivery first claims its target; everything after the claim happens at most once.
 */
export const handler = async (event: SQSEvent, _context?: Context): Promise<SQSBatchResponse> => {
  const container = await getContainer();
  const { db, clock, logger } = container;
  return processRecords(event, logger, async (record) => {
    const parsed = publishTrigger.safeParse(JSON.parse(record.body));
    if (!parsed.success) {
      // Retrying a malformed message can never succeed; log it loudly and drop it.
      logger.error('Dropping malformed publish trigger', { messageId: record.messageId, body: record.body });
      return;
    }
    const claimed = await withSystem(db, (tx) => claimPostTarget(tx, parsed.data, clock.now()));
    if (!claimed) {
      logger.info('Publish trigger ignored: stale version, duplicate delivery or not scheduled', parsed.data);
      return;
    }
    // A claim that crashes must still be found by the sweep (it becomes `unconfirmed`).
    await markTargetsInFlight(container.kv, clock, clock.now());
    await announce(container, claimed);
    const [account] = await withSystem(db, (tx) =>
      tx.select({ platform: socialAccounts.platform }).from(socialAccounts).where(eq(socialAccounts.id, claimed.socialAccountId)),
    );
    const platform = account?.platform as Platform | undefined;
    if (!platform || !connectorFor(platform)) {
      const failed = await withSystem(db, (tx) =>
        transitionPostTarget(tx, claimed, 'publishing', 'failed', 'no connector', clock.now(), {
          errorCode: 'platform_unsupported',
          errorMessage: `This Plume build cannot publish to ${platform ?? 'this account'} yet.`,
        }),
      );
      if (failed) await announce(container, failed);
      return;
    }
    throw new Error(`Connector for ${platform} is registered but the publishing pipeline is not deployed`);
  });
};
