import { describe, expect, it } from 'vitest';
import { QUEUE_SETTINGS } from '../../../lib/queue-settings';
import { claimLeaseMs, publishTimeoutOf } from '../../../functions/core/publishing/claim-lease';
import { PLATFORM_IDS } from '../../../functions/platforms/connector';
import { PUBLISH_BOUNDS } from '../../../functions/platforms/publish-bounds';

describe('claim lease', () => {
  it('fits every network’s publish bound inside the publish worker’s Lambda timeout', () => {
    // The publisher must give up on a call, and record that, before Lambda kills it: otherwise
    // a live claim could outlast its lease and the sweep would act on a call still running.
    const lambdaMs = QUEUE_SETTINGS.publish.consumerTimeout.toMilliseconds();
    for (const platform of PLATFORM_IDS) {
      expect(claimLeaseMs(PUBLISH_BOUNDS[platform]), platform).toBeLessThanOrEqual(lambdaMs);
      expect(publishTimeoutOf(PUBLISH_BOUNDS[platform]), platform).toBeGreaterThanOrEqual(20_000);
    }
  });
});
