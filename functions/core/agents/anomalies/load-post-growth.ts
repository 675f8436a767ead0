import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { analytics, postPlatforms } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import { engagementOf } from '../../../shared/analytics/definitions';
import type { PostGrowth } from './post-growth';

/**
 * Every snapshot of the organization's posts published in [since, until) (optionally of some
 * accounts), as each post's engagement over time: what `assessPostGrowth` compares. Snapshots
 * whose network reports no engagement part are left out.
 */
export async function loadPostGrowth(
  tx: Transaction,
  organizationId: string,
  filter: { since: Date; until: Date; accountIds?: string[] },
): Promise<PostGrowth[]> {
  const rows = await tx
    .select({
      targetId: postPlatforms.id,
      socialAccountId: postPlatforms.socialAccountId,
      publishedAt: postPlatforms.publishedAt,
      at: analytics.recordedAt,
      likes: analytics.likesCount,
      comments: analytics.commentsCount,
      shares: analytics.sharesCount,
      saves: analytics.savesCount,
      clicks: analytics.clicksCount,
    })
    .from(analytics)
    .innerJoin(postPlatforms, eq(postPlatforms.id, analytics.postPlatformId))
    .where(
      and(
        eq(postPlatforms.organizationId, organizationId),
        eq(postPlatforms.status, 'published'),
        gte(postPlatforms.publishedAt, filter.since),
        lt(postPlatforms.publishedAt, filter.until),
        filter.accountIds?.length ? inArray(postPlatforms.socialAccountId, filter.accountIds) : undefined,
      ),
    )
    .orderBy(asc(postPlatforms.publishedAt), asc(postPlatforms.id), asc(analytics.recordedAt));
  const posts = new Map<string, PostGrowth>();
  for (const row of rows) {
    if (row.publishedAt === null) continue;
    const engagement = engagementOf({
      likes: row.likes,
      comments: row.comments,
      shares: row.shares,
      saves: row.saves,
      clicks: row.clicks,
      impressions: null,
      reach: null,
      videoViews: null,
    });
    let post = posts.get(row.targetId);
    if (!post) {
      post = { targetId: row.targetId, socialAccountId: row.socialAccountId, publishedAt: row.publishedAt, points: [] };
      posts.set(row.targetId, post);
    }
    if (engagement !== null) post.points.push({ at: row.at, engagement });
  }
  return [...posts.values()];
}
