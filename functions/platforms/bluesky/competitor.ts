import * as z from 'zod';
import { PlatformError } from '../connector';
import {
  COMPETITOR_IMPRESSIONS_UNAVAILABLE,
  type CompetitorPostReading,
  type CompetitorReader,
} from '../competitor-reader';
import { postWebUrl } from './at-uri';
import type { BlueskyRuntime } from './runtime';
import { readBody, xrpc } from './xrpc';

const profileView = z.object({
  did: z.string(),
  handle: z.string(),
  displayName: z.string().optional(),
  avatar: z.string().optional(),
  followersCount: z.number().int().nonnegative().optional(),
  postsCount: z.number().int().nonnegative().optional(),
});

const feedItem = z.object({
  post: z.object({
    uri: z.string(),
    author: z.object({ did: z.string() }),
    record: z.object({ text: z.string().optional(), createdAt: z.string() }).passthrough(),
    likeCount: z.number().int().nonnegative().optional(),
    replyCount: z.number().int().nonnegative().optional(),
    repostCount: z.number().int().nonnegative().optional(),
    quoteCount: z.number().int().nonnegative().optional(),
  }),
  /** Present on reposts (app.bsky.feed.defs#reasonRepost) and pinned posts. */
  reason: z.object({ $type: z.string() }).passthrough().optional(),
});
const authorFeed = z.object({ cursor: z.string().optional(), feed: z.array(feedItem) });

/** `getAuthorFeed` answers at most 100 items a page. */
const PAGE_SIZE = 100;
const MAX_PAGES = 10;

/** `@Name.bsky.social` -> `name.bsky.social`; a DID passes as it is. */
function actorOf(handle: string): string {
  const trimmed = handle.trim().replace(/^@/, '');
  return trimmed.startsWith('did:') ? trimmed : trimmed.toLowerCase();
}

/**
 * A Bluesky account read from the public AppView, no sign-in needed
 * (https://docs.bsky.app/docs/advanced-guides/api-directory): `app.bsky.actor.getProfile` for
 * the profile and counts, `app.bsky.feed.getAuthorFeed` (filter `posts_no_replies`) for its own
 * posts, reposts left out. Likes, replies, reposts and quotes are public on Bluesky.
 */
export function blueskyCompetitorReader(runtime: BlueskyRuntime): CompetitorReader {
  return {
    platform: 'bluesky',
    needsConnectedAccount: false,
    async read(target, { since, maxPosts }) {
      const actor = actorOf(target.handle);
      if (!actor) throw new PlatformError('permanent', 'Bluesky: enter the handle of the account to track');
      const profileAnswer = await xrpc(runtime, {
        method: 'GET',
        base: runtime.endpoints.appview,
        nsid: 'app.bsky.actor.getProfile',
        params: { actor },
        action: `read the profile of ${actor}`,
      }).catch((error: unknown) => {
        // The AppView answers 400 InvalidRequest "Profile not found" for a handle nobody has.
        if (error instanceof PlatformError && error.details.status === 400) {
          throw new PlatformError('permanent', `Bluesky has no account ${actor}: ${error.message}`, {
            status: 400,
          });
        }
        throw error;
      });
      const profile = readBody(profileView, profileAnswer, `read the profile of ${actor}`);
      const posts: CompetitorPostReading[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES && posts.length < maxPosts; page += 1) {
        const answer = await xrpc(runtime, {
          method: 'GET',
          base: runtime.endpoints.appview,
          nsid: 'app.bsky.feed.getAuthorFeed',
          params: { actor: profile.did, limit: String(PAGE_SIZE), filter: 'posts_no_replies', cursor },
          action: `read the posts of ${profile.handle}`,
        });
        const { feed, cursor: next } = readBody(authorFeed, answer, `read the posts of ${profile.handle}`);
        let older = false;
        for (const { post, reason } of feed) {
          if (reason?.$type === 'app.bsky.feed.defs#reasonRepost' || post.author.did !== profile.did)
            continue;
          const publishedAt = new Date(post.record.createdAt);
          if (Number.isNaN(publishedAt.getTime())) continue;
          // A pinned post comes first whatever its age; the rest are newest first.
          if (publishedAt < since) {
            if (reason?.$type !== 'app.bsky.feed.defs#reasonPin') older = true;
            continue;
          }
          if (posts.length >= maxPosts) break;
          posts.push({
            externalId: post.uri,
            text: post.record.text ?? '',
            url: postWebUrl(runtime.endpoints.web, post.uri) ?? null,
            publishedAt,
            likes: post.likeCount ?? 0,
            comments: post.replyCount ?? 0,
            shares: (post.repostCount ?? 0) + (post.quoteCount ?? 0),
          });
        }
        if (older || !next || feed.length === 0) break;
        cursor = next;
      }
      return {
        profile: {
          platformAccountId: profile.did,
          handle: profile.handle,
          name: profile.displayName || null,
          avatarUrl: profile.avatar ?? null,
          profileUrl: `${runtime.endpoints.web}/profile/${profile.handle}`,
          serviceUrl: null,
          followers: profile.followersCount ?? null,
          postsCount: profile.postsCount ?? null,
        },
        posts,
        unavailable: { impressions: COMPETITOR_IMPRESSIONS_UNAVAILABLE },
        source: 'Bluesky AppView (app.bsky.actor.getProfile, app.bsky.feed.getAuthorFeed)',
      };
    },
  };
}
