import { postPerformance } from '../../../core/analytics/post-performance';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';

/** The posts table of analytics: a sorted page of published posts with their latest metrics. */
export const getPostAnalytics: Operation<'getPostAnalytics'> = async ({ query }, { container, auth }) => {
  const { rows, total } = await withTenant(container.db, auth.organizationId, (tx) =>
    postPerformance(tx, auth.organizationId, query),
  );
  return {
    body: {
      items: rows.map((row) => ({
        ...row,
        publishedAt: row.publishedAt.toISOString(),
        asOf: row.asOf?.toISOString() ?? null,
        sparkline: row.sparkline.map((point) => ({
          at: point.at.toISOString(),
          engagement: point.engagement,
        })),
      })),
      total,
      page: query.page,
      limit: query.limit,
    },
  };
};
