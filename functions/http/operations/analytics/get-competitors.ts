import { competitorBenchmarks } from '../../../core/analytics/competitor-benchmarks';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';

/** The organization against its tracked competitors (core/analytics/competitor-benchmarks.ts). */
export const getCompetitorAnalytics: Operation<'getCompetitorAnalytics'> = async (
  { query },
  { container, auth },
) => {
  const { current, parties } = await withTenant(container.db, auth.organizationId, (tx) =>
    competitorBenchmarks(tx, auth.organizationId, query),
  );
  const asOf = parties.reduce<Date | null>(
    (latest, party) => (party.asOf && (!latest || party.asOf > latest) ? party.asOf : latest),
    null,
  );
  return {
    body: {
      timeZone: query.timeZone,
      from: current.from,
      to: current.to,
      parties: parties.map((party) => ({
        ...party,
        topPosts: party.topPosts.map((post) => ({ ...post, publishedAt: post.publishedAt.toISOString() })),
        asOf: party.asOf?.toISOString() ?? null,
      })),
      asOf: asOf?.toISOString() ?? null,
      sources: [
        ...new Set(parties.flatMap((party) => (party.source ? party.source.split('; ') : []))),
      ].sort(),
    },
  };
};
