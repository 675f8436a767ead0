import * as z from 'zod';
import type { AccountCredentials, FoundPost, PublishedPostLookup, PublishedPostQuery } from '../connector';
import { sameText, textFromHtml } from '../lookup-text';
import { accountInstance, mastodonCall, readBody, type MastodonRuntime } from './client';

const statuses = z.array(
  z.object({
    id: z.string(),
    url: z.string().nullable().optional(),
    created_at: z.string(),
    content: z.string(),
    in_reply_to_id: z.string().nullable().optional(),
  }),
);

/** 40 a page (the API's maximum), at most 5 pages: 200 posts since the attempt. */
const PAGE_SIZE = 40;
const MAX_PAGES = 5;
/**
 * Mastodon keeps an Idempotency-Key for an hour, and Plume's retry of a target sends the same
 * key (publish.ts): within that hour the instance itself refuses to create the status twice.
 */
const IDEMPOTENCY_KEY_MS = 60 * 60_000;
const RETRY_MARGIN_MS = 10 * 60_000;

/**
 * Looks for an interrupted post among the account's own statuses on its instance
 * (`GET /api/v1/accounts/:id/statuses`, newest first, replies and boosts left out), by its
 * text (read back from the rendered HTML) within the window. Not finding it is authoritative
 * only while the instance still holds the attempt's Idempotency-Key: then even a miss of the
 * text matcher cannot lead to a duplicate, because the retry returns the existing status.
 */
export async function findMastodonPost(
  runtime: MastodonRuntime,
  credentials: AccountCredentials,
  query: PublishedPostQuery,
): Promise<PublishedPostLookup> {
  const instance = accountInstance(runtime, credentials);
  const matches: FoundPost[] = [];
  let maxId: string | undefined;
  let covered = false;
  for (let page = 0; page < MAX_PAGES && !covered; page += 1) {
    const params = new URLSearchParams({
      limit: String(PAGE_SIZE),
      exclude_replies: 'true',
      exclude_reblogs: 'true',
    });
    if (maxId) params.set('max_id', maxId);
    const action = "list the account's posts";
    const response = await mastodonCall(runtime, {
      method: 'GET',
      instance,
      path: `/api/v1/accounts/${encodeURIComponent(credentials.accountId)}/statuses?${params.toString()}`,
      accessToken: credentials.accessToken,
      action,
    });
    const list = readBody(statuses, response, action);
    for (const status of list) {
      const createdAt = new Date(status.created_at);
      if (createdAt.getTime() > query.until.getTime()) continue;
      if (createdAt.getTime() < query.since.getTime()) {
        covered = true;
        continue;
      }
      if (!status.in_reply_to_id && sameText(query.text, textFromHtml(status.content))) {
        matches.push({
          platformPostId: status.id,
          url: status.url ?? undefined,
          publishedAt: createdAt,
          matchedBy: 'content',
        });
      }
    }
    if (list.length < PAGE_SIZE) covered = true;
    maxId = list.at(-1)?.id;
  }
  const keyHeld =
    runtime.context.clock.now().getTime() - query.since.getTime() < IDEMPOTENCY_KEY_MS - RETRY_MARGIN_MS;
  return {
    matches,
    authoritative: covered && keyHeld,
    searched: `the account's posts on ${instance} since ${query.since.toISOString()}`,
  };
}
