import { and, eq, inArray } from 'drizzle-orm';
import type { Clock, JobQueue, KeyValue, Logger } from '../ports';
import type { Database } from '../../db/client';
import { socialAccounts } from '../../db/schema';
import { withSystem } from '../../db/tenant';
import { LISTENED_NETWORKS } from '../../platforms/mentions-reader';

/** The job type of one account's mentions read (functions/jobs/read-mentions.ts). */
export const READ_MENTIONS = 'read-mentions';

/** How often an active account's mentions are read: a crisis shows within the hour it starts. */
export const MENTIONS_EVERY_MS = 15 * 60 * 1000;
/** One per queued account, so a read still running is not queued again by the next sweep. */
const QUEUED_FOR_MS = 10 * 60 * 1000;
const NEXT_DUE = { pk: 'mentions-read', sk: 'next-due' } as const;

export interface MentionsTickDeps {
  db: Database;
  kv: KeyValue;
  queue: Pick<JobQueue, 'sendBatch'>;
  clock: Clock;
  logger: Pick<Logger, 'info'>;
}

/**
 * Queues a `read-mentions` job for each active account on a listened network whose last read
 * is 15 minutes old (or that was never read). Run by the scheduled sweep; `respectMarker` (in
 * AWS) skips the database until the next account is due (an hour when none is listened to).
 */
export async function queueDueMentionReads(
  deps: MentionsTickDeps,
  options: { respectMarker: boolean; organizationId?: string },
): Promise<{ skipped: boolean; queued: number }> {
  const now = deps.clock.now();
  if (options.respectMarker) {
    const marker = await deps.kv.get<number>(NEXT_DUE.pk, NEXT_DUE.sk);
    if (marker && marker.value > now.getTime()) return { skipped: true, queued: 0 };
  }
  const dueBefore = new Date(now.getTime() - MENTIONS_EVERY_MS);
  const rows = await withSystem(deps.db, (tx) =>
    tx
      .select({
        accountId: socialAccounts.id,
        organizationId: socialAccounts.organizationId,
        syncedAt: socialAccounts.mentionsSyncedAt,
      })
      .from(socialAccounts)
      .where(
        and(
          eq(socialAccounts.status, 'active'),
          eq(socialAccounts.isActive, true),
          inArray(socialAccounts.platform, LISTENED_NETWORKS),
          options.organizationId ? eq(socialAccounts.organizationId, options.organizationId) : undefined,
        ),
      ),
  );
  const jobs = [];
  // Without listened accounts, look again in an hour (connecting one is read within that hour);
  // otherwise when the next account falls due.
  let next = now.getTime() + (rows.length === 0 ? 4 : 1) * MENTIONS_EVERY_MS;
  for (const row of rows) {
    if (row.syncedAt && row.syncedAt >= dueBefore) {
      next = Math.min(next, row.syncedAt.getTime() + MENTIONS_EVERY_MS);
      continue;
    }
    const fresh = await deps.kv.putIfAbsent({
      pk: 'mentions-read-queued',
      sk: row.accountId,
      value: now.getTime(),
      expiresAt: Math.ceil((now.getTime() + QUEUED_FOR_MS) / 1000),
    });
    if (fresh)
      jobs.push({ type: READ_MENTIONS, organizationId: row.organizationId, accountId: row.accountId });
  }
  if (jobs.length > 0) {
    await deps.queue.sendBatch('jobs', jobs);
    deps.logger.info('Queued mentions reads', { accounts: jobs.length });
  }
  await deps.kv.put({ ...NEXT_DUE, value: next, expiresAt: Math.ceil(next / 1000) + 24 * 3600 });
  return { skipped: false, queued: jobs.length };
}
