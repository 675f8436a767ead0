import { and, count, eq } from 'drizzle-orm';
import { PlatformError } from '../connector';
import { COMPETITOR_IMPRESSIONS_UNAVAILABLE, type CompetitorReader } from '../competitor-reader';
import { sandboxPosts } from '../../db/schema/sandbox';
import { withSystem } from '../../db/tenant';
import { displayNameFor, followersAt, normalizeSandboxHandle } from './account';
import { sandboxEngagement } from './engagement-model';
import type { SandboxRuntime } from './runtime';
import { findSandboxAccount, recentSandboxPosts } from './store';

/**
 * A Sandbox account read as any visitor of its public feed sees it (`/api/sandbox/accounts/{handle}`):
 * every sandbox account and post is public, so demos can track "competitors" with no network at
 * all. Counts are the engagement model's at the connector clock's now, as for one's own posts.
 */
export function sandboxCompetitorReader(runtime: SandboxRuntime): CompetitorReader {
  return {
    platform: 'sandbox',
    needsConnectedAccount: false,
    async read(target, { since, maxPosts }) {
      const handle = normalizeSandboxHandle(target.handle);
      if (!handle)
        throw new PlatformError('permanent', `Sandbox: "${target.handle}" is not a sandbox handle`);
      const db = await runtime.database();
      const account = await findSandboxAccount(db, handle);
      if (!account) throw new PlatformError('permanent', `The Sandbox has no account @${handle}`);
      const now = runtime.context.clock.now();
      const recent = await recentSandboxPosts(db, { handle, limit: maxPosts, topLevelOnly: true });
      const [total] = await withSystem(db, (tx) =>
        tx
          .select({ posts: count() })
          .from(sandboxPosts)
          .where(and(eq(sandboxPosts.handle, handle), eq(sandboxPosts.kind, 'post'))),
      );
      const base = await runtime.publicUrl().catch(() => undefined);
      return {
        profile: {
          platformAccountId: handle,
          handle,
          name: account.displayName || displayNameFor(handle),
          avatarUrl: null,
          profileUrl: base ? `${base}/api/sandbox/feed?handle=${encodeURIComponent(handle)}` : null,
          serviceUrl: null,
          followers: followersAt(account.followers, account.createdAt, now),
          postsCount: total?.posts ?? null,
        },
        posts: recent
          .filter((post) => post.publishedAt >= since && post.publishedAt <= now)
          .map((post) => {
            const counts = sandboxEngagement(post, now);
            return {
              externalId: post.id,
              text: post.text,
              url: base ? `${base}/api/sandbox/feed?post=${post.id}` : null,
              publishedAt: post.publishedAt,
              likes: counts.likes,
              comments: counts.comments,
              shares: counts.shares,
            };
          }),
        unavailable: { impressions: COMPETITOR_IMPRESSIONS_UNAVAILABLE },
        source: 'Sandbox public feed (/api/sandbox/accounts/{handle})',
      };
    },
  };
}
