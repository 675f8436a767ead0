import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  PlatformError,
  type AccountCredentials,
  type MediaItem,
} from '../../../functions/platforms/connector';
import { createFacebookConnector } from '../../../functions/platforms/facebook';
import {
  graphError,
  metaTestContext,
  TEST_TIMEOUT_MS,
  TOO_LATE_MS,
  type MetaTestContext,
} from '../support/meta-graph-stand-in';
import {
  FB_APP,
  FB_CODE,
  FB_TOKENS,
  FB_VERIFIER,
  facebookEndpoints,
  PAGE_A,
  PAGE_C,
  PHOTO_BYTES,
  startFacebookStandIn,
} from '../support/facebook-stand-in';

let fb: ReturnType<typeof startFacebookStandIn>;
let env: MetaTestContext;

beforeAll(async () => {
  fb = startFacebookStandIn();
  await fb.server.start();
});
afterAll(() => fb.server.close());

beforeEach(() => {
  fb.server.requests.length = 0;
  env = metaTestContext(facebookEndpoints(fb.server.baseUrl));
});

const connector = () => createFacebookConnector(env.context);
const page: AccountCredentials = { accountId: PAGE_A, accessToken: FB_TOKENS.pageA, scopes: [] };

function photo(name: string): MediaItem {
  return {
    id: name,
    kind: 'image',
    mimeType: 'image/jpeg',
    bytes: PHOTO_BYTES.length,
    url: `${fb.server.baseUrl}/media/${name}`,
  };
}

