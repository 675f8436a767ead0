import type { SubscriptionPlan } from '../../db/schema/organizations';

const GIB = 1024 * 1024 * 1024;

/**
 * Media storage included in each plan. Billing (a later milestone) may move these into the
 * plan catalogue; until then they live here, next to the only code that reads them.
 */
export const MEDIA_STORAGE_QUOTA_BYTES: Readonly<Record<SubscriptionPlan, number>> = {
  free: 2 * GIB,
  starter: 20 * GIB,
  pro: 100 * GIB,
  business: 500 * GIB,
  enterprise: 2048 * GIB,
};
