import * as z from 'zod';
import type {
  ConnectorContext,
  FoundPost,
  Platform,
  PublishedPostLookup,
  PublishedPostQuery,
} from '../connector';
import { sameText } from '../lookup-text';
import { graphRequest, type GraphParams } from './graph-request';

/** Where an account's own posts are listed, and what each field is called there. */
export interface GraphListing {
  /** `{api}/{page-id}/published_posts`, `{api}/{ig-user-id}/media`, `{api}/{user-id}/threads`. */
  url: string;
  accessToken: string;
  /** The post's text: `message` (Facebook), `caption` (Instagram), `text` (Threads). */
  textField: string;
  /** Its creation time: `created_time` (Facebook) or `timestamp`. */
  timeField: string;
  /** Its public address: `permalink_url` (Facebook) or `permalink`. */
  linkField: string;
  /** Whether the edge takes `since`/`until` (unix seconds); the others are filtered here. */
  timeBounds: boolean;
  /** Words for the history: "the Page's published posts". */
  describe: string;
  /** The link when the network gives none (a Facebook post resolves by its id). */
  fallbackUrl?: (id: string) => string | undefined;
}

const listing = z.object({
  data: z.array(z.record(z.string(), z.unknown())),
  paging: z
    .object({
      cursors: z.object({ after: z.string().optional() }).loose().optional(),
      next: z.string().optional(),
    })
    .loose()
    .optional(),
});

const PAGE_SIZE = 50;
const MAX_PAGES = 3;

/**
 * Looks for an interrupted post among an account's own posts on a Graph API network, newest
 * first, by its exact text within the window. Never authoritative: Meta's listings are read
 * from caches that lag behind writes, leave out some kinds of post (Reels on a Page's feed,
 * copyrighted media's permalinks) and have no idempotency key, so an empty answer leaves the
 * decision to a person.
 */
export async function findGraphPost(
  context: ConnectorContext,
  platform: Platform,
  listed: GraphListing,
  query: PublishedPostQuery,
): Promise<PublishedPostLookup> {
  const matches: FoundPost[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const params: GraphParams = {
      fields: ['id', listed.textField, listed.timeField, listed.linkField].join(','),
      limit: PAGE_SIZE,
      after,
    };
    if (listed.timeBounds) {
      params.since = Math.floor(query.since.getTime() / 1000);
      params.until = Math.ceil(query.until.getTime() / 1000);
    }
    const body = await graphRequest(context, platform, {
      method: 'GET',
      url: listed.url,
      accessToken: listed.accessToken,
      query: params,
      schema: listing,
    });
    let passedWindow = false;
    for (const item of body.data) {
      const id = String(item.id ?? '');
      const at = new Date(String(item[listed.timeField] ?? ''));
      if (!id || Number.isNaN(at.getTime()) || at.getTime() > query.until.getTime()) continue;
      if (at.getTime() < query.since.getTime()) {
        passedWindow = true;
        continue;
      }
      if (sameText(query.text, String(item[listed.textField] ?? ''))) {
        const link = item[listed.linkField];
        matches.push({
          platformPostId: id,
          url: typeof link === 'string' ? link : listed.fallbackUrl?.(id),
          publishedAt: at,
          matchedBy: 'content',
        });
      }
    }
    after = body.paging?.next ? body.paging.cursors?.after : undefined;
    if (passedWindow || !after) break;
  }
  return { matches, authoritative: false, searched: `${listed.describe} since ${query.since.toISOString()}` };
}
