import {
  PlatformError,
  type AccountCredentials,
  type MediaItem,
  type PostDraft,
  type PublishedPost,
} from '../connector';
import { linkedinCall, restHeaders, type LinkedInSettings } from './api';
import { LINKEDIN_VISIBILITIES, type LinkedInVisibility } from '../../shared/platforms/linkedin/limits';
import { toLittleText } from './little-text';
import { uploadImage, uploadVideo } from './media';
import { authorUrn, postUrl } from './urn';

interface MediaRef {
  id: string;
  altText?: string;
}

type PostContent = { media: MediaRef } | { multiImage: { images: MediaRef[] } };

function withAltText(id: string, item: MediaItem): MediaRef {
  return item.altText?.trim() ? { id, altText: item.altText } : { id };
}

/** Uploads the draft's media and returns the post's `content`, or undefined for a text post. */
async function uploadContent(
  settings: LinkedInSettings,
  accessToken: string,
  author: string,
  media: MediaItem[],
): Promise<PostContent | undefined> {
  if (media.length === 0) return undefined;
  const video = media.find((item) => item.kind === 'video');
  if (video) return { media: { id: await uploadVideo(settings, accessToken, author, video) } };
  const images: MediaRef[] = [];
  // One at a time: each upload holds a whole file in memory.
  for (const item of media)
    images.push(withAltText(await uploadImage(settings, accessToken, author, item), item));
  return images.length === 1 ? { media: images[0]! } : { multiImage: { images } };
}

export function visibilityOf(draft: PostDraft): LinkedInVisibility {
  const requested = draft.options?.visibility;
  return LINKEDIN_VISIBILITIES.find((value) => value === requested) ?? 'PUBLIC';
}

/**
 * Posts API: `POST /rest/posts` answers 201 with the new post's URN in `x-restli-id`.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
 */
export async function publishPost(
  settings: LinkedInSettings,
  credentials: AccountCredentials,
  draft: PostDraft,
): Promise<PublishedPost> {
  const author = authorUrn(credentials);
  const content = await uploadContent(settings, credentials.accessToken, author, draft.media);
  const response = await linkedinCall(settings, 'creating the post', {
    method: 'POST',
    url: `${settings.apiBase}/rest/posts`,
    headers: restHeaders(settings, credentials.accessToken),
    body: {
      author,
      commentary: toLittleText(draft.text),
      visibility: visibilityOf(draft),
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      ...(content ? { content } : {}),
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    },
    creates: true,
  });
  const postUrn = response.headers.get('x-restli-id');
  if (!postUrn) {
    // LinkedIn said "created" but not what: the post exists, so it must not be sent again.
    throw new PlatformError('unknown_outcome', 'LinkedIn accepted the post but returned no post id', {
      status: response.status,
    });
  }

  const published: PublishedPost = { platformPostId: postUrn, url: postUrl(postUrn) };
  const comment = draft.firstComment?.trim();
  if (comment) {
    try {
      published.followUpIds = [
        await postComment(settings, credentials.accessToken, author, postUrn, comment),
      ];
    } catch (error) {
      // The post is live: failing now would make the publisher post it twice.
      settings.context.logger.warn('LinkedIn first comment failed', {
        postUrn,
        error: (error as Error).message,
      });
      published.warnings = [`The first comment was not posted: ${(error as Error).message}`];
    }
  }
  return published;
}

interface CommentResponse {
  id?: string;
  $URN?: string;
}

/** Comments API: `POST /rest/socialActions/{post}/comments`, authored by the post's author. */
async function postComment(
  settings: LinkedInSettings,
  accessToken: string,
  actor: string,
  postUrn: string,
  text: string,
): Promise<string> {
  const response = await linkedinCall<CommentResponse>(settings, 'posting the first comment', {
    method: 'POST',
    url: `${settings.apiBase}/rest/socialActions/${encodeURIComponent(postUrn)}/comments`,
    headers: restHeaders(settings, accessToken),
    body: { actor, object: postUrn, message: { text: toLittleText(text) } },
    creates: true,
  });
  const id = response.body?.$URN ?? response.headers.get('x-restli-id') ?? response.body?.id;
  if (!id) throw new PlatformError('unknown_outcome', 'LinkedIn accepted the comment but returned no id');
  return id;
}
