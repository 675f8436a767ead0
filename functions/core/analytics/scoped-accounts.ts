import { and, eq, inArray, ne, type SQL } from 'drizzle-orm';
import { socialAccounts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import type { Platform } from '../../shared/platforms/catalog';
import { hasRecentPost, isStale } from './metrics-schedule';

export interface ScopedAccount {
  id: string;
  platform: Platform;
  name: string | null;
  handle: string | null;
  lastSync: Date | null;
  /** Its last good sync is older than its schedule allows (metrics-schedule.ts `isStale`). */
  stale: boolean;
}

/**
 * The organization's connected accounts an account-level answer covers (growth, audience),
 * narrowed by the query's accounts and networks, with each one's staleness at `now`.
 */
export async function scopedAccounts(
  tx: Transaction,
  organizationId: string,
  filter: { accountIds?: string[]; platforms?: Platform[] },
  now: Date,
): Promise<ScopedAccount[]> {
  const conditions: SQL[] = [
    eq(socialAccounts.organizationId, organizationId),
    ne(socialAccounts.status, 'disconnected'),
  ];
  if (filter.accountIds) conditions.push(inArray(socialAccounts.id, filter.accountIds));
  if (filter.platforms) conditions.push(inArray(socialAccounts.platform, filter.platforms));
  const rows = await tx
    .select({
      id: socialAccounts.id,
      platform: socialAccounts.platform,
      name: socialAccounts.accountName,
      handle: socialAccounts.accountHandle,
      lastSync: socialAccounts.lastSync,
      hasRecentPost: hasRecentPost(tx, now),
    })
    .from(socialAccounts)
    .where(and(...conditions))
    .orderBy(socialAccounts.createdAt, socialAccounts.id);
  return rows.map(({ hasRecentPost, ...row }) => ({
    ...row,
    stale: isStale({ lastSync: row.lastSync, hasRecentPost }, now),
  }));
}
