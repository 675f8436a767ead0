import { describe, expect, it } from 'vitest';
import type { AccountCredentials, MediaItem } from '../../../functions/platforms/connector';
import { createThreadsConnector } from '../../../functions/platforms/threads';
import { oauthFlow, rejection, useContainerStandIn } from '../support/meta-connector-suite';
import { processing } from '../support/meta-graph-containers';
import { graphError, TEST_TIMEOUT_MS, TOO_LATE_MS } from '../support/meta-graph-stand-in';
import {
  startThreadsStandIn,
  THREADS_APP,
  THREADS_CODE,
  THREADS_LONG_LIVED_SECONDS,
  THREADS_TOKENS,
  THREADS_USER_ID,
  threadsEndpoints,
} from '../support/threads-stand-in';

const th = startThreadsStandIn();
const env = useContainerStandIn(th, {
  endpoints: threadsEndpoints,
  reset: () => {
    th.state.validToken = THREADS_TOKENS.long;
  },
});

function connector() {
  return createThreadsConnector(env.context, {
    sleep: env.sleep,
    pollIntervalMs: 1_000,
    maxProcessingMs: 5_000,
  });
}

const credentials: AccountCredentials = {
  accountId: THREADS_USER_ID,
  accessToken: THREADS_TOKENS.long,
  scopes: [],
};

function media(id: string, kind: 'image' | 'video', extra: Partial<MediaItem> = {}): MediaItem {
  return kind === 'image'
    ? {
        id,
        kind,
        mimeType: 'image/jpeg',
        bytes: 2_000,
        url: `https://media.plume.example/${id}.jpg`,
        ...extra,
      }
    : {
        id,
        kind,
        mimeType: 'video/mp4',
        bytes: 9_000_000,
        url: `https://media.plume.example/${id}.mp4`,
        ...extra,
      };
}

const lastPublished = () => [...th.published.values()].at(-1)!;

describe('Threads connect', () => {
  it('builds the authorization URL', () => {
    const connect = oauthFlow(connector());
    const url = new URL(
      connect.authorizationUrl({ client: THREADS_APP, state: 'st-9', codeChallenge: 'unused' }),
    );
    expect(url.origin + url.pathname).toBe('https://threads.net/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: THREADS_APP.clientId,
      redirect_uri: THREADS_APP.redirectUri,
      scope: 'threads_basic,threads_content_publish,threads_manage_replies,threads_manage_insights',
      response_type: 'code',
      state: 'st-9',
    });
  });

  it('exchanges the code, then for a long-lived token, then reads the profile', async () => {
    const connect = oauthFlow(connector());
    const result = await connect.exchangeCode({ client: THREADS_APP, code: THREADS_CODE, codeVerifier: 'v' });
    const [code, longLived, me] = th.server.requests;
    expect(code).toMatchObject({ method: 'POST', path: '/oauth/access_token' });
    expect(code!.form).toEqual({
      client_id: THREADS_APP.clientId,
      client_secret: THREADS_APP.clientSecret,
      code: THREADS_CODE,
      grant_type: 'authorization_code',
      redirect_uri: THREADS_APP.redirectUri,
    });
    expect(longLived).toMatchObject({
      method: 'GET',
      path: '/access_token',
      query: {
        grant_type: 'th_exchange_token',
        client_secret: THREADS_APP.clientSecret,
        access_token: THREADS_TOKENS.short,
      },
    });
    expect(me).toMatchObject({
      path: '/v1.0/me',
      query: { fields: 'id,username,name,threads_profile_picture_url' },
    });
    expect(me!.headers.authorization).toBe(`Bearer ${THREADS_TOKENS.long}`);
    expect(result.tokens).toEqual({
      accessToken: THREADS_TOKENS.long,
      expiresAt: new Date(env.clock.now().getTime() + THREADS_LONG_LIVED_SECONDS * 1000),
      scopes: [
        'threads_basic',
        'threads_content_publish',
        'threads_manage_replies',
        'threads_manage_insights',
      ],
    });
    expect(result.profile).toMatchObject({
      accountId: THREADS_USER_ID,
      handle: 'plume.studio',
      profileUrl: 'https://www.threads.net/@plume.studio',
    });
  });

  it('refreshes with th_refresh_token, keeping the stored refresh token; an expired token is auth', async () => {
    const tokens = await connector().refresh!({ ...credentials, refreshToken: 'stored' });
    expect(th.server.requests[0]).toMatchObject({
      path: '/refresh_access_token',
      query: { grant_type: 'th_refresh_token', access_token: THREADS_TOKENS.long },
    });
    expect(tokens).toMatchObject({ accessToken: THREADS_TOKENS.refreshed, refreshToken: 'stored' });
    expect((await rejection(connector().refresh!(credentials))).kind).toBe('auth');
  });
});

