import { followerGrowth } from '../../../core/analytics/follower-growth';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** Follower growth per account and in total (core/analytics/follower-growth.ts). */
export const getGrowthAnalytics: Operation<'getGrowthAnalytics'> = async ({ query }, { container, auth }) => {
  const growth = await withTenant(container.db, auth.organizationId, (tx) =>
    followerGrowth(tx, auth.organizationId, query, container.clock.now()),
  );
  return {
    body: {
      timeZone: query.timeZone,
      from: growth.current.from,
      to: growth.current.to,
      previousFrom: growth.previous.from,
      previousTo: growth.previous.to,
      accounts: growth.accounts.map((account) => ({
        id: account.id,
        platform: account.platform,
        name: account.name,
        handle: account.handle,
        stale: account.stale,
        lastSync: iso(account.lastSync),
        asOf: iso(account.asOf),
        source: account.source,
        current: account.current,
        previous: account.previous,
        days: account.days,
        unavailable: account.unavailable,
      })),
      total: growth.total,
      asOf: iso(growth.asOf),
      sources: growth.sources,
    },
  };
};
