import { analytics, postPlatforms, posts, socialAccounts } from '../../../functions/db/schema';
import type { Database } from '../../../functions/db/client';
import { withSystem } from '../../../functions/db/tenant';
import type { PostMetricFigures } from '../../../functions/shared/analytics/metrics';
import { PLATFORM_CATALOG, type Platform } from '../../../functions/shared/platforms/catalog';

export type Figures = Partial<PostMetricFigures>;

/** Writes what publishing and syncing would have: accounts, published targets, metrics snapshots. */
export function analyticsFixtures(db: Database) {
  async function account(
    organizationId: string,
    platform: Platform,
    name: string = platform,
  ): Promise<string> {
    const [row] = await withSystem(db, (tx) =>
      tx
        .insert(socialAccounts)
        .values({ organizationId, platform, accountId: `acct-${crypto.randomUUID()}`, accountName: name })
        .returning({ id: socialAccounts.id }),
    );
    return row!.id;
  }

  /**
   * One post published on one account, with its metrics snapshots as a sync stores them: a
   * metric left out of `figures` is null with the network's reason.
   */
  async function published(
    organizationId: string,
    accountId: string,
    platform: Platform,
    publishedAt: string,
    snapshots: Array<{ at: string; figures: Figures }>,
    options: { status?: 'published' | 'failed'; content?: string; mediaIds?: string[] } = {},
  ): Promise<{ postId: string; targetId: string }> {
    return withSystem(db, async (tx) => {
      const [post] = await tx
        .insert(posts)
        .values({
          organizationId,
          content: options.content ?? 'Measured',
          status: 'published',
          mediaIds: options.mediaIds ?? [],
        })
        .returning();
      const [target] = await tx
        .insert(postPlatforms)
        .values({
          organizationId,
          postId: post!.id,
          socialAccountId: accountId,
          status: options.status ?? 'published',
          platformPostId: `p-${crypto.randomUUID()}`,
          platformPostUrl: `https://${platform}.example/p/${post!.id}`,
          publishedAt: new Date(publishedAt),
        })
        .returning();
      const known = PLATFORM_CATALOG[platform].metrics;
      for (const { at, figures } of snapshots) {
        const value = (name: keyof PostMetricFigures) => figures[name] ?? null;
        await tx.insert(analytics).values({
          organizationId,
          postId: post!.id,
          postPlatformId: target!.id,
          socialAccountId: accountId,
          impressionsCount: value('impressions'),
          reachCount: value('reach'),
          likesCount: value('likes'),
          commentsCount: value('comments'),
          sharesCount: value('shares'),
          clicksCount: value('clicks'),
          savesCount: value('saves'),
          videoViewsCount: value('videoViews'),
          unavailable: Object.fromEntries(
            Object.entries(known.unavailable).filter(
              ([name]) => figures[name as keyof Figures] === undefined,
            ),
          ),
          source: known.source,
          recordedAt: new Date(at),
        });
      }
      return { postId: post!.id, targetId: target!.id };
    });
  }

  return { account, published };
}
