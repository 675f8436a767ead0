import { z } from 'zod';
import {
  PlatformError,
  type AccountCredentials,
  type ConnectorContext,
  type MediaItem,
  type PostDraft,
  type PublishedPost,
} from '../connector';
import { publishContainer, waitUntilFinished, type ContainerFlow } from '../meta-graph/containers';
import { isTransientSubcode } from '../meta-graph/graph-error';
import { graphRequest, type GraphParams } from '../meta-graph/graph-request';
import type { Polling } from '../meta-graph/polling';
import type { InstagramEndpoints } from './endpoints';
import { INSTAGRAM_MAX_CAROUSEL_ITEMS } from './limits';

const created = z.object({ id: z.string().min(1) });
const containerStatus = z.object({ status_code: z.string(), status: z.string().optional() });
const permalink = z.object({ permalink: z.string().optional() });

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Instagram reports a failed container as `status: "Error: ... 2207026"`. */
function failureKind(detail: string | undefined): 'transient' | 'permanent' {
  const codes = detail?.match(/\b\d{4,}\b/g) ?? [];
  return codes.some((code) => isTransientSubcode(Number(code))) ? 'transient' : 'permanent';
}

export interface InstagramPublishDeps {
  context: ConnectorContext;
  endpoints: InstagramEndpoints;
  polling: Polling;
}

function containerFlow({ context, endpoints, polling }: InstagramPublishDeps, token: string): ContainerFlow {
  return {
    platform: 'instagram',
    clock: context.clock,
    polling,
    async readStatus(containerId) {
      const body = await graphRequest(context, 'instagram', {
        method: 'GET',
        url: `${endpoints.api}/${containerId}`,
        accessToken: token,
        query: { fields: 'status_code,status' },
        schema: containerStatus,
      });
      return { state: body.status_code, detail: body.status };
    },
    failureKind,
    failureMessage: (detail) => `Instagram could not process the media${detail ? `: ${detail}` : ''}`,
  };
}

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

async function createContainer(
  deps: InstagramPublishDeps,
  credentials: AccountCredentials,
  form: GraphParams,
): Promise<string> {
  // Containers are invisible until published: creating one again after a failure is harmless.
  const container = await graphRequest(deps.context, 'instagram', {
    method: 'POST',
    url: `${deps.endpoints.api}/${credentials.accountId}/media`,
    accessToken: credentials.accessToken,
    form,
    schema: created,
  });
  return container.id;
}

async function readPermalink(
  deps: InstagramPublishDeps,
  token: string,
  mediaId: string,
): Promise<string | undefined> {
  try {
    const body = await graphRequest(deps.context, 'instagram', {
      method: 'GET',
      url: `${deps.endpoints.api}/${mediaId}`,
      accessToken: token,
      query: { fields: 'permalink' },
      schema: permalink,
    });
    return body.permalink;
  } catch (error) {
    // Cosmetic: the post is live, never fail it over its link.
    deps.context.logger.warn('instagram: permalink unavailable', { mediaId, error: describe(error) });
    return undefined;
  }
}

/** Container(s) -> wait until FINISHED -> `media_publish` -> first comment. */
export async function publishToInstagram(
  deps: InstagramPublishDeps,
  credentials: AccountCredentials,
  draft: PostDraft,
): Promise<PublishedPost> {
  const { context, endpoints } = deps;
  if (draft.media.length === 0)
    throw new PlatformError('permanent', 'Instagram posts need at least one image or video.');
  if (draft.media.length > INSTAGRAM_MAX_CAROUSEL_ITEMS) {
    throw new PlatformError(
      'permanent',
      `An Instagram carousel holds up to ${INSTAGRAM_MAX_CAROUSEL_ITEMS} items.`,
    );
  }
  const flow = containerFlow(deps, credentials.accessToken);
  const caption = draft.text || undefined;

  let containerId: string;
  if (draft.media.length === 1) {
    containerId = await createContainer(
      deps,
      credentials,
      itemParams(draft.media[0]!, { caption, carouselItem: false }),
    );
  } else {
    const children: string[] = [];
    for (const media of draft.media) {
      children.push(await createContainer(deps, credentials, itemParams(media, { carouselItem: true })));
    }
    for (const child of children) await waitUntilFinished(flow, child);
    containerId = await createContainer(deps, credentials, {
      media_type: 'CAROUSEL',
      children: children.join(','),
      caption,
    });
  }
  await waitUntilFinished(flow, containerId);

  const mediaId = await publishContainer(flow, containerId, async () => {
    const published = await graphRequest(context, 'instagram', {
      method: 'POST',
      url: `${endpoints.api}/${credentials.accountId}/media_publish`,
      accessToken: credentials.accessToken,
      form: { creation_id: containerId },
      creates: true,
      schema: created,
    });
    return published.id;
  });
  const result: PublishedPost = {
    platformPostId: mediaId,
    url: await readPermalink(deps, credentials.accessToken, mediaId),
  };

  const comment = draft.firstComment?.trim();
  if (!comment) return result;
  try {
    const posted = await graphRequest(context, 'instagram', {
      method: 'POST',
      url: `${endpoints.api}/${mediaId}/comments`,
      accessToken: credentials.accessToken,
      form: { message: comment },
      creates: true,
      schema: created,
    });
    return { ...result, followUpIds: [posted.id] };
  } catch (error) {
    context.logger.warn('instagram: first comment failed after the post was published', {
      mediaId,
      error: describe(error),
    });
    return { ...result, followUpIds: [], warnings: [`The first comment was not posted: ${describe(error)}`] };
  }
}
