import { queueDueMentionReads } from '../../../functions/core/listening/mentions-tick';
import { queueWatchChecks } from '../../../functions/core/listening/watch-tick';
import type { LocalRuntime } from '../../../functions/local/runtime';

/**
 * The listening part of the scheduled work (`runScheduledWork` in functions/jobs/sweep.ts: the
 * mentions tick, then the watching agents' tick), scoped to one organization, then the jobs it
 * queued run by the runtime's real worker. Scoped because the shared test database holds other
 * files' accounts, which a test must not read or sync.
 */
export async function listeningSweep(runtime: LocalRuntime, organizationId: string): Promise<void> {
  const { db, kv, clock, logger } = runtime.container;
  const deps = { db, kv, clock, logger, queue: runtime.queue };
  await queueDueMentionReads(deps, { respectMarker: false, organizationId });
  await queueWatchChecks(deps, { organizationId });
}
