import { ContainerStore, finished, processing } from './meta-graph-containers';
import { graphError, GraphStandIn, INVALID_TOKEN, type StandInReply } from './meta-graph-stand-in';
import { graphListing, graphTime } from './meta-graph-listing';
import { bearerGuard, LONG_LIVED_SECONDS, routeTokenLadder } from './meta-token-ladder';

export const THREADS_USER_ID = '25000000000000001';
export const THREADS_APP = {
  clientId: '1200000000000001',
  clientSecret: 'threads-app-secret',
  redirectUri: 'https://plume.example/oauth/threads/callback',
};
export const THREADS_CODE = 'AQD-threads-code';
export const THREADS_TOKENS = { short: 'THQ-short', long: 'THQ-long-lived', refreshed: 'THQ-refreshed' };
export const THREADS_LONG_LIVED_SECONDS = LONG_LIVED_SECONDS;

export interface PublishedThread {
  id: string;
  containerId: string;
  text?: string;
  replyToId?: string;
  publishedAt: Date;
}

/**
 * The Threads API as documented: token ladder on graph.threads.net, containers
 * (TEXT/IMAGE/VIDEO/CAROUSEL, `reply_to_id`), `threads_publish`, permalinks, insights and
 * `threads_publishing_limit`. The API lives under `/v1.0`, token endpoints at the root.
 */
