import { sandboxEngagement } from '../../../platforms/sandbox';
import {
  findSandboxAccount,
  recentSandboxPosts,
  sandboxAccountsByHandles,
  sandboxFollowUps,
  sandboxPostsByIds,
  type SandboxPostRecord,
} from '../../../platforms/sandbox/store';
import type { Operation } from '../../operation';
import { notFound } from '../../problem';
import { renderFeedPage, type FeedEntry } from './feed-page';

/** Links on the page are relative, so it works behind CloudFront, on the API's own URL and locally. */
const BASE_URL = '';

/**
 * `GET /api/sandbox/feed`: the whole network, one account (`handle`) or one post with its
 * replies and comments (`post`), newest first, with engagement as of now.
 */
export const getSandboxFeed: Operation<'getSandboxFeed'> = async ({ query }, { container }) => {
  const db = container.db;
  const now = container.clock.now();

  const account = query.handle ? await findSandboxAccount(db, query.handle) : undefined;
  if (query.handle && !account) throw notFound('The sandbox account');

  let posts: SandboxPostRecord[];
  if (query.post) {
    posts = await sandboxPostsByIds(db, [query.post]);
    if (posts.length === 0) throw notFound('The sandbox post');
  } else {
    posts = await recentSandboxPosts(db, {
      handle: query.handle,
      before: query.before ? new Date(query.before) : undefined,
      // One more than shown tells whether an older page exists.
      limit: query.limit + 1,
      topLevelOnly: true,
    });
  }
  const hasOlder = !query.post && posts.length > query.limit;
  const shown = posts.slice(0, query.limit);
  const followUps = query.post
    ? await sandboxFollowUps(
        db,
        shown.map((p) => p.id),
      )
    : [];
  const accounts = await sandboxAccountsByHandles(
    db,
    [...shown, ...followUps].map((p) => p.handle),
  );

  const entries: FeedEntry[] = shown.map((post) => ({
    post,
    metrics: sandboxEngagement(post, now),
    followUps: followUps.map((followUp) => ({ post: followUp, metrics: sandboxEngagement(followUp, now) })),
  }));
  const last = shown.at(-1);
  const olderParams = new URLSearchParams({
    ...(query.handle ? { handle: query.handle } : {}),
    before: last?.publishedAt.toISOString() ?? '',
    limit: String(query.limit),
  });

  return {
    text: renderFeedPage({
      baseUrl: BASE_URL,
      now,
      entries,
      accounts: new Map(accounts.map((a) => [a.handle, a])),
      account,
      single: Boolean(query.post),
      olderUrl: hasOlder && last ? `${BASE_URL}/api/sandbox/feed?${olderParams.toString()}` : undefined,
    }),
    contentType: 'text/html; charset=utf-8',
    headers: {
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; media-src https: http:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
  };
};
