import * as z from 'zod';
import type { AccountCredentials, ConnectorContext, Platform } from '../connector';
import { publishContainer, waitUntilFinished, type ContainerFlow } from './containers';
import { createdObject, describeError } from './created-object';
import { graphRequest, type GraphParams } from './graph-request';
import type { Polling } from './polling';

/** What differs between the Instagram and Threads container APIs. */
export interface ContainerApi {
  platform: Platform;
  /** `POST /{user-id}/{createEdge}` makes a container: `media` (Instagram), `threads`. */
  createEdge: string;
  /** `POST /{user-id}/{publishEdge}` publishes one: `media_publish`, `threads_publish`. */
  publishEdge: string;
  /** The container fields holding its state and, after an ERROR, why it failed. */
  statusFields: { state: string; detail: string };
  failureKind: ContainerFlow['failureKind'];
  failureMessage: ContainerFlow['failureMessage'];
}

export interface ContainerPublishDeps {
  context: ConnectorContext;
  /** The versioned Graph API base. */
  api: string;
  polling: Polling;
}

const permalinkAnswer = z.object({ permalink: z.string().optional() });

function statusAnswer({ state, detail }: ContainerApi['statusFields']) {
  return z
    .object({ [state]: z.string(), [detail]: z.string().optional() })
    .transform((body) => ({ state: String(body[state]), detail: body[detail] }));
}

/** One account's containers: create, wait until FINISHED, publish exactly once, read the link. */
export class ContainerPublisher {
  readonly flow: ContainerFlow;

  constructor(
    private readonly deps: ContainerPublishDeps,
    private readonly containers: ContainerApi,
    private readonly credentials: AccountCredentials,
  ) {
    const { context, api, polling } = deps;
    const schema = statusAnswer(containers.statusFields);
    this.flow = {
      platform: containers.platform,
      clock: context.clock,
      polling,
      readStatus: (containerId) =>
        graphRequest(context, containers.platform, {
          method: 'GET',
          url: `${api}/${containerId}`,
          accessToken: credentials.accessToken,
          query: { fields: `${containers.statusFields.state},${containers.statusFields.detail}` },
          schema,
        }),
      failureKind: containers.failureKind,
      failureMessage: containers.failureMessage,
    };
  }

  /** Containers are invisible until published: creating one again after a failure is harmless. */
  async create(form: GraphParams): Promise<string> {
    const container = await graphRequest(this.deps.context, this.containers.platform, {
      method: 'POST',
      url: `${this.deps.api}/${this.credentials.accountId}/${this.containers.createEdge}`,
      accessToken: this.credentials.accessToken,
      form,
      schema: createdObject,
    });
    return container.id;
  }

  /** A carousel container: its items first (each processed), then the parent with `fields`. */
  async createCarousel(items: GraphParams[], fields: GraphParams): Promise<string> {
    const children: string[] = [];
    for (const item of items) children.push(await this.create(item));
    for (const child of children) await waitUntilFinished(this.flow, child);
    return this.create({ media_type: 'CAROUSEL', children: children.join(','), ...fields });
  }

  /** Waits until the container is FINISHED, publishes it and returns the post's id. */
  async publish(containerId: string): Promise<string> {
    await waitUntilFinished(this.flow, containerId);
    return publishContainer(this.flow, containerId, async () => {
      const published = await graphRequest(this.deps.context, this.containers.platform, {
        method: 'POST',
        url: `${this.deps.api}/${this.credentials.accountId}/${this.containers.publishEdge}`,
        accessToken: this.credentials.accessToken,
        form: { creation_id: containerId },
        creates: true,
        schema: createdObject,
      });
      return published.id;
    });
  }

  /** The post's public link; `logContext` names the post in the log when it cannot be read. */
  async permalink(id: string, logContext: Record<string, unknown>): Promise<string | undefined> {
    try {
      const body = await graphRequest(this.deps.context, this.containers.platform, {
        method: 'GET',
        url: `${this.deps.api}/${id}`,
        accessToken: this.credentials.accessToken,
        query: { fields: 'permalink' },
        schema: permalinkAnswer,
      });
      return body.permalink;
    } catch (error) {
      // Cosmetic: the post is live, never fail it over its link.
      this.deps.context.logger.warn(`${this.containers.platform}: permalink unavailable`, {
        ...logContext,
        error: describeError(error),
      });
      return undefined;
    }
  }
}
