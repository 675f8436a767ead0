import { engagementHeatmap } from '../../../core/analytics/engagement-heatmap';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';

/** Engagement by the weekday and hour posts went out, in the viewer's zone (core/analytics/engagement-heatmap.ts). */
export const getEngagementAnalytics: Operation<'getEngagementAnalytics'> = async (
  { query },
  { container, auth },
) => {
  const cells = await withTenant(container.db, auth.organizationId, (tx) =>
    engagementHeatmap(tx, auth.organizationId, query),
  );
  return { body: { timeZone: query.timeZone, from: query.from, to: query.to, cells } };
};
