import { trends } from '../../../core/analytics/trends';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';

/** Terms and hashtags over time (core/analytics/trends.ts). */
export const getTrendAnalytics: Operation<'getTrendAnalytics'> = async ({ query }, { container, auth }) => {
  const found = await withTenant(container.db, auth.organizationId, (tx) =>
    trends(tx, auth.organizationId, query),
  );
  return {
    body: {
      timeZone: query.timeZone,
      from: found.current.from,
      to: found.current.to,
      bucket: query.bucket,
      buckets: found.buckets,
      texts: found.texts,
      terms: found.terms,
      rising: found.rising,
      asOf: container.clock.now().toISOString(),
      source: "Plume's database: published posts, mentions and tracked competitors' posts",
    },
  };
};
