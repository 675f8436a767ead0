import * as z from 'zod';
import type { ConnectorContext } from '../connector';
import { lacksScope, missingPermission, type MentionReading, type MentionsReader } from '../mentions-reader';
import { commentsOnOwnPosts, graphPermissionError, metaTime } from '../mentions-reader-comments';
import { graphRequest } from '../meta-graph/graph-request';
import type { FacebookEndpoints } from './endpoints';

const comment = z.object({
  id: z.string(),
  message: z.string().optional(),
  created_time: z.string(),
  from: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  parent: z.object({ id: z.string() }).optional(),
  permalink_url: z.string().optional(),
});
const page = z.object({
  data: z.array(comment),
  paging: z
    .object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() })
    .optional(),
});

const PERMISSIONS = ['pages_read_user_content', 'pages_read_engagement'];
/** 100 comments a page, at most 5 pages a post a read. */
const PAGE_SIZE = 100;
const MAX_PAGES = 5;

/**
 * Comments on the Page's recent posts (`GET /{page-post-id}/comments` with the Page token,
 * `filter=stream` for replies to comments too, `order=reverse_chronological`:
 * https://developers.facebook.com/docs/graph-api/reference/object/comments). The least
 * permission that reads them with their authors is `pages_read_user_content` (with
 * `pages_read_engagement`); no Page Public Content Access is needed for the Page's own posts.
 * The Page's own answers are left out.
 */
export function facebookMentionsReader(
  context: ConnectorContext,
  endpoints: FacebookEndpoints,
): MentionsReader {
  return {
    platform: 'facebook',
    requiredScopes: PERMISSIONS,
    async read(credentials, options) {
      const missing = PERMISSIONS.filter((p) => lacksScope(credentials.scopes, [p]));
      if (missing.length > 0) throw missingPermission('Facebook', missing);
      const result = await commentsOnOwnPosts(options, async (postId, after) => {
        const comments: MentionReading[] = [];
        let cursor: string | undefined;
        for (let n = 0; n < MAX_PAGES; n += 1) {
          const answer = await graphRequest(context, 'facebook', {
            method: 'GET',
            url: `${endpoints.api}/${postId}/comments`,
            accessToken: credentials.accessToken,
            query: {
              fields: 'id,message,created_time,from{id,name},parent{id},permalink_url',
              filter: 'stream',
              order: 'reverse_chronological',
              limit: PAGE_SIZE,
              after: cursor,
            },
            schema: page,
          }).catch((error: unknown) => {
            throw graphPermissionError(error, 'Facebook', PERMISSIONS);
          });
          let older = false;
          for (const item of answer.data) {
            const at = metaTime(item.created_time);
            if (at.getTime() <= after) older = true;
            if (item.from?.id === credentials.accountId) continue;
            comments.push({
              externalId: item.id,
              kind: item.parent ? 'reply' : 'comment',
              authorHandle: item.from?.id ?? null,
              authorName: item.from?.name ?? null,
              text: item.message ?? '',
              url: item.permalink_url ?? null,
              mentionedAt: at,
              parentExternalId: item.parent?.id ?? postId,
              // Answering a comment is a comment on it: POST /{comment-id}/comments.
              replyRef: { commentId: item.id, postId },
            });
          }
          cursor = answer.paging?.cursors?.after;
          if (older || !answer.paging?.next || !cursor) return { comments, complete: true };
        }
        return { comments, complete: false };
      });
      return { ...result, source: 'Facebook Page post comments (GET /{page-post-id}/comments)' };
    },
  };
}
