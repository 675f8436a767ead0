import { analyticsOverview } from '../../../functions/core/analytics/overview';
import { engagementHeatmap } from '../../../functions/core/analytics/engagement-heatmap';
import { postPerformance } from '../../../functions/core/analytics/post-performance';
import { createDatabase } from '../../../functions/db/client';
import { withTenant } from '../../../functions/db/tenant';

/** One query plan PostgreSQL chose, as auto_explain printed it after running the query. */
export interface QueryPlan {
  read: string;
  plan: string;
}

export interface AnalyticsRange {
  from: string;
  to: string;
  timeZone: string;
}

/**
 * The plans of the analytics reads, taken the way production runs them: the same core
 * use-cases inside a tenant transaction (row-level security on), on a connection that loads
 * auto_explain and sends each plan back as a NOTICE (EXPLAIN ANALYZE, BUFFERS). Needs a
 * superuser connection (the bench's own PostgreSQL), which session_preload_libraries requires.
 */
export async function analyticsPlans(
  databaseUrl: string,
  organizationId: string,
  range: AnalyticsRange,
): Promise<QueryPlan[]> {
  const url = new URL(databaseUrl);
  for (const [name, value] of Object.entries({
    session_preload_libraries: 'auto_explain',
    'auto_explain.log_min_duration': '0',
    'auto_explain.log_analyze': 'on',
    'auto_explain.log_buffers': 'on',
    'auto_explain.log_timing': 'on',
    'auto_explain.log_level': 'notice',
  }))
    url.searchParams.set(name, value);
  let notices: string[] = [];
  const handle = await createDatabase({
    url: url.toString(),
    max: 1,
    onNotice: (notice) => notices.push(String(notice.message ?? '')),
  });
  const plans: QueryPlan[] = [];
  const capture = async (read: string, run: () => Promise<unknown>) => {
    await run(); // warm the caches and the plan cache first, as a running server has them
    notices = [];
    await run();
    // Keep the plans of the use-case's reads, not of the tenant switch's set_config calls.
    for (const message of notices.filter((m) => m.includes('analytics') || m.includes('post_platforms')))
      plans.push({ read, plan: message.replace(/^duration: [\d.]+ ms\s+plan:\s*/s, '') });
  };
  try {
    const query = { ...range };
    await capture('overview', () =>
      withTenant(handle.db, organizationId, (tx) => analyticsOverview(tx, organizationId, query)),
    );
    await capture('posts (page of 50 by engagement)', () =>
      withTenant(handle.db, organizationId, (tx) =>
        postPerformance(tx, organizationId, { ...query, sort: 'engagement', order: 'desc', page: 1, limit: 50 }),
      ),
    );
    await capture('heatmap', () =>
      withTenant(handle.db, organizationId, (tx) => engagementHeatmap(tx, organizationId, query)),
    );
  } finally {
    await handle.close();
  }
  return plans;
}
