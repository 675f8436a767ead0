import * as z from 'zod';
import type { ConnectorContext } from '../connector';
import { lacksScope, missingPermission, type MentionReading, type MentionsReader } from '../mentions-reader';
import { commentsOnOwnPosts, graphPermissionError, metaTime } from '../mentions-reader-comments';
import { graphRequest } from '../meta-graph/graph-request';
import type { InstagramEndpoints } from './endpoints';

const reply = z.object({
  id: z.string(),
  text: z.string().optional(),
  timestamp: z.string(),
  username: z.string().optional(),
});
const comment = reply.extend({ replies: z.object({ data: z.array(reply) }).optional() });
const page = z.object({
  data: z.array(comment),
  paging: z
    .object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() })
    .optional(),
});

const PERMISSIONS = ['instagram_business_manage_comments'];
/** 50 comments a page (the edge's maximum), at most 5 pages a media a read. */
const PAGE_SIZE = 50;
const MAX_PAGES = 5;

/**
 * Comments and their replies on the account's recent media (`GET /{ig-media-id}/comments`
 * with `replies`, Instagram API with Instagram Login, `instagram_business_basic` and
 * `instagram_business_manage_comments`, which Plume's login already asks for:
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments).
 * The edge documents no order, so every page (up to the bound) is read and filtered by time.
 * The account's own answers are left out.
 */
export function instagramMentionsReader(
  context: ConnectorContext,
  endpoints: InstagramEndpoints,
): MentionsReader {
  return {
    platform: 'instagram',
    requiredScopes: PERMISSIONS,
    async read(credentials, options) {
      if (lacksScope(credentials.scopes, PERMISSIONS)) throw missingPermission('Instagram', PERMISSIONS);
      const own = credentials.handle?.replace(/^@/, '').toLowerCase();
      const result = await commentsOnOwnPosts(options, async (mediaId) => {
        const comments: MentionReading[] = [];
        const add = (item: z.infer<typeof reply>, parent: string, kind: 'comment' | 'reply') => {
          if (own && item.username?.toLowerCase() === own) return;
          comments.push({
            externalId: item.id,
            kind,
            authorHandle: item.username ?? null,
            authorName: null,
            text: item.text ?? '',
            url: null,
            mentionedAt: metaTime(item.timestamp),
            parentExternalId: parent,
            // Answering is POST /{ig-comment-id}/replies on the top-level comment.
            replyRef: { commentId: kind === 'comment' ? item.id : parent, mediaId },
          });
        };
        let cursor: string | undefined;
        for (let n = 0; n < MAX_PAGES; n += 1) {
          const answer = await graphRequest(context, 'instagram', {
            method: 'GET',
            url: `${endpoints.api}/${mediaId}/comments`,
            accessToken: credentials.accessToken,
            query: {
              fields: 'id,text,timestamp,username,replies{id,text,timestamp,username}',
              limit: PAGE_SIZE,
              after: cursor,
            },
            schema: page,
          }).catch((error: unknown) => {
            throw graphPermissionError(error, 'Instagram', PERMISSIONS);
          });
          for (const item of answer.data) {
            add(item, mediaId, 'comment');
            for (const answered of item.replies?.data ?? []) add(answered, item.id, 'reply');
          }
          cursor = answer.paging?.cursors?.after;
          if (!answer.paging?.next || !cursor) return { comments, complete: true };
        }
        return { comments, complete: false };
      });
      return { ...result, source: 'Instagram media comments (GET /{ig-media-id}/comments)' };
    },
  };
}
