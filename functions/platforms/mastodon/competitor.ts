import * as z from 'zod';
import { PlatformError } from '../connector';
import {
  COMPETITOR_IMPRESSIONS_UNAVAILABLE,
  type CompetitorPostReading,
  type CompetitorReader,
} from '../competitor-reader';
import { textFromHtml } from '../lookup-text';
import { instanceOf, mastodonCall, readBody, type MastodonRuntime } from './client';

const account = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string().optional(),
  avatar: z.string().optional(),
  url: z.string().nullable().optional(),
  followers_count: z.number().int().nonnegative().optional(),
  statuses_count: z.number().int().nonnegative().optional(),
});

const statuses = z.array(
  z.object({
    id: z.string(),
    created_at: z.string(),
    content: z.string(),
    url: z.string().nullable().optional(),
    uri: z.string().optional(),
    replies_count: z.number().int().nonnegative(),
    reblogs_count: z.number().int().nonnegative(),
    favourites_count: z.number().int().nonnegative(),
    quotes_count: z.number().int().nonnegative().optional(),
  }),
);

/** 40 a page (the API's maximum), at most 10 pages. */
const PAGE_SIZE = 40;
const MAX_PAGES = 10;

/**
 * `@name@host`, `name@host` or `name` with the instance given apart: the user name and the
 * instance to ask. The instance is user-typed, so it passes the private-address guard
 * (`normalizeInstanceUrl`).
 */
export function parseMastodonHandle(
  runtime: MastodonRuntime,
  handle: string,
  instance: string | null | undefined,
): { username: string; instance: string } {
  const match = /^@?([A-Za-z0-9_][A-Za-z0-9_.-]*)(?:@([^@\s/]+))?$/.exec(handle.trim());
  if (!match) {
    throw new PlatformError('permanent', `Mastodon: "${handle}" is not a handle like @name@mastodon.social`);
  }
  // A server given apart (as typed, or as stored after the first read) wins over the handle's.
  const server = instance ?? match[2];
  if (!server) {
    throw new PlatformError(
      'permanent',
      'Mastodon: say which server the account is on, as @name@server or in the instance field',
    );
  }
  return { username: match[1]!, instance: instanceOf(runtime, server) };
}

/**
 * A Mastodon account read through its server's public REST API, without a token: the account
 * by `GET /api/v1/accounts/lookup?acct=` and its own posts by `GET /api/v1/accounts/:id/statuses`
 * (replies and boosts left out) (https://docs.joinmastodon.org/methods/accounts/). A server that
 * demands sign-in for these (a "limited federation" or authorized-fetch setup) cannot be read.
 */
export function mastodonCompetitorReader(runtime: MastodonRuntime): CompetitorReader {
  const publicCall = async (instance: string, path: string, action: string) =>
    mastodonCall(runtime, { method: 'GET', instance, path, action }).catch((error: unknown) => {
      if (error instanceof PlatformError && error.kind === 'auth') {
        throw new PlatformError(
          'permanent',
          `${error.message} (this server shows profiles only to signed-in users, so Plume cannot read it)`,
          error.details,
        );
      }
      throw error;
    });
  return {
    platform: 'mastodon',
    needsConnectedAccount: false,
    async read(target, { since, maxPosts }) {
      const { username, instance } = parseMastodonHandle(runtime, target.handle, target.serviceUrl);
      const host = new URL(instance).host;
      const lookupAction = `find @${username}@${host}`;
      const found = await publicCall(
        instance,
        `/api/v1/accounts/lookup?${new URLSearchParams({ acct: username }).toString()}`,
        lookupAction,
      ).catch((error: unknown) => {
        if (error instanceof PlatformError && error.details.status === 404) {
          throw new PlatformError('permanent', `Mastodon: ${host} has no account @${username}`, {
            status: 404,
          });
        }
        throw error;
      });
      const profile = readBody(account, found, lookupAction);
      const posts: CompetitorPostReading[] = [];
      let maxId: string | undefined;
      const listAction = `list the posts of @${username}@${host}`;
      for (let page = 0; page < MAX_PAGES && posts.length < maxPosts; page += 1) {
        const params = new URLSearchParams({
          limit: String(PAGE_SIZE),
          exclude_replies: 'true',
          exclude_reblogs: 'true',
        });
        if (maxId) params.set('max_id', maxId);
        const answer = await publicCall(
          instance,
          `/api/v1/accounts/${encodeURIComponent(profile.id)}/statuses?${params.toString()}`,
          listAction,
        );
        const list = readBody(statuses, answer, listAction);
        let older = false;
        for (const status of list) {
          const publishedAt = new Date(status.created_at);
          if (Number.isNaN(publishedAt.getTime())) continue;
          if (publishedAt < since) {
            older = true;
            continue;
          }
          if (posts.length >= maxPosts) break;
          posts.push({
            externalId: status.id,
            text: textFromHtml(status.content),
            url: status.url ?? status.uri ?? null,
            publishedAt,
            likes: status.favourites_count,
            comments: status.replies_count,
            shares: status.reblogs_count + (status.quotes_count ?? 0),
          });
        }
        if (older || list.length < PAGE_SIZE) break;
        maxId = list.at(-1)?.id;
      }
      return {
        profile: {
          platformAccountId: profile.id,
          handle: `${profile.username}@${host}`,
          name: profile.display_name || null,
          avatarUrl: profile.avatar ?? null,
          profileUrl: profile.url ?? `${instance}/@${profile.username}`,
          serviceUrl: instance,
          followers: profile.followers_count ?? null,
          postsCount: profile.statuses_count ?? null,
        },
        posts,
        unavailable: { impressions: COMPETITOR_IMPRESSIONS_UNAVAILABLE },
        source: 'Mastodon REST API (GET /api/v1/accounts/lookup, GET /api/v1/accounts/:id/statuses)',
      };
    },
  };
}
