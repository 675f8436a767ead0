import { analyticsOverview, OVERVIEW_METRICS } from '../../../core/analytics/overview';
import { scopedAccounts } from '../../../core/analytics/scoped-accounts';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';

const FIGURES = [...OVERVIEW_METRICS, 'engagement', 'engagementRate', 'posts'] as const;

/** Percent change from `before` to `now`; null where either is missing or `before` is 0. */
function percentChange(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return Math.round(((now - before) / before) * 10_000) / 100;
}

/** The organization's headline figures for the viewer's days (core/analytics/overview.ts). */
export const getAnalyticsOverview: Operation<'getAnalyticsOverview'> = async (
  { query },
  { container, auth },
) => {
  const { overview, accounts } = await withTenant(container.db, auth.organizationId, async (tx) => ({
    overview: await analyticsOverview(tx, auth.organizationId, query),
    accounts: await scopedAccounts(tx, auth.organizationId, query, container.clock.now()),
  }));
  const period = (p: typeof overview.current) => ({
    from: p.from,
    to: p.to,
    start: p.start.toISOString(),
    end: p.end.toISOString(),
    posts: p.posts,
    ...p.figures,
    unavailable: p.unavailable,
    days: p.days,
  });
  const current = period(overview.current);
  const previous = period(overview.previous);
  return {
    body: {
      timeZone: query.timeZone,
      current,
      previous,
      change: Object.fromEntries(FIGURES.map((name) => [name, percentChange(current[name], previous[name])])),
      asOf: overview.asOf?.toISOString() ?? null,
      sources: overview.sources,
      staleAccounts: accounts
        .filter((account) => account.stale)
        .map(({ id, platform, name, lastSync }) => ({
          id,
          platform,
          name,
          lastSync: lastSync?.toISOString() ?? null,
        })),
    },
  };
};
