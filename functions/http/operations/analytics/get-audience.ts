import { audienceAnalytics } from '../../../core/analytics/audience';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** Demographics and engagement by followers per account (core/analytics/audience.ts). */
export const getAudienceAnalytics: Operation<'getAudienceAnalytics'> = async (
  { query },
  { container, auth },
) => {
  const audience = await withTenant(container.db, auth.organizationId, (tx) =>
    audienceAnalytics(tx, auth.organizationId, query, container.clock.now()),
  );
  return {
    body: {
      timeZone: query.timeZone,
      from: audience.current.from,
      to: audience.current.to,
      accounts: audience.accounts.map((account) => ({
        id: account.id,
        platform: account.platform,
        name: account.name,
        handle: account.handle,
        stale: account.stale,
        lastSync: iso(account.lastSync),
        asOf: iso(account.asOf),
        source: account.source,
        followers: account.followers,
        demographics: account.demographics,
        engagement: account.engagement,
        engagementRateByFollowers: account.engagementRateByFollowers,
        unavailable: account.unavailable as Record<string, string>,
      })),
      asOf: iso(audience.asOf),
      sources: audience.sources,
    },
  };
};
