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
import { graphRequest, type GraphParams } from '../meta-graph/graph-request';
import type { Polling } from '../meta-graph/polling';
import type { ThreadsEndpoints } from './endpoints';
import { THREADS_MAX_CAROUSEL_ITEMS } from './limits';

const created = z.object({ id: z.string().min(1) });
const containerStatus = z.object({ status: z.string(), error_message: z.string().optional() });
const permalink = z.object({ permalink: z.string().optional() });

/** `error_message` values after which a fresh container may well work. */
const TRANSIENT_FAILURES = new Set(['FAILED_DOWNLOADING_VIDEO', 'UNKNOWN']);

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface ThreadsPublishDeps {
  context: ConnectorContext;
  endpoints: ThreadsEndpoints;
  polling: Polling;
}

function containerFlow({ context, endpoints, polling }: ThreadsPublishDeps, token: string): ContainerFlow {
  return {
    platform: 'threads',
    clock: context.clock,
    polling,
    // https://developers.facebook.com/documentation/threads/troubleshooting (status, error_message)
    async readStatus(containerId) {
      const body = await graphRequest(context, 'threads', {
        method: 'GET',
        url: `${endpoints.api}/${containerId}`,
        accessToken: token,
        query: { fields: 'status,error_message' },
        schema: containerStatus,
      });
      return { state: body.status, detail: body.error_message };
    },
    failureKind: (detail) => (detail && TRANSIENT_FAILURES.has(detail) ? 'transient' : 'permanent'),
    failureMessage: (detail) => `Threads could not process the media${detail ? ` (${detail})` : ''}`,
  };
}

function mediaParams(media: MediaItem): GraphParams {
  const params: GraphParams =
    media.kind === 'video'
      ? { media_type: 'VIDEO', video_url: media.url }
      : { media_type: 'IMAGE', image_url: media.url };
  if (media.altText) params.alt_text = media.altText;
  return params;
}

export class ThreadsPublisher {
  private readonly flow: ContainerFlow;

  constructor(
    private readonly deps: ThreadsPublishDeps,
    private readonly credentials: AccountCredentials,
  ) {
    this.flow = containerFlow(deps, credentials.accessToken);
  }

  /** Containers are invisible until published: creating one again after a failure is harmless. */
  private async createContainer(form: GraphParams): Promise<string> {
    const container = await graphRequest(this.deps.context, 'threads', {
      method: 'POST',
      url: `${this.deps.endpoints.api}/${this.credentials.accountId}/threads`,
      accessToken: this.credentials.accessToken,
      form,
      schema: created,
    });
    return container.id;
  }

  private async publish(containerId: string): Promise<string> {
    await waitUntilFinished(this.flow, containerId);
    return publishContainer(this.flow, containerId, async () => {
      const published = await graphRequest(this.deps.context, 'threads', {
        method: 'POST',
        url: `${this.deps.endpoints.api}/${this.credentials.accountId}/threads_publish`,
        accessToken: this.credentials.accessToken,
        form: { creation_id: containerId },
        creates: true,
        schema: created,
      });
      return published.id;
    });
  }

  /** The root post: text, one image or video, or a carousel (children first, then the parent). */
  async root(draft: PostDraft): Promise<string> {
    const text = draft.text || undefined;
    if (draft.media.length > THREADS_MAX_CAROUSEL_ITEMS) {
      throw new PlatformError(
        'permanent',
        `A Threads carousel holds up to ${THREADS_MAX_CAROUSEL_ITEMS} items.`,
      );
    }
    if (draft.media.length === 0)
      return this.publish(await this.createContainer({ media_type: 'TEXT', text }));
    if (draft.media.length === 1)
      return this.publish(await this.createContainer({ ...mediaParams(draft.media[0]!), text }));
    const children: string[] = [];
    for (const media of draft.media)
      children.push(await this.createContainer({ ...mediaParams(media), is_carousel_item: true }));
    for (const child of children) await waitUntilFinished(this.flow, child);
    return this.publish(
      await this.createContainer({ media_type: 'CAROUSEL', children: children.join(','), text }),
    );
  }

  /** https://developers.facebook.com/documentation/threads/reply-management: a text reply. */
  async reply(text: string, replyToId: string): Promise<string> {
    return this.publish(await this.createContainer({ media_type: 'TEXT', text, reply_to_id: replyToId }));
  }

  async permalink(id: string): Promise<string | undefined> {
    try {
      const body = await graphRequest(this.deps.context, 'threads', {
        method: 'GET',
        url: `${this.deps.endpoints.api}/${id}`,
        accessToken: this.credentials.accessToken,
        query: { fields: 'permalink' },
        schema: permalink,
      });
      return body.permalink;
    } catch (error) {
      // Cosmetic: the post is live, never fail it over its link.
      this.deps.context.logger.warn('threads: permalink unavailable', { id, error: describe(error) });
      return undefined;
    }
  }
}

/**
 * Root post, then each thread reply under the previous one, then the first comment under the
 * root. Once the root is live nothing may fail the publish (a retry would post it again):
 * the first failed follow-up stops the rest and is reported in `warnings`.
 */
export async function publishToThreads(
  deps: ThreadsPublishDeps,
  credentials: AccountCredentials,
  draft: PostDraft,
): Promise<PublishedPost> {
  const publisher = new ThreadsPublisher(deps, credentials);
  const rootId = await publisher.root(draft);
  const followUps: { text: string; replyTo: 'previous' | 'root'; label: string }[] = [
    ...(draft.thread ?? [])
      .filter((reply) => reply.trim())
      .map((text, index) => ({ text, replyTo: 'previous' as const, label: `reply ${index + 2}` })),
    ...(draft.firstComment?.trim()
      ? [{ text: draft.firstComment, replyTo: 'root' as const, label: 'first comment' }]
      : []),
  ];
  const followUpIds: string[] = [];
  const warnings: string[] = [];
  let previous = rootId;
  for (const [index, followUp] of followUps.entries()) {
    try {
      previous = await publisher.reply(followUp.text, followUp.replyTo === 'root' ? rootId : previous);
      followUpIds.push(previous);
    } catch (error) {
      const skipped = followUps.slice(index).map((item) => item.label);
      deps.context.logger.warn('threads: follow-up failed after the post was published', {
        rootId,
        error: describe(error),
      });
      warnings.push(`Not posted: ${skipped.join(', ')} (${describe(error)})`);
      break;
    }
  }
  const result: PublishedPost = { platformPostId: rootId, url: await publisher.permalink(rootId) };
  if (followUps.length > 0) result.followUpIds = followUpIds;
  if (warnings.length > 0) result.warnings = warnings;
  return result;
}
