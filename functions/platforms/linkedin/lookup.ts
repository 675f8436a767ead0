import type { AccountCredentials, FoundPost, PublishedPostLookup, PublishedPostQuery } from '../connector';
import { sameText, withinWindow } from '../lookup-text';
import { linkedinCall, restHeaders, type LinkedInSettings } from './api';
import { authorUrn, postUrl } from './urn';

interface PostsByAuthor {
  elements?: { id?: string; commentary?: string; createdAt?: number; publishedAt?: number }[];
  paging?: { start?: number; count?: number; total?: number };
}

const PAGE_SIZE = 20;
const MAX_PAGES = 3;

/** Little text back to plain text: `\(` -> `(`, `{hashtag|\#|plume}` -> `#plume`. */
export function fromLittleText(text: string): string {
  return text.replace(/\{hashtag\|\\?#\|([^}]+)\}/g, '#$1').replace(/\\([\\|{}@[\]()<>#*_~])/g, '$1');
}

/**
 * Looks for an interrupted post among the author's own posts ("Find Posts by Authors",
 * `GET /rest/posts?q=author&author={urn}&sortBy=CREATED`, newest first), by its commentary
 * read back from little text, within the window. Reading a member's posts needs the restricted
 * `r_member_social` permission (a Page's, `r_organization_social`): without it LinkedIn answers
 * 403 and a person checks. Never authoritative: LinkedIn has no idempotency key and lists
 * posts from a cache.
 */
export async function findLinkedInPost(
  settings: LinkedInSettings,
  credentials: AccountCredentials,
  query: PublishedPostQuery,
): Promise<PublishedPostLookup> {
  const author = authorUrn(credentials);
  const matches: FoundPost[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const params = new URLSearchParams({
      q: 'author',
      author,
      count: String(PAGE_SIZE),
      start: String(page * PAGE_SIZE),
      sortBy: 'CREATED',
    });
    const response = await linkedinCall<PostsByAuthor>(settings, "read the author's posts", {
      method: 'GET',
      url: `${settings.apiBase}/rest/posts?${params.toString()}`,
      headers: restHeaders(settings, credentials.accessToken),
    });
    const elements = response.body?.elements ?? [];
    let passedWindow = false;
    for (const post of elements) {
      const at = post.createdAt ?? post.publishedAt;
      const createdAt = at === undefined ? undefined : new Date(at);
      if (createdAt && createdAt.getTime() < query.since.getTime()) passedWindow = true;
      if (!post.id || !withinWindow(createdAt, query)) continue;
      if (sameText(query.text, fromLittleText(post.commentary ?? ''))) {
        matches.push({
          platformPostId: post.id,
          url: postUrl(post.id),
          publishedAt: createdAt,
          matchedBy: 'content',
        });
      }
    }
    if (passedWindow || elements.length < PAGE_SIZE) break;
  }
  return {
    matches,
    authoritative: false,
    searched: `${author}'s LinkedIn posts since ${query.since.toISOString()}`,
  };
}
