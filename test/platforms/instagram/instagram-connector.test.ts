import { describe, expect, it } from 'vitest';
import type { AccountCredentials, MediaItem } from '../../../functions/platforms/connector';
import { createInstagramConnector } from '../../../functions/platforms/instagram';
import {
  IG_APP,
  IG_CODE,
  IG_TOKENS,
  IG_USER_ID,
  instagramEndpoints,
  LONG_LIVED_SECONDS,
  startInstagramStandIn,
} from '../support/instagram-stand-in';
import { oauthFlow, rejection, useContainerStandIn } from '../support/meta-connector-suite';
import { processing } from '../support/meta-graph-containers';
import { graphError, TEST_TIMEOUT_MS, TOO_LATE_MS } from '../support/meta-graph-stand-in';

const ig = startInstagramStandIn();
const env = useContainerStandIn(ig, {
  endpoints: instagramEndpoints,
  reset: () => {
    ig.state.validToken = IG_TOKENS.long;
  },
});

function connector() {
  return createInstagramConnector(env.context, {
    sleep: env.sleep,
    pollIntervalMs: 2_000,
    maxProcessingMs: 10_000,
  });
}

const credentials: AccountCredentials = { accountId: IG_USER_ID, accessToken: IG_TOKENS.long, scopes: [] };

function image(id: string, extra: Partial<MediaItem> = {}): MediaItem {
  return {
    id,
    kind: 'image',
    mimeType: 'image/jpeg',
    bytes: 1000,
    url: `https://media.plume.example/${id}.jpg`,
    ...extra,
  };
}
function video(id: string): MediaItem {
  return {
    id,
    kind: 'video',
    mimeType: 'video/mp4',
    bytes: 5_000_000,
    url: `https://media.plume.example/${id}.mp4`,
  };
}

describe('Instagram connect (Business Login)', () => {
  it('builds the authorization URL with the business scopes and state', () => {
    const connect = oauthFlow(connector());
    const url = new URL(connect.authorizationUrl({ client: IG_APP, state: 'st-1', codeChallenge: 'unused' }));
    expect(url.origin + url.pathname).toBe('https://www.instagram.com/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: IG_APP.clientId,
      redirect_uri: IG_APP.redirectUri,
      response_type: 'code',
      scope:
        'instagram_business_basic,instagram_business_content_publish,instagram_business_manage_comments,instagram_business_manage_insights',
      state: 'st-1',
    });
  });

  it.each(['flat', 'wrapped'] as const)(
    'exchanges the code for a 60-day token and the professional account (%s answer)',
    async (shape) => {
      ig.state.tokenAnswer = shape;
      const connect = oauthFlow(connector());
      const result = await connect.exchangeCode({ client: IG_APP, code: IG_CODE, codeVerifier: 'v' });

      const [code, longLived, me] = ig.server.requests;
      expect(code).toMatchObject({ method: 'POST', path: '/auth/oauth/access_token' });
      expect(code!.form).toEqual({
        client_id: IG_APP.clientId,
        client_secret: IG_APP.clientSecret,
        grant_type: 'authorization_code',
        redirect_uri: IG_APP.redirectUri,
        code: IG_CODE,
      });
      expect(longLived).toMatchObject({ method: 'GET', path: '/access_token' });
      expect(longLived!.query).toEqual({
        grant_type: 'ig_exchange_token',
        client_secret: IG_APP.clientSecret,
        access_token: IG_TOKENS.short,
      });
      expect(me).toMatchObject({
        method: 'GET',
        path: '/v25.0/me',
        query: { fields: 'user_id,username,name,profile_picture_url,account_type' },
      });
      expect(me!.headers.authorization).toBe(`Bearer ${IG_TOKENS.long}`);

      expect(result.tokens).toEqual({
        accessToken: IG_TOKENS.long,
        expiresAt: new Date(env.clock.now().getTime() + LONG_LIVED_SECONDS * 1000),
        scopes: [
          'instagram_business_basic',
          'instagram_business_content_publish',
          'instagram_business_manage_comments',
        ],
      });
      // Read from /me as a string: the numeric user_id of the token answer loses digits.
      expect(result.profile).toMatchObject({
        accountId: IG_USER_ID,
        handle: 'plume.studio',
        name: 'Plume Studio',
        profileUrl: 'https://www.instagram.com/plume.studio',
      });
      ig.state.tokenAnswer = 'flat';
    },
  );

  it('refuses a personal account and a grant without the publish permission', async () => {
    const connect = oauthFlow(connector());
    ig.state.accountType = 'PERSONAL';
    expect(
      (await rejection(connect.exchangeCode({ client: IG_APP, code: IG_CODE, codeVerifier: 'v' }))).kind,
    ).toBe('permanent');
    ig.state.accountType = 'BUSINESS';

    ig.state.permissions = 'instagram_business_basic';
    expect(
      (await rejection(connect.exchangeCode({ client: IG_APP, code: IG_CODE, codeVerifier: 'v' }))).kind,
    ).toBe('auth');
    ig.state.permissions =
      'instagram_business_basic,instagram_business_content_publish,instagram_business_manage_comments';
  });

  it('maps a bad code to a permanent error with Instagram’s message', async () => {
    const connect = oauthFlow(connector());
    const error = await rejection(connect.exchangeCode({ client: IG_APP, code: 'stale', codeVerifier: 'v' }));
    expect(error).toMatchObject({
      kind: 'permanent',
      message: 'Invalid authorization code',
      details: { status: 400 },
    });
  });

  it('refreshes the long-lived token and keeps the stored refresh token', async () => {
    const tokens = await connector().refresh!({ ...credentials, refreshToken: 'kept' });
    expect(ig.server.requests[0]).toMatchObject({
      method: 'GET',
      path: '/refresh_access_token',
      query: { grant_type: 'ig_refresh_token', access_token: IG_TOKENS.long },
    });
    expect(tokens).toMatchObject({ accessToken: IG_TOKENS.refreshed, refreshToken: 'kept' });
    expect(tokens.expiresAt).toEqual(new Date(env.clock.now().getTime() + LONG_LIVED_SECONDS * 1000));
  });
});

