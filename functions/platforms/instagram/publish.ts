import {
  PlatformError,
  type AccountCredentials,
  type MediaItem,
  type PostDraft,
  type PublishedPost,
} from '../connector';
import {
  ContainerPublisher,
  type ContainerApi,
  type ContainerPublishDeps,
} from '../meta-graph/container-publisher';
import { addFirstComment } from '../meta-graph/first-comment';
import { isTransientSubcode } from '../meta-graph/graph-error';
import type { GraphParams } from '../meta-graph/graph-request';
import { INSTAGRAM_MAX_CAROUSEL_ITEMS } from '../../shared/platforms/instagram/limits';

/** Instagram reports a failed container as `status: "Error: ... 2207026"`. */
function failureKind(detail: string | undefined): 'transient' | 'permanent' {
  const codes = detail?.match(/\b\d{4,}\b/g) ?? [];
  return codes.some((code) => isTransientSubcode(Number(code))) ? 'transient' : 'permanent';
}

const INSTAGRAM_CONTAINERS: ContainerApi = {
  platform: 'instagram',
  createEdge: 'media',
  publishEdge: 'media_publish',
  statusFields: { state: 'status_code', detail: 'status' },
  failureKind,
  failureMessage: (detail) => `Instagram could not process the media${detail ? `: ${detail}` : ''}`,
};

export type InstagramPublishDeps = ContainerPublishDeps;

/**
 * The container for one media item
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media):
 * a single video is a Reel (standalone `VIDEO` fails with 2207089 since 2023-07-01); inside a
 * carousel, items carry `is_carousel_item` and videos stay `VIDEO`. Instagram fetches the
 * file from `url` itself, so it must be publicly reachable (a presigned S3 URL).
 */
function itemParams(media: MediaItem, options: { caption?: string; carouselItem: boolean }): GraphParams {
  const params: GraphParams = {};
  if (media.kind === 'video') {
    params.media_type = options.carouselItem ? 'VIDEO' : 'REELS';
    params.video_url = media.url;
  } else {
    params.image_url = media.url;
    if (media.altText) params.alt_text = media.altText;
  }
  if (options.carouselItem) params.is_carousel_item = true;
  if (options.caption) params.caption = options.caption;
  return params;
}

/** Container(s) -> wait until FINISHED -> `media_publish` -> first comment. */
export async function publishToInstagram(
  deps: InstagramPublishDeps,
  credentials: AccountCredentials,
  draft: PostDraft,
): Promise<PublishedPost> {
  if (draft.media.length === 0)
    throw new PlatformError('permanent', 'Instagram posts need at least one image or video.');
  if (draft.media.length > INSTAGRAM_MAX_CAROUSEL_ITEMS) {
    throw new PlatformError(
      'permanent',
      `An Instagram carousel holds up to ${INSTAGRAM_MAX_CAROUSEL_ITEMS} items.`,
    );
  }
  const publisher = new ContainerPublisher(deps, INSTAGRAM_CONTAINERS, credentials);
  const caption = draft.text || undefined;
  const containerId =
    draft.media.length === 1
      ? await publisher.create(itemParams(draft.media[0]!, { caption, carouselItem: false }))
      : await publisher.createCarousel(
          draft.media.map((media) => itemParams(media, { carouselItem: true })),
          { caption },
        );
  const mediaId = await publisher.publish(containerId);
  const result: PublishedPost = {
    platformPostId: mediaId,
    url: await publisher.permalink(mediaId, { mediaId }),
  };
  return addFirstComment(deps.context, 'instagram', result, {
    api: deps.api,
    accessToken: credentials.accessToken,
    comment: draft.firstComment,
    logContext: { mediaId },
  });
}
