import * as z from 'zod';
import type { AccountCredentials, FoundPost, PublishedPostLookup, PublishedPostQuery } from '../connector';
import { postWebUrl } from './at-uri';
import { accountPds } from './publish';
import type { BlueskyRuntime } from './runtime';
import { readBody, xrpc } from './xrpc';

const page = z.object({
  cursor: z.string().optional(),
  records: z.array(
    z.object({
      uri: z.string(),
      value: z
        .object({ text: z.string().optional(), createdAt: z.string().optional(), reply: z.unknown().optional() })
        .loose(),
    }),
  ),
});

/** 100 records a page (the lexicon's maximum), at most 5 pages: 500 posts since the attempt. */
const PAGE_SIZE = 100;
const MAX_PAGES = 5;

/**
 * Looks for an interrupted post in the account's own repository on its PDS
 * (`com.atproto.repo.listRecords`, newest first): a top-level `app.bsky.feed.post` with exactly
 * the text sent, created within the window. The repository is the post's only home and its
 * PDS reads it consistently, so once the listing reaches records older than the window an
 * empty answer is authoritative. A longer listing (over 500 newer posts) is not.
 */
export async function findBlueskyPost(
  runtime: BlueskyRuntime,
  credentials: AccountCredentials,
  query: PublishedPostQuery,
): Promise<PublishedPostLookup> {
  const pds = accountPds(runtime, credentials);
  const matches: FoundPost[] = [];
  let cursor: string | undefined;
  let covered = false;
  for (let pageNumber = 0; pageNumber < MAX_PAGES && !covered; pageNumber += 1) {
    const action = "list the account's posts";
    const response = await xrpc(runtime, {
      method: 'GET',
      base: pds,
      nsid: 'com.atproto.repo.listRecords',
      params: {
        repo: credentials.accountId,
        collection: 'app.bsky.feed.post',
        limit: String(PAGE_SIZE),
        cursor,
      },
      token: credentials.accessToken,
      action,
    });
    const body = readBody(page, response, action);
    for (const record of body.records) {
      const createdAt = Date.parse(record.value.createdAt ?? '');
      if (Number.isNaN(createdAt) || createdAt > query.until.getTime()) continue;
      if (createdAt < query.since.getTime()) {
        covered = true;
        continue;
      }
      if (record.value.reply === undefined && record.value.text === query.text) {
        matches.push({
          platformPostId: record.uri,
          url: postWebUrl(runtime.endpoints.web, record.uri),
          publishedAt: new Date(createdAt),
          matchedBy: 'content',
        });
      }
    }
    if (!body.cursor) covered = true;
    cursor = body.cursor;
  }
  return {
    matches,
    authoritative: covered,
    searched: `the account's repository on its server (${pds}) since ${query.since.toISOString()}`,
  };
}