describe('Threads publish', () => {
  it('publishes a text post: TEXT container, status, threads_publish, permalink', async () => {
    const result = await connector().publish(credentials, { text: 'Hello Threads 👋', media: [] });
    const container = [...th.store.containers.values()].at(-1)!;
    expect(th.server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `POST /v1.0/${THREADS_USER_ID}/threads`,
      `GET /v1.0/${container.id}`,
      `POST /v1.0/${THREADS_USER_ID}/threads_publish`,
      `GET /v1.0/${lastPublished().id}`,
    ]);
    expect(th.server.requests[0]!.form).toEqual({ media_type: 'TEXT', text: 'Hello Threads 👋' });
    expect(th.server.requests[1]!.query).toEqual({ fields: 'status,error_message' });
    expect(th.server.requests[2]!.form).toEqual({ creation_id: container.id });
    expect(th.server.requests[3]!.query).toEqual({ fields: 'permalink' });
    expect(result).toEqual({
      platformPostId: lastPublished().id,
      url: `https://www.threads.net/@plume.studio/post/${lastPublished().id}`,
    });
  });

  it('chains thread replies under each other and the first comment under the root', async () => {
    const result = await connector().publish(credentials, {
      text: '1/3 A thread',
      media: [],
      thread: ['2/3 more', '3/3 the end'],
      firstComment: 'Sources below',
    });
    const posts = [...th.published.values()].slice(-4);
    const [root, second, third, comment] = posts as [
      (typeof posts)[0],
      (typeof posts)[0],
      (typeof posts)[0],
      (typeof posts)[0],
    ];
    expect(posts.map((post) => [post.text, post.replyToId])).toEqual([
      ['1/3 A thread', undefined],
      ['2/3 more', root.id],
      ['3/3 the end', second.id],
      ['Sources below', root.id],
    ]);
    expect(result).toMatchObject({ platformPostId: root.id, followUpIds: [second.id, third.id, comment.id] });
    expect(result.warnings).toBeUndefined();
  });

  it('keeps the live root when a reply is throttled: later follow-ups are skipped and reported', async () => {
    let creates = 0;
    th.server.failNext(
      'POST',
      /\/threads$/,
      (request) => {
        creates += 1;
        if (creates === 2) return graphError(400, { message: 'User request limit reached', code: 17 });
        return { body: { id: th.store.create(THREADS_USER_ID, request.form).id } };
      },
      2,
    );
    const result = await connector().publish(credentials, {
      text: 'root',
      media: [],
      thread: ['two', 'three'],
      firstComment: 'c',
    });
    expect(result.platformPostId).toBe(lastPublished().id);
    expect(lastPublished().text).toBe('root');
    expect(result.followUpIds).toEqual([]);
    expect(result.warnings).toEqual([
      'Not posted: reply 2, reply 3, first comment (User request limit reached)',
    ]);
    expect(th.server.calls('POST', /threads_publish$/)).toHaveLength(1);
  });

  it('publishes an image with alt text and a video after processing', async () => {
    await connector().publish(credentials, {
      text: 'A photo',
      media: [media('p', 'image', { altText: 'A red kite' })],
    });
    expect(th.server.calls('POST', /\/threads$/)[0]!.form).toEqual({
      media_type: 'IMAGE',
      image_url: 'https://media.plume.example/p.jpg',
      alt_text: 'A red kite',
      text: 'A photo',
    });
    th.server.requests.length = 0;
    th.store.scripts.push(processing(2));
    await connector().publish(credentials, { text: '', media: [media('v', 'video')] });
    expect(th.server.calls('POST', /\/threads$/)[0]!.form).toEqual({
      media_type: 'VIDEO',
      video_url: 'https://media.plume.example/v.mp4',
    });
    expect(env.sleeps).toEqual([1_000, 1_000]);
  });

  it('publishes a carousel: children with is_carousel_item, then CAROUSEL with the text', async () => {
    await connector().publish(credentials, {
      text: 'Gallery',
      media: [media('a', 'image'), media('b', 'video'), media('c', 'image')],
    });
    const forms = th.server.calls('POST', /\/threads$/).map((request) => request.form);
    const children = [...th.store.containers.values()].slice(-4, -1).map((container) => container.id);
    expect(forms).toEqual([
      { media_type: 'IMAGE', image_url: 'https://media.plume.example/a.jpg', is_carousel_item: 'true' },
      { media_type: 'VIDEO', video_url: 'https://media.plume.example/b.mp4', is_carousel_item: 'true' },
      { media_type: 'IMAGE', image_url: 'https://media.plume.example/c.jpg', is_carousel_item: 'true' },
      { media_type: 'CAROUSEL', children: children.join(','), text: 'Gallery' },
    ]);
  });

  it.each([
    ['FAILED_DOWNLOADING_VIDEO', 'transient'],
    ['INVALID_DURATION', 'permanent'],
  ])('a container in ERROR (%s) is %s and nothing is published', async (detail, kind) => {
    th.store.scripts.push([{ state: 'IN_PROGRESS' }, { state: 'ERROR', detail }]);
    const error = await rejection(
      connector().publish(credentials, { text: 'x', media: [media('v', 'video')] }),
    );
    expect(error).toMatchObject({
      kind,
      message: `Threads could not process the media (${detail})`,
      details: { platformCode: detail },
    });
    expect(th.server.calls('POST', /threads_publish$/)).toHaveLength(0);
  });

  it('an EXPIRED container and a processing deadline are transient', async () => {
    th.store.scripts.push([{ state: 'EXPIRED' }]);
    expect((await rejection(connector().publish(credentials, { text: 'x', media: [] }))).kind).toBe(
      'transient',
    );
    th.store.scripts.push(processing(50));
    const slow = await rejection(
      connector().publish(credentials, { text: 'x', media: [media('v', 'video')] }),
    );
    expect(slow).toMatchObject({
      kind: 'transient',
      message: 'threads: the media was still processing after 5 s',
    });
    expect(th.server.calls('POST', /threads_publish$/)).toHaveLength(0);
  });

  it('maps the link limit and a threads_publish timeout', async () => {
    th.server.failNext('POST', /\/threads$/, {
      status: 400,
      body: {
        error: {
          message: 'Too many links',
          type: 'THApiException',
          code: 'THREADS_API__LINK_LIMIT_EXCEEDED',
        },
      },
    });
    const links = await rejection(connector().publish(credentials, { text: 'x', media: [] }));
    expect(links).toMatchObject({
      kind: 'permanent',
      details: { platformCode: 'THREADS_API__LINK_LIMIT_EXCEEDED' },
    });

    // The publish reached Threads (the post exists) but the answer came too late.
    env.context.timeoutMs = TEST_TIMEOUT_MS;
    th.server.failNext('POST', /threads_publish$/, (request) => {
      const container = th.store.containers.get(request.form.creation_id!)!;
      th.store.markPublished(container);
      return { body: { id: '18999999999' }, delayMs: TOO_LATE_MS };
    });
    const late = await rejection(connector().publish(credentials, { text: 'x', media: [] }));
    expect(late.kind).toBe('unknown_outcome');
    expect(th.server.calls('POST', /threads_publish$/)).toHaveLength(1);
  });

  it('an expired token is auth before anything is created', async () => {
    th.state.validToken = 'rotated';
    const error = await rejection(connector().publish(credentials, { text: 'x', media: [] }));
    expect(error).toMatchObject({ kind: 'auth', details: { status: 400, platformCode: '463' } });
    expect(th.server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `POST /v1.0/${THREADS_USER_ID}/threads`,
    ]);
  });
});

describe('Threads quota and metrics', () => {
  it('reads threads_publishing_limit', async () => {
    expect(await connector().quota!(credentials)).toEqual({ used: 7, limit: 250, windowSeconds: 86_400 });
    expect(th.server.requests[0]).toMatchObject({
      path: `/v1.0/${THREADS_USER_ID}/threads_publishing_limit`,
      query: { fields: 'quota_usage,config' },
    });
  });

  it('maps insights (views, likes, replies, reposts + quotes + shares) and skips unknown posts', async () => {
    th.state.insights.set('18000000000777', {
      views: 900,
      likes: 40,
      replies: 6,
      reposts: 3,
      quotes: 2,
      shares: 1,
    });
    const metrics = await connector().fetchMetrics(credentials, ['18000000000777', '18000000000404']);
    expect(metrics).toEqual([
      {
        platformPostId: '18000000000777',
        impressions: 900,
        likes: 40,
        comments: 6,
        shares: 6,
        fetchedAt: env.clock.now(),
      },
    ]);
    expect(th.server.requests[0]).toMatchObject({
      path: '/v1.0/18000000000777/insights',
      query: { metric: 'views,likes,replies,reposts,quotes,shares' },
    });
  });
});
