import { createAreaHandler } from '../area-handler';
import { analyticsContracts } from '../../shared/contracts/analytics';
import { getAnalyticsOverview } from '../operations/analytics/get-overview';

// The overview is built; the other analytics routes answer 501 problem+json naming themselves.
export const handler = createAreaHandler('analytics', analyticsContracts, { getAnalyticsOverview });