describe('Instagram publish', () => {
  it('publishes one image: container, status, media_publish, permalink, first comment', async () => {
    const result = await connector().publish(credentials, {
      text: 'Launch day #plume',
      media: [image('a', { altText: 'A plume of smoke' })],
      firstComment: 'Link in bio',
    });

    const paths = ig.server.requests.map((request) => `${request.method} ${request.path}`);
    const containerId = [...ig.store.containers.keys()].at(-1)!;
    const mediaId = [...ig.published.keys()].at(-1)!;
    expect(paths).toEqual([
      `POST /v25.0/${IG_USER_ID}/media`,
      `GET /v25.0/${containerId}`,
      `POST /v25.0/${IG_USER_ID}/media_publish`,
      `GET /v25.0/${mediaId}`,
      `POST /v25.0/${mediaId}/comments`,
    ]);
    expect(ig.server.requests[0]!.form).toEqual({
      image_url: 'https://media.plume.example/a.jpg',
      alt_text: 'A plume of smoke',
      caption: 'Launch day #plume',
    });
    expect(ig.server.requests[1]!.query).toEqual({ fields: 'status_code,status' });
    expect(ig.server.requests[2]!.form).toEqual({ creation_id: containerId });
    expect(ig.server.requests[4]!.form).toEqual({ message: 'Link in bio' });
    for (const request of ig.server.requests)
      expect(request.headers.authorization).toBe(`Bearer ${IG_TOKENS.long}`);
    expect(result).toEqual({
      platformPostId: mediaId,
      url: `https://www.instagram.com/p/${mediaId}/`,
      followUpIds: [ig.comments.at(-1)!.id],
    });
  });

  it('publishes a video as a Reel after polling IN_PROGRESS until FINISHED', async () => {
    ig.store.scripts.push(processing(3));
    const result = await connector().publish(credentials, { text: 'Behind the scenes', media: [video('v')] });
    expect(ig.server.requests[0]!.form).toEqual({
      media_type: 'REELS',
      video_url: 'https://media.plume.example/v.mp4',
      caption: 'Behind the scenes',
    });
    expect(ig.server.calls('GET', /^\/v25\.0\/9/)).toHaveLength(4);
    expect(env.sleeps).toEqual([2_000, 2_000, 2_000]);
    expect(ig.server.calls('POST', /media_publish$/)).toHaveLength(1);
    expect(result.platformPostId).toBe([...ig.published.keys()].at(-1));
  });

  it('publishes a carousel: items first, then the CAROUSEL container with the caption', async () => {
    ig.store.scripts.push([{ state: 'FINISHED' }], processing(1), [{ state: 'FINISHED' }]);
    await connector().publish(credentials, { text: 'Three views', media: [image('a'), video('b')] });
    const creates = ig.server.calls('POST', /\/media$/);
    const [first, second, carousel] = [...ig.store.containers.keys()].slice(-3);
    expect(creates.map((request) => request.form)).toEqual([
      { image_url: 'https://media.plume.example/a.jpg', is_carousel_item: 'true' },
      { media_type: 'VIDEO', video_url: 'https://media.plume.example/b.mp4', is_carousel_item: 'true' },
      { media_type: 'CAROUSEL', children: `${first},${second}`, caption: 'Three views' },
    ]);
    expect(ig.server.calls('POST', /media_publish$/)[0]!.form).toEqual({ creation_id: carousel });
  });

  it.each([
    [
      'ERROR with a permanent code',
      { state: 'ERROR' as const, detail: 'Error: Media upload has failed with error code 2207026' },
      'permanent',
      '2207026',
    ],
    [
      'ERROR after a download timeout',
      { state: 'ERROR' as const, detail: 'Error: 2207003 timeout downloading media' },
      'transient',
      '2207003',
    ],
    ['EXPIRED', { state: 'EXPIRED' as const }, 'transient', 'EXPIRED'],
  ])('a container in %s fails without publishing', async (_name, state, kind, code) => {
    ig.store.scripts.push([{ state: 'IN_PROGRESS' }, state]);
    const error = await rejection(connector().publish(credentials, { text: '', media: [video('v')] }));
    expect(error.kind).toBe(kind);
    expect(error.details.platformCode).toBe(code);
    expect(ig.server.calls('POST', /media_publish$/)).toHaveLength(0);
  });

  it('gives up (transient) when processing outlasts the deadline, before any publish', async () => {
    ig.store.scripts.push(processing(100));
    const error = await rejection(connector().publish(credentials, { text: '', media: [video('v')] }));
    expect(error.kind).toBe('transient');
    expect(error.message).toContain('still processing after 10 s');
    expect(env.sleeps.reduce((sum, ms) => sum + ms, 0)).toBe(10_000);
    expect(ig.server.calls('POST', /media_publish$/)).toHaveLength(0);
  });

  it('retries media_publish on the same container after "media not ready" and an unknown error', async () => {
    ig.server.failNext(
      'POST',
      /media_publish$/,
      graphError(400, { message: 'Media ID is not available', code: 9007, error_subcode: 2207027 }),
    );
    ig.server.failNext(
      'POST',
      /media_publish$/,
      graphError(500, { message: 'An unknown error occurred', code: 1, is_transient: true }),
    );
    const result = await connector().publish(credentials, { text: 'x', media: [image('a')] });
    const publishes = ig.server.calls('POST', /media_publish$/);
    expect(publishes).toHaveLength(3);
    expect(new Set(publishes.map((request) => request.form.creation_id)).size).toBe(1);
    expect(ig.published.size).toBeGreaterThan(0);
    expect(result.platformPostId).toBe([...ig.published.keys()].at(-1));
  });

  it('reports unknown_outcome when media_publish times out but the container was published', async () => {
    const before = ig.published.size;
    env.context.timeoutMs = TEST_TIMEOUT_MS;
    ig.server.failNext('POST', /media_publish$/, (request) => {
      const container = ig.store.containers.get(request.form.creation_id!)!;
      ig.store.markPublished(container);
      ig.published.set('17999999999999999', {
        id: '17999999999999999',
        containerId: container.id,
        publishedAt: ig.state.now(),
      });
      return { body: { id: '17999999999999999' }, delayMs: TOO_LATE_MS };
    });
    const error = await rejection(connector().publish(credentials, { text: 'x', media: [image('a')] }));
    expect(error.kind).toBe('unknown_outcome');
    expect(ig.server.calls('POST', /media_publish$/)).toHaveLength(1);
    expect(ig.published.size).toBe(before + 1);
  });

  it('maps a slow status read to transient', async () => {
    env.context.timeoutMs = TEST_TIMEOUT_MS;
    ig.server.failNext('GET', /^\/v25\.0\/9/, {
      body: { status_code: 'FINISHED' },
      delayMs: TOO_LATE_MS,
    });
    const error = await rejection(connector().publish(credentials, { text: 'x', media: [image('a')] }));
    expect(error.kind).toBe('transient');
    expect(ig.server.calls('POST', /media_publish$/)).toHaveLength(0);
  });

  it('maps an expired token (HTTP 400, code 190) to auth', async () => {
    ig.state.validToken = 'another-token';
    const error = await rejection(connector().publish(credentials, { text: 'x', media: [image('a')] }));
    expect(error).toMatchObject({ kind: 'auth', details: { status: 400, platformCode: '463' } });
  });

  it('maps throttling (code 4 + usage headers, HTTP 429 + Retry-After) to rate_limited with the wait', async () => {
    ig.server.failNext(
      'POST',
      /\/media$/,
      graphError(
        400,
        { message: 'Application request limit reached', code: 4 },
        {
          'x-business-use-case-usage': JSON.stringify({
            [IG_USER_ID]: [
              {
                type: 'instagram',
                call_count: 100,
                total_cputime: 12,
                total_time: 20,
                estimated_time_to_regain_access: 5,
              },
            ],
          }),
        },
      ),
    );
    const throttled = await rejection(connector().publish(credentials, { text: 'x', media: [image('a')] }));
    expect(throttled).toMatchObject({
      kind: 'rate_limited',
      details: { platformCode: '4', retryAfterSeconds: 300 },
    });

    ig.server.failNext('POST', /\/media$/, { status: 429, headers: { 'retry-after': '42' } });
    const limited = await rejection(connector().publish(credentials, { text: 'x', media: [image('a')] }));
    expect(limited).toMatchObject({ kind: 'rate_limited', details: { status: 429, retryAfterSeconds: 42 } });
  });

  it('maps the daily publishing limit (2207042) to rate_limited and a 5xx on a read to transient', async () => {
    ig.server.failNext(
      'POST',
      /media_publish$/,
      graphError(400, {
        message: 'You reached the maximum number of posts',
        code: 9,
        error_subcode: 2207042,
      }),
    );
    expect((await rejection(connector().publish(credentials, { text: 'x', media: [image('a')] }))).kind).toBe(
      'rate_limited',
    );

    ig.server.failNext('GET', /^\/v25\.0\/9/, { status: 503, body: 'Service Unavailable' });
    expect((await rejection(connector().publish(credentials, { text: 'x', media: [image('a')] }))).kind).toBe(
      'transient',
    );
  });

  it('keeps a published post when the first comment fails, with a warning', async () => {
    ig.server.failNext(
      'POST',
      /\/comments$/,
      graphError(400, { message: 'Comments are turned off for this post', code: 100 }),
    );
    const result = await connector().publish(credentials, {
      text: 'x',
      media: [image('a')],
      firstComment: 'hello',
    });
    expect(result.platformPostId).toBe([...ig.published.keys()].at(-1));
    expect(result.followUpIds).toEqual([]);
    expect(result.warnings).toEqual([
      'The first comment was not posted: Comments are turned off for this post',
    ]);
  });
});

