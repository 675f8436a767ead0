import { createAreaHandler } from '../area-handler';
import { analyticsContracts } from '../../shared/contracts/analytics';
import { getAnalyticsOverview } from '../operations/analytics/get-overview';
import { getPostAnalytics } from '../operations/analytics/get-post-analytics';

// Built so far: the overview and the posts table; the other analytics routes answer 501
// problem+json naming themselves.
export const handler = createAreaHandler('analytics', analyticsContracts, {
  getAnalyticsOverview,
  getPostAnalytics,
});