async function rejection(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

function oauth() {
  const connect = connector().connect;
  if (connect.kind !== 'oauth2') throw new Error('expected OAuth');
  return connect;
}

describe('Facebook connect', () => {
  it('builds the Login dialog URL with PKCE (S256) and the Page scopes', () => {
    const url = new URL(
      oauth().authorizationUrl({
        client: FB_APP,
        state: 'st-3',
        codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://www.facebook.com/v25.0/dialog/oauth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: FB_APP.clientId,
      redirect_uri: FB_APP.redirectUri,
      state: 'st-3',
      response_type: 'code',
      scope:
        'pages_show_list,pages_read_engagement,pages_manage_posts,pages_manage_engagement,read_insights,publish_video,pages_read_user_content',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
  });

  it('walks the token ladder to one Page token per publishable Page', async () => {
    const result = await oauth().exchangeCode({ client: FB_APP, code: FB_CODE, codeVerifier: FB_VERIFIER });
    const [code, longLived, permissions, ...accounts] = fb.server.requests;
    expect(code).toMatchObject({ method: 'GET', path: '/v25.0/oauth/access_token' });
    expect(code!.query).toEqual({
      client_id: FB_APP.clientId,
      redirect_uri: FB_APP.redirectUri,
      client_secret: FB_APP.clientSecret,
      code: FB_CODE,
      code_verifier: FB_VERIFIER,
    });
    expect(longLived!.query).toEqual({
      grant_type: 'fb_exchange_token',
      client_id: FB_APP.clientId,
      client_secret: FB_APP.clientSecret,
      fb_exchange_token: FB_TOKENS.short,
    });
    expect(permissions).toMatchObject({ path: '/v25.0/me/permissions' });
    expect(permissions!.headers.authorization).toBe(`Bearer ${FB_TOKENS.long}`);
    // Three Pages, one per batch, followed through the `after` cursor.
    expect(accounts.map((request) => request.query.after)).toEqual([undefined, '1', '2']);
    expect(accounts[0]!.query).toMatchObject({
      fields: 'id,name,username,link,category,access_token,tasks,picture{url}',
      limit: '100',
    });

    // Page tokens from a long-lived user token do not expire: no expiresAt.
    expect(result.tokens).toEqual({
      accessToken: FB_TOKENS.pageA,
      scopes: expect.arrayContaining(['pages_manage_posts']),
    });
    expect(result.profile).toMatchObject({
      accountId: PAGE_A,
      name: 'Plume Bakery',
      handle: 'plumebakery',
      avatarUrl: `https://scontent.example/${PAGE_A}.jpg`,
      profileUrl: `https://www.facebook.com/${PAGE_A}`,
    });
    // The analytics-only Page (no CREATE_CONTENT task) is left out.
    expect(
      result.additionalAccounts?.map((account) => [account.profile.accountId, account.tokens.accessToken]),
    ).toEqual([[PAGE_C, FB_TOKENS.pageC]]);
  });

  it('refuses a grant without pages_manage_posts and a grant with no publishable Page', async () => {
    const granted = fb.state.granted;
    fb.state.granted = granted.filter((scope) => scope !== 'pages_manage_posts');
    const missing = await rejection(
      oauth().exchangeCode({ client: FB_APP, code: FB_CODE, codeVerifier: FB_VERIFIER }),
    );
    expect(missing).toMatchObject({ kind: 'auth', message: expect.stringContaining('pages_manage_posts') });
    fb.state.granted = granted;

    const pages = fb.state.pages;
    fb.state.pages = pages.filter((item) => !item.tasks.includes('CREATE_CONTENT'));
    expect(
      (await rejection(oauth().exchangeCode({ client: FB_APP, code: FB_CODE, codeVerifier: FB_VERIFIER })))
        .kind,
    ).toBe('permanent');
    fb.state.pages = pages;
  });

  it('a wrong PKCE verifier fails the exchange', async () => {
    const error = await rejection(
      oauth().exchangeCode({ client: FB_APP, code: FB_CODE, codeVerifier: 'wrong' }),
    );
    expect(error).toMatchObject({ kind: 'permanent', message: 'Invalid verification code format.' });
  });
});

describe('Facebook publish', () => {
  it('publishes text to /{page}/feed with the Page token', async () => {
    const result = await connector().publish(page, { text: 'Fresh croissants at 7', media: [] });
    expect(fb.server.requests).toHaveLength(1);
    expect(fb.server.requests[0]).toMatchObject({
      method: 'POST',
      path: `/v25.0/${PAGE_A}/feed`,
      form: { message: 'Fresh croissants at 7' },
    });
    expect(fb.server.requests[0]!.headers.authorization).toBe(`Bearer ${FB_TOKENS.pageA}`);
    const post = [...fb.posts.values()].at(-1)!;
    expect(result).toEqual({ platformPostId: post.id, url: `https://www.facebook.com/${post.id}` });
  });

  it('uploads photo bytes unpublished, then attaches them to one feed post, then comments', async () => {
    const result = await connector().publish(page, {
      text: 'Two loaves',
      media: [photo('a.jpg'), photo('b.jpg')],
      firstComment: 'Order online',
    });
    const uploads = fb.server.calls('POST', /\/photos$/);
    expect(uploads).toHaveLength(2);
    for (const upload of uploads) {
      expect(upload.form).toEqual({ published: 'false' });
      expect(upload.files.source!.bytes.equals(PHOTO_BYTES)).toBe(true);
      expect(upload.files.source!.type).toBe('image/jpeg');
    }
    const photoIds = [...fb.photos.keys()].slice(-2);
    const feed = fb.server.calls('POST', /\/feed$/)[0]!;
    expect(feed.form).toEqual({
      message: 'Two loaves',
      'attached_media[0]': JSON.stringify({ media_fbid: photoIds[0] }),
      'attached_media[1]': JSON.stringify({ media_fbid: photoIds[1] }),
    });
    const post = [...fb.posts.values()].at(-1)!;
    expect(fb.server.calls('POST', /\/comments$/)[0]).toMatchObject({
      path: `/v25.0/${post.id}/comments`,
      form: { message: 'Order online' },
    });
    expect(result).toMatchObject({ platformPostId: post.id, followUpIds: [fb.comments.at(-1)!.id] });
  });

  it('publishes a video by file_url on the graph-video host', async () => {
    const clip: MediaItem = {
      id: 'v',
      kind: 'video',
      mimeType: 'video/mp4',
      bytes: 10_000_000,
      url: 'https://bucket.s3.amazonaws.com/v.mp4?X-Amz-Signature=abc',
    };
    const result = await connector().publish(page, { text: 'Kneading', media: [clip] });
    expect(fb.server.requests[0]).toMatchObject({
      method: 'POST',
      path: `/video/v25.0/${PAGE_A}/videos`,
      form: { file_url: clip.url, published: 'true', description: 'Kneading' },
    });
    const id = [...fb.videos.keys()].at(-1)!;
    expect(result).toEqual({ platformPostId: id, url: `https://www.facebook.com/${PAGE_A}/videos/${id}` });
  });

  it('an unreadable media file fails transient before anything is posted', async () => {
    const error = await rejection(connector().publish(page, { text: 'x', media: [photo('missing.jpg')] }));
    expect(error.kind).toBe('transient');
    expect(fb.server.calls('POST', /\/(photos|feed)$/)).toHaveLength(0);
  });

  it.each([
    [
      'expired Page token (190/463)',
      'auth',
      graphError(400, {
        message: 'Error validating access token: Session has expired',
        code: 190,
        error_subcode: 463,
      }),
    ],
    [
      'Page Publishing Authorization (1404078)',
      'auth',
      graphError(400, {
        message: 'Page publishing authorization required',
        code: 200,
        error_subcode: 1404078,
      }),
    ],
    [
      'missing permission (#200)',
      'auth',
      graphError(403, {
        message: '(#200) The user hasn’t authorized the application to perform this action',
        code: 200,
      }),
    ],
    [
      'Page throttling (32)',
      'rate_limited',
      graphError(400, { message: 'Page request limit reached', code: 32 }),
    ],
    [
      'policy block (368)',
      'rate_limited',
      graphError(400, {
        message: 'It looks like you were misusing this feature by going too fast',
        code: 368,
        error_subcode: 1390008,
      }),
    ],
    [
      'duplicate post (506)',
      'permanent',
      graphError(400, {
        message: 'Duplicate status message',
        code: 506,
        error_user_msg: 'This status update is identical to the last one you posted.',
      }),
    ],
    [
      'unknown error on a create (1)',
      'unknown_outcome',
      graphError(500, { message: 'An unknown error has occurred.', code: 1 }),
    ],
    [
      'HTTP 401 without a Graph code',
      'auth',
      { status: 401, body: { error: { message: 'Authentication required', type: 'OAuthException' } } },
    ],
    [
      'service down (2)',
      'transient',
      graphError(503, { message: 'Service temporarily unavailable', code: 2, is_transient: true }),
    ],
  ] as const)('maps %s on /feed to %s', async (_name, kind, reply) => {
    fb.server.failNext('POST', /\/feed$/, reply);
    const error = await rejection(connector().publish(page, { text: 'x', media: [] }));
    expect(error.kind).toBe(kind);
  });

  it('shows Meta’s user message verbatim and honours the business usage header', async () => {
    fb.server.failNext(
      'POST',
      /\/feed$/,
      graphError(400, {
        message: 'Duplicate status message',
        code: 506,
        error_user_msg: 'This status update is identical to the last one you posted.',
      }),
    );
    const duplicate = await rejection(connector().publish(page, { text: 'x', media: [] }));
    expect(duplicate).toMatchObject({
      message: 'This status update is identical to the last one you posted.',
      details: { platformCode: '506', status: 400 },
    });

    fb.server.failNext(
      'POST',
      /\/feed$/,
      graphError(
        400,
        { message: 'User request limit reached', code: 80001 },
        {
          'x-business-use-case-usage': JSON.stringify({
            [PAGE_A]: [
              {
                type: 'pages',
                call_count: 100,
                total_cputime: 9,
                total_time: 14,
                estimated_time_to_regain_access: 12,
              },
            ],
          }),
        },
      ),
    );
    const throttled = await rejection(connector().publish(page, { text: 'x', media: [] }));
    expect(throttled).toMatchObject({ kind: 'rate_limited', details: { retryAfterSeconds: 720 } });
    expect(env.logger.entries.some((entry) => entry.level === 'warn' && entry.message.includes('100%'))).toBe(
      true,
    );
  });

  it('a feed post that times out is unknown_outcome; a photo upload that times out is transient', async () => {
    env.context.timeoutMs = TEST_TIMEOUT_MS;
    fb.server.failNext('POST', /\/feed$/, { body: { id: `${PAGE_A}_999` }, delayMs: TOO_LATE_MS });
    expect((await rejection(connector().publish(page, { text: 'x', media: [] }))).kind).toBe(
      'unknown_outcome',
    );

    fb.server.failNext('POST', /\/photos$/, { body: { id: '2000999' }, delayMs: TOO_LATE_MS });
    expect((await rejection(connector().publish(page, { text: 'x', media: [photo('a.jpg')] }))).kind).toBe(
      'transient',
    );
    expect(fb.server.calls('POST', /\/feed$/)).toHaveLength(1);
  });

  it('keeps the live post when the first comment fails', async () => {
    fb.server.failNext(
      'POST',
      /\/comments$/,
      graphError(400, { message: '(#200) Permissions error', code: 200 }),
    );
    const result = await connector().publish(page, { text: 'x', media: [], firstComment: 'hello' });
    expect(result.platformPostId).toBe([...fb.posts.keys()].at(-1));
    expect(result.warnings).toEqual(['The first comment was not posted: (#200) Permissions error']);
  });
});

describe('Facebook metrics', () => {
  it('reads reactions, comments, shares and insights; videos from video_insights; deleted posts are skipped', async () => {
    const post = await connector().publish(page, { text: 'metrics', media: [] });
    const clip = await connector().publish(page, {
      text: '',
      media: [
        { id: 'v', kind: 'video', mimeType: 'video/mp4', bytes: 1, url: 'https://bucket.example/v.mp4' },
      ],
    });
    fb.state.counts.set(post.platformPostId, {
      reactions: 14,
      comments: 3,
      shares: 2,
      insights: { post_total_media_view_unique: 350, post_clicks: 21 },
    });
    fb.state.counts.set(clip.platformPostId, { reactions: 5, comments: 1 });
    fb.server.requests.length = 0;

    const metrics = await connector().fetchMetrics(page, [
      post.platformPostId,
      clip.platformPostId,
      `${PAGE_A}_404`,
    ]);
    expect(metrics).toEqual([
      {
        platformPostId: post.platformPostId,
        likes: 14,
        comments: 3,
        shares: 2,
        reach: 350,
        clicks: 21,
        videoViews: undefined,
        fetchedAt: env.clock.now(),
      },
      {
        platformPostId: clip.platformPostId,
        likes: 5,
        comments: 1,
        shares: undefined,
        reach: undefined,
        clicks: undefined,
        videoViews: undefined,
        fetchedAt: env.clock.now(),
      },
    ]);
    expect(
      fb.server.requests.map((request) => [request.path, request.query.fields ?? request.query.metric]),
    ).toEqual([
      [
        `/v25.0/${post.platformPostId}`,
        'shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)',
      ],
      [`/v25.0/${post.platformPostId}/insights`, 'post_total_media_view_unique,post_clicks'],
      [
        `/v25.0/${clip.platformPostId}`,
        'reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)',
      ],
      [`/v25.0/${clip.platformPostId}/video_insights`, 'total_video_views'],
      [
        `/v25.0/${PAGE_A}_404`,
        'shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)',
      ],
    ]);
  });

  it('an invalid Page token stops metrics with auth', async () => {
    expect(
      (await rejection(connector().fetchMetrics({ ...page, accessToken: 'revoked' }, [`${PAGE_A}_1`]))).kind,
    ).toBe('auth');
  });
});