export function startThreadsStandIn() {
  const server = new GraphStandIn();
  const store = new ContainerStore((params) => (params.media_type === 'VIDEO' ? processing(1) : finished()));
  const published = new Map<string, PublishedThread>();
  const state = {
    validToken: THREADS_TOKENS.long,
    /** The network's clock, for `timestamp` (tests align it with the connector's). */
    now: () => new Date(),
    insights: new Map<string, Record<string, number>>(),
    /** User insights of THREADS_USER_ID; undefined answers as a token without threads_manage_insights. */
    userInsights: { followers_count: 5120 } as Record<string, number> | undefined,
    /** Sent as `x-app-usage` when set (Meta's usage percentages). */
    appUsage: undefined as Record<string, number> | undefined,
  };

  const authorized = bearerGuard(state);

  function createContainer(owner: string, params: Record<string, string>): StandInReply {
    const type = params.media_type;
    if (type === 'TEXT' && !params.text)
      return graphError(400, { message: 'The parameter text is required', code: 100 });
    if (type === 'IMAGE' && !params.image_url)
      return graphError(400, { message: 'The parameter image_url is required', code: 100 });
    if (type === 'VIDEO' && !params.video_url)
      return graphError(400, { message: 'The parameter video_url is required', code: 100 });
    if (type === 'CAROUSEL') {
      const children = (params.children ?? '').split(',').filter(Boolean);
      if (
        children.length < 2 ||
        children.length > 20 ||
        children.some((id) => store.containers.get(id)?.params.is_carousel_item !== 'true')
      ) {
        return graphError(400, { message: 'Invalid carousel children', code: 100 });
      }
    }
    if (!['TEXT', 'IMAGE', 'VIDEO', 'CAROUSEL'].includes(type ?? '')) {
      return graphError(400, { message: 'The parameter media_type is required', code: 100 });
    }
    if (params.reply_to_id && !published.has(params.reply_to_id)) {
      return graphError(400, { message: 'The reply_to_id is invalid', code: 100, error_subcode: 33 });
    }
    return { body: { id: store.create(owner, params).id } };
  }

  function publish(owner: string, creationId: string | undefined): StandInReply {
    const container = creationId ? store.containers.get(creationId) : undefined;
    if (!container || container.owner !== owner)
      return graphError(400, { message: 'Invalid creation_id', code: 100 });
    const current = store.current(container).state;
    if (current !== 'FINISHED') {
      return graphError(400, { message: 'The media is not ready to be published', code: 100 });
    }
    store.markPublished(container);
    const thread: PublishedThread = {
      id: `1800000000${published.size + 1}`,
      containerId: container.id,
      text: container.params.text,
      replyToId: container.params.reply_to_id,
      publishedAt: state.now(),
    };
    published.set(thread.id, thread);
    return { body: { id: thread.id } };
  }

  server.route('POST', /^\/oauth\/access_token$/, (request) => {
    const form = request.form;
    if (
      form.client_id !== THREADS_APP.clientId ||
      form.client_secret !== THREADS_APP.clientSecret ||
      form.code !== THREADS_CODE
    ) {
      return graphError(400, { message: 'Invalid verification code format.', code: 100 });
    }
    if (form.grant_type !== 'authorization_code' || form.redirect_uri !== THREADS_APP.redirectUri) {
      return graphError(400, { message: 'Error validating verification code.', code: 100 });
    }
    return { body: `{"access_token":"${THREADS_TOKENS.short}","user_id":${THREADS_USER_ID}}` };
  });
  routeTokenLadder(
    server,
    {
      exchangeGrant: 'th_exchange_token',
      refreshGrant: 'th_refresh_token',
      clientSecret: THREADS_APP.clientSecret,
      tokens: THREADS_TOKENS,
      refusedExchange: INVALID_TOKEN,
    },
    state,
  );
  server
    .route(
      'GET',
      /^\/v1\.0\/me$/,
      authorized(() => ({
        body: {
          id: THREADS_USER_ID,
          username: 'plume.studio',
          name: 'Plume Studio',
          threads_profile_picture_url: 'https://cdn.threads.example/p.jpg',
        },
      })),
    )
    .route(
      'POST',
      /^\/v1\.0\/(\d+)\/threads$/,
      authorized((request, match) => createContainer(match[1]!, request.form)),
    )
    .route(
      'GET',
      /^\/v1\.0\/(\d+)\/threads$/,
      authorized((request, match) =>
        match[1] !== THREADS_USER_ID
          ? graphError(400, { message: 'Object does not exist', code: 100, error_subcode: 33 })
          : graphListing(
              request,
              // Top-level threads only: replies are listed by the replies edge.
              [...published.values()]
                .filter((thread) => !thread.replyToId)
                .map((thread) => ({
                  id: thread.id,
                  at: thread.publishedAt,
                  text: thread.text,
                  timestamp: graphTime(thread.publishedAt),
                  permalink: `https://www.threads.net/@plume.studio/post/${thread.id}`,
                })),
              { timeBounds: true },
            ),
      ),
    )
    .route(
      'POST',
      /^\/v1\.0\/(\d+)\/threads_publish$/,
      authorized((request, match) => publish(match[1]!, request.form.creation_id)),
    )
    .route(
      'GET',
      /^\/v1\.0\/(\d+)\/threads_publishing_limit$/,
      authorized(() => ({
        body: { data: [{ quota_usage: 7, config: { quota_total: 250, quota_duration: 86400 } }] },
      })),
    )
    .route(
      'GET',
      /^\/v1\.0\/(\d+)\/threads_insights$/,
      // User insights: `followers_count` is a total value (`total_value.value`), the others a
      // daily series; metrics the account has no figure for are left out.
      authorized((request, match) => {
        const headers = state.appUsage ? { 'x-app-usage': JSON.stringify(state.appUsage) } : undefined;
        if (match[1] !== THREADS_USER_ID)
          return graphError(400, { message: 'Object does not exist', code: 100, error_subcode: 33 });
        const values = state.userInsights;
        if (!values)
          return graphError(
            403,
            { message: '(#10) Application does not have permission for this action', code: 10 },
            headers,
          );
        const names = (request.query.metric ?? '').split(',');
        return {
          headers,
          body: {
            data: names
              .filter((name) => name in values)
              .map((name) => ({
                name,
                period: 'day',
                title: name,
                description: name,
                total_value: { value: values[name] },
                id: `${THREADS_USER_ID}/insights/${name}/day`,
              })),
          },
        };
      }),
    )
    .route(
      'GET',
      /^\/v1\.0\/(\d+)\/insights$/,
      authorized((request, match) => {
        const values = state.insights.get(match[1]!);
        if (!values)
          return graphError(400, { message: 'Object does not exist', code: 100, error_subcode: 33 });
        const names = (request.query.metric ?? '').split(',');
        return {
          body: {
            data: names
              .filter((name) => name in values)
              .map((name) => ({ name, period: 'lifetime', values: [{ value: values[name] }] })),
          },
        };
      }),
    )
    .route(
      'GET',
      /^\/v1\.0\/(\d+)$/,
      authorized((_request, match) => {
        const id = match[1]!;
        const container = store.containers.get(id);
        if (container) {
          const { state: status, detail } = store.poll(container);
          return { body: { id, status, ...(detail ? { error_message: detail } : {}) } };
        }
        if (published.has(id))
          return { body: { id, permalink: `https://www.threads.net/@plume.studio/post/${id}` } };
        return graphError(400, { message: 'Object does not exist', code: 100, error_subcode: 33 });
      }),
    );

  return { server, store, published, state };
}

export function threadsEndpoints(baseUrl: string): Record<string, string> {
  return { api: `${baseUrl}/v1.0`, graph: baseUrl };
}
