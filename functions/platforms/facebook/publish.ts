import {
  PlatformError,
  type AccountCredentials,
  type ConnectorContext,
  type MediaItem,
  type PostDraft,
  type PublishedPost,
} from '../connector';
import { createdObject } from '../meta-graph/created-object';
import { addFirstComment } from '../meta-graph/first-comment';
import { graphRequest } from '../meta-graph/graph-request';
import { fetchMediaBytes } from '../meta-graph/media-bytes';
import type { FacebookEndpoints } from './endpoints';
import { FACEBOOK_LIMITS } from '../../shared/platforms/facebook/limits';

/**
 * Uploads one photo as unpublished (invisible until a post attaches it), sending the bytes
 * themselves so the post never depends on Meta reaching our media URL. A retry after a
 * failure at most leaves an unused unpublished photo, never a visible post.
 */
async function uploadPhoto(
  context: ConnectorContext,
  endpoints: FacebookEndpoints,
  credentials: AccountCredentials,
  media: MediaItem,
): Promise<string> {
  const bytes = await fetchMediaBytes(context, 'facebook', media, FACEBOOK_LIMITS.maxImageBytes);
  const form = new FormData();
  form.set('source', bytes, media.id);
  form.set('published', 'false');
  const photo = await graphRequest(context, 'facebook', {
    method: 'POST',
    url: `${endpoints.api}/${credentials.accountId}/photos`,
    accessToken: credentials.accessToken,
    form,
    schema: createdObject,
  });
  return photo.id;
}

/** https://developers.facebook.com/docs/pages-api/posts: text, link previews and attached photos. */
async function publishFeedPost(
  context: ConnectorContext,
  endpoints: FacebookEndpoints,
  credentials: AccountCredentials,
  draft: PostDraft,
): Promise<PublishedPost> {
  const photoIds: string[] = [];
  for (const media of draft.media) photoIds.push(await uploadPhoto(context, endpoints, credentials, media));
  const form: Record<string, string> = {};
  if (draft.text) form.message = draft.text;
  photoIds.forEach((id, index) => {
    form[`attached_media[${index}]`] = JSON.stringify({ media_fbid: id });
  });
  const post = await graphRequest(context, 'facebook', {
    method: 'POST',
    url: `${endpoints.api}/${credentials.accountId}/feed`,
    accessToken: credentials.accessToken,
    form,
    creates: true,
    schema: createdObject,
  });
  // Feed post ids are `{page-id}_{post-id}`, which facebook.com resolves directly.
  return { platformPostId: post.id, url: `https://www.facebook.com/${post.id}` };
}

/**
 * https://developers.facebook.com/docs/video-api/guides/publishing: Meta fetches `file_url`
 * itself (a presigned URL), so a Lambda never buffers a video of up to 1 GB.
 */
async function publishVideo(
  context: ConnectorContext,
  endpoints: FacebookEndpoints,
  credentials: AccountCredentials,
  draft: PostDraft,
  video: MediaItem,
): Promise<PublishedPost> {
  const form: Record<string, string> = { file_url: video.url, published: 'true' };
  if (draft.text) form.description = draft.text;
  const posted = await graphRequest(context, 'facebook', {
    method: 'POST',
    url: `${endpoints.video}/${credentials.accountId}/videos`,
    accessToken: credentials.accessToken,
    form,
    creates: true,
    schema: createdObject,
  });
  return {
    platformPostId: posted.id,
    url: `https://www.facebook.com/${credentials.accountId}/videos/${posted.id}`,
  };
}

export async function publishToFacebook(
  context: ConnectorContext,
  endpoints: FacebookEndpoints,
  credentials: AccountCredentials,
  draft: PostDraft,
): Promise<PublishedPost> {
  const videos = draft.media.filter((media) => media.kind === 'video');
  if (videos.length > 1 || (videos.length === 1 && draft.media.length > 1)) {
    throw new PlatformError('permanent', 'Facebook posts take one video on its own, or photos.');
  }
  const published = videos[0]
    ? await publishVideo(context, endpoints, credentials, draft, videos[0])
    : await publishFeedPost(context, endpoints, credentials, draft);

  return addFirstComment(context, 'facebook', published, {
    api: endpoints.api,
    accessToken: credentials.accessToken,
    comment: draft.firstComment,
    logContext: { postId: published.platformPostId },
  });
}
