import {
  followersAt,
  sandboxEngagement,
  sandboxPostUrl,
  sandboxProfileUrl,
} from '../../../platforms/sandbox';
import { findSandboxAccount, recentSandboxPosts } from '../../../platforms/sandbox/store';
import type { Operation } from '../../operation';
import { notFound } from '../../problem';

/**
 * `GET /api/sandbox/accounts/{handle}`: a sandbox account, its audience now and its recent
 * top-level posts with engagement as of now (JSON, for scripts and agents; humans get the
 * feed page). Links are absolute under PUBLIC_URL, like a network's API would give them.
 */
export const getSandboxAccount: Operation<'getSandboxAccount'> = async ({ params, query }, { container }) => {
  const { handle } = params;
  const { limit } = query;
  const account = await findSandboxAccount(container.db, handle);
  if (!account) throw notFound('The sandbox account');
  const now = container.clock.now();
  const base = container.env.PUBLIC_URL.replace(/\/+$/, '');
  const posts = await recentSandboxPosts(container.db, { handle, limit, topLevelOnly: true });
  return {
    body: {
      handle: account.handle,
      displayName: account.displayName,
      timeZone: account.timeZone,
      followers: followersAt(account.followers, account.createdAt, now),
      createdAt: account.createdAt.toISOString(),
      profileUrl: sandboxProfileUrl(base, account.handle),
      posts: posts.map((post) => ({
        id: post.id,
        kind: post.kind,
        replyToId: post.replyToId,
        text: post.text,
        media: post.media,
        publishedAt: post.publishedAt.toISOString(),
        url: sandboxPostUrl(base, post.id),
        metrics: sandboxEngagement(post, now),
      })),
    },
  };
};
