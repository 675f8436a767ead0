import * as z from 'zod';
import type { AccountCredentials, FoundPost, PublishedPostLookup, PublishedPostQuery } from '../connector';
import { sameText, withinWindow } from '../lookup-text';
import { readBody, twitterCall, type TwitterRuntime } from './client';

const timeline = z.object({
  data: z.array(z.object({ id: z.string(), text: z.string(), created_at: z.string().optional() })).optional(),
  meta: z.object({ next_token: z.string().optional() }).loose().optional(),
});

const MAX_PAGES = 3;
/** X wants whole seconds: `2026-01-01T10:00:00Z`. */
const xTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Looks for an interrupted post in the account's own timeline (`GET /2/users/:id/tweets`,
 * https://docs.x.com/x-api/posts/timelines/introduction), from the attempt's start, replies
 * and reposts left out, by its text (X returns links as t.co and escapes `&<>`, which the
 * match ignores). Never authoritative: X has no idempotency key, timeline reads lag behind
 * writes and may be refused by the access tier, so an empty answer proves nothing and a
 * person decides. (X itself refuses an exact duplicate text, a second safety net.)
 */
export async function findTwitterPost(
  runtime: TwitterRuntime,
  credentials: AccountCredentials,
  query: PublishedPostQuery,
): Promise<PublishedPostLookup> {
  const matches: FoundPost[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const params = new URLSearchParams({
      start_time: xTime(query.since),
      max_results: '100',
      exclude: 'replies,retweets',
      'tweet.fields': 'created_at',
    });
    if (token) params.set('pagination_token', token);
    const action = "read the account's posts";
    const response = await twitterCall(runtime, {
      method: 'GET',
      path: `/2/users/${encodeURIComponent(credentials.accountId)}/tweets?${params.toString()}`,
      accessToken: credentials.accessToken,
      action,
    });
    const body = readBody(timeline, response, action);
    for (const tweet of body.data ?? []) {
      const createdAt = tweet.created_at ? new Date(tweet.created_at) : undefined;
      if (withinWindow(createdAt, query) && sameText(query.text, tweet.text)) {
        matches.push({
          platformPostId: tweet.id,
          url: credentials.handle
            ? `https://x.com/${credentials.handle}/status/${tweet.id}`
            : `https://x.com/i/web/status/${tweet.id}`,
          publishedAt: createdAt,
          matchedBy: 'content',
        });
      }
    }
    token = body.meta?.next_token;
    if (!token) break;
  }
  return {
    matches,
    authoritative: false,
    searched: `the account's X timeline since ${query.since.toISOString()}`,
  };
}
