import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { audienceInsights, postPlatforms, posts, socialAccounts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import {
  AUDIENCE_DIMENSIONS,
  type AudienceDemographics,
  type UnavailableAudience,
} from '../../shared/analytics/account-metrics';
import { accountEngagementRateOf } from '../../shared/analytics/definitions';
import { platformProfile } from '../../shared/platforms/catalog';
import { followerGrowth, type GrowthFilter } from './follower-growth';
import { ENGAGEMENT, LATEST_SNAPSHOT, publishedTargets } from './latest-snapshot';
import type { Period } from './period';
import type { ScopedAccount } from './scoped-accounts';

export interface AccountAudience extends ScopedAccount {
  /** Followers at the end of the range (the last reading in it). */
  followers: number | null;
  /** Shares 0..1 by dimension, from the latest audience reading in the range. */
  demographics: AudienceDemographics;
  /** Why each dimension (and followers, engagement rate) is null. */
  unavailable: UnavailableAudience & { followers?: string; engagementRateByFollowers?: string };
  /** Engagement of the account's posts published in the range (latest metrics of each). */
  engagement: number | null;
  engagementRateByFollowers: number | null;
  asOf: Date | null;
  source: string | null;
}

export interface AudienceAnswer {
  current: Period;
  accounts: AccountAudience[];
  asOf: Date | null;
  sources: string[];
}

const NOT_READ = 'No audience reading was synced for this account in this range yet.';
const NO_ENGAGEMENT = 'No post of this account published in the range has engagement synced yet.';

/**
 * Who follows each account (the latest demographics read within the range, as shares) and how
 * much its followers engage: the engagement of its posts published in the range / its followers
 * at the end of the range x 100 (DEFINITIONS.accountEngagementRateByFollowers).
 */
export async function audienceAnalytics(
  tx: Transaction,
  organizationId: string,
  filter: GrowthFilter,
  now: Date,
): Promise<AudienceAnswer> {
  const growth = await followerGrowth(tx, organizationId, filter, now);
  const { current } = growth;
  const ids = growth.accounts.map((a) => a.id);
  // Audience rows are per UTC day: every UTC day the viewer's range touches.
  const firstDay = current.start.toISOString().slice(0, 10);
  const lastDay = new Date(current.end.getTime() - 1).toISOString().slice(0, 10);
  const readings =
    ids.length === 0
      ? []
      : await tx
          .selectDistinctOn([audienceInsights.socialAccountId], {
            accountId: audienceInsights.socialAccountId,
            demographics: audienceInsights.demographics,
            unavailable: audienceInsights.unavailable,
            source: audienceInsights.source,
            createdAt: audienceInsights.createdAt,
            analysisDate: audienceInsights.analysisDate,
          })
          .from(audienceInsights)
          .where(
            and(
              eq(audienceInsights.organizationId, organizationId),
              inArray(audienceInsights.socialAccountId, ids),
              gte(audienceInsights.analysisDate, firstDay),
              lte(audienceInsights.analysisDate, lastDay),
            ),
          )
          .orderBy(audienceInsights.socialAccountId, desc(audienceInsights.analysisDate));
  const engagementRows =
    ids.length === 0
      ? []
      : await tx
          .select({
            accountId: postPlatforms.socialAccountId,
            engagement: sql<number | null>`sum(${ENGAGEMENT})`.mapWith((v) =>
              v === null ? null : Number(v),
            ),
          })
          .from(postPlatforms)
          .innerJoin(posts, eq(posts.id, postPlatforms.postId))
          .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
          .leftJoin(LATEST_SNAPSHOT, sql`true`)
          .where(publishedTargets(organizationId, current, { accountIds: ids }))
          .groupBy(postPlatforms.socialAccountId);
  const audienceOf = new Map(readings.map((r) => [r.accountId, r]));
  const engagementOf = new Map(engagementRows.map((r) => [r.accountId, r.engagement]));
  const accounts: AccountAudience[] = growth.accounts.map((account) => {
    const reading = audienceOf.get(account.id);
    const followers = account.current.end;
    const engagement = engagementOf.get(account.id) ?? null;
    const rate = accountEngagementRateOf(engagement, followers);
    const profile = platformProfile(account.platform).accountMetrics.audience;
    const unavailable: AccountAudience['unavailable'] = {};
    for (const dimension of AUDIENCE_DIMENSIONS) {
      if (reading?.demographics[dimension]) continue;
      unavailable[dimension] = reading?.unavailable[dimension] ?? profile.unavailable[dimension] ?? NOT_READ;
    }
    if (followers === null) unavailable.followers = account.unavailable.followers;
    if (rate === null)
      unavailable.engagementRateByFollowers =
        followers === null
          ? account.unavailable.followers
          : engagement === null
            ? NO_ENGAGEMENT
            : 'No followers.';
    return {
      id: account.id,
      platform: account.platform,
      name: account.name,
      handle: account.handle,
      lastSync: account.lastSync,
      stale: account.stale,
      followers,
      demographics: reading?.demographics ?? {},
      unavailable,
      engagement,
      engagementRateByFollowers: rate,
      asOf: reading?.createdAt ?? account.asOf,
      source: reading?.source ?? account.source,
    };
  });
  const asOfs = accounts.map((a) => a.asOf).filter((d): d is Date => d !== null);
  return {
    current,
    accounts,
    asOf: asOfs.length === 0 ? null : new Date(Math.max(...asOfs.map((d) => d.getTime()))),
    sources: [
      ...new Set([...growth.sources, ...readings.map((r) => r.source).filter((s): s is string => !!s)]),
    ].sort(),
  };
}
