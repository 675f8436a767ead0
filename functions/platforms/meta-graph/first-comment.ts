import type { ConnectorContext, Platform, PublishedPost } from '../connector';
import { createdObject, describeError } from './created-object';
import { graphRequest } from './graph-request';

export interface FirstComment {
  /** The Graph API base the post lives under. */
  api: string;
  accessToken: string;
  /** The draft's first comment; nothing is posted when it is blank. */
  comment: string | undefined;
  /** Logged with a failure, to find the post again (`{ postId }`, `{ mediaId }`). */
  logContext: Record<string, unknown>;
}

/**
 * Comments under a live Facebook or Instagram post (`POST /{object-id}/comments`). The post is
 * live: failing now would make the publisher post it again, so a failed comment becomes a
 * warning on the published post instead.
 */
export async function addFirstComment(
  context: ConnectorContext,
  platform: Platform,
  published: PublishedPost,
  request: FirstComment,
): Promise<PublishedPost> {
  const comment = request.comment?.trim();
  if (!comment) return published;
  try {
    const posted = await graphRequest(context, platform, {
      method: 'POST',
      url: `${request.api}/${published.platformPostId}/comments`,
      accessToken: request.accessToken,
      form: { message: comment },
      creates: true,
      schema: createdObject,
    });
    return { ...published, followUpIds: [posted.id] };
  } catch (error) {
    context.logger.warn(`${platform}: first comment failed after the post was published`, {
      ...request.logContext,
      error: describeError(error),
    });
    return {
      ...published,
      followUpIds: [],
      warnings: [`The first comment was not posted: ${describeError(error)}`],
    };
  }
}