describe('Instagram quota and metrics', () => {
  it('reads content_publishing_limit', async () => {
    expect(await connector().quota!(credentials)).toEqual({ used: 3, limit: 50, windowSeconds: 86_400 });
    expect(ig.server.requests[0]).toMatchObject({
      path: `/v25.0/${IG_USER_ID}/content_publishing_limit`,
      query: { fields: 'quota_usage,config' },
    });
  });

  it('reads counts and insights, tolerates missing insights and skips deleted media', async () => {
    await connector().publish(credentials, { text: 'x', media: [image('a')] });
    await connector().publish(credentials, { text: 'y', media: [image('b')] });
    const [first, second] = [...ig.published.keys()].slice(-2) as [string, string];
    ig.state.metrics.set(first, {
      like_count: 12,
      comments_count: 3,
      insights: { views: 400, reach: 300, saved: 5, shares: 2 },
    });
    ig.state.metrics.set(second, { like_count: 1, comments_count: 0 });
    ig.server.requests.length = 0;

    const metrics = await connector().fetchMetrics(credentials, [first, second, '17000000000000404']);
    expect(metrics).toEqual([
      {
        platformPostId: first,
        likes: 12,
        comments: 3,
        impressions: 400,
        reach: 300,
        saves: 5,
        shares: 2,
        videoViews: undefined,
        fetchedAt: env.clock.now(),
      },
      {
        platformPostId: second,
        likes: 1,
        comments: 0,
        impressions: undefined,
        reach: undefined,
        saves: undefined,
        shares: undefined,
        videoViews: undefined,
        fetchedAt: env.clock.now(),
      },
    ]);
    expect(ig.server.requests[1]).toMatchObject({
      path: `/v25.0/${first}/insights`,
      query: { metric: 'views,reach,saved,shares' },
    });
  });
});
