import { totalsOf } from '../../../shared/analytics/definitions';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { SYNC_METRICS_WINDOW_DAYS } from '../../../core/social-accounts/sync-account';
import { analytics, postPlatforms, posts, socialAccounts } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import { connectorContext, connectorFor } from '../../../platforms/registry';
import type { Operation } from '../../operation';
import { HttpProblem, notFound } from '../../problem';
import { auditActor } from '../../request-origin';
import { presentAccount } from './present';

/** Queues a sync (limits, quota, recent metrics); the dashboard hears `social-account.synced`. */
export const syncSocialAccount: Operation<'syncSocialAccount'> = async (
  { params },
  { container, event, auth },
) => {
  const accountId = params.id;
  await withTenant(container.db, auth.organizationId, async (tx) => {
    const [account] = await tx
      .select({ id: socialAccounts.id, status: socialAccounts.status })
      .from(socialAccounts)
      .where(and(eq(socialAccounts.id, accountId), eq(socialAccounts.organizationId, auth.organizationId)));
    if (!account) throw notFound('The account');
    if (account.status !== 'active') {
      throw new HttpProblem(409, 'conflict', 'Reconnect this account before syncing it.', {
        extensions: { accountStatus: account.status },
      });
    }
    await recordAudit(tx, auditActor(event, auth), {
      action: 'sync',
      resourceType: 'social_account',
      resourceId: accountId,
    });
  });
  await container.queue.send('jobs', {
    type: 'sync-social-account',
    organizationId: auth.organizationId,
    accountId,
  });
  return { status: 202, body: { accountId, queued: true } };
};

/** What Plume has stored about the account: profile, limits, quota, and recent post metrics. */
export const getSocialAccountInsights: Operation<'getSocialAccountInsights'> = async (
  { params },
  { container, auth },
) => {
  const since = new Date(container.clock.now().getTime() - SYNC_METRICS_WINDOW_DAYS * 86_400_000);
  const result = await withTenant(container.db, auth.organizationId, async (tx) => {
    const [account] = await tx
      .select()
      .from(socialAccounts)
      .where(and(eq(socialAccounts.id, params.id), eq(socialAccounts.organizationId, auth.organizationId)));
    if (!account) return undefined;
    // The latest snapshot of each post (DISTINCT ON keeps the first row per target in this order).
    const recent = await tx
      .selectDistinctOn([analytics.postPlatformId], {
        postPlatformId: analytics.postPlatformId,
        postId: analytics.postId,
        platformPostId: postPlatforms.platformPostId,
        text: sql<string | null>`coalesce(${postPlatforms.content}, ${posts.content})`,
        impressions: analytics.impressionsCount,
        reach: analytics.reachCount,
        likes: analytics.likesCount,
        comments: analytics.commentsCount,
        shares: analytics.sharesCount,
        clicks: analytics.clicksCount,
        saves: analytics.savesCount,
        videoViews: analytics.videoViewsCount,
        engagementRate: analytics.engagementRate,
        unavailable: analytics.unavailable,
        recordedAt: analytics.recordedAt,
        source: analytics.source,
      })
      .from(analytics)
      .leftJoin(postPlatforms, eq(postPlatforms.id, analytics.postPlatformId))
      .leftJoin(posts, eq(posts.id, analytics.postId))
      .where(
        and(
          eq(analytics.organizationId, auth.organizationId),
          eq(analytics.socialAccountId, account.id),
          gte(analytics.recordedAt, since),
          sql`${analytics.postPlatformId} is not null`,
        ),
      )
      .orderBy(analytics.postPlatformId, desc(analytics.recordedAt));
    return { account, recent };
  });
  if (!result) throw notFound('The account');
  const recentPosts = result.recent
    .sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime())
    .map((row) => ({ ...row, recordedAt: row.recordedAt.toISOString() }));
  const totals = totalsOf(
    recentPosts.map((row) => ({ figures: row, unavailable: row.unavailable })),
    ['impressions', 'likes', 'comments', 'shares', 'clicks'] as const,
  );
  return {
    body: {
      account: presentAccount(
        result.account,
        connectorFor(result.account.platform, connectorContext(container)),
      ),
      totals: { posts: recentPosts.length, ...totals.figures, unavailable: totals.unavailable },
      recentPosts,
    },
  };
};
