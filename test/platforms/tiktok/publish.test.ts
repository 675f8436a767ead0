import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError, type PostDraft } from '../../../functions/platforms/connector';
import { createTikTokConnector, type TikTokConnectorOptions } from '../../../functions/platforms/tiktok';
import {
  ACCESS_TOKEN,
  PHOTO_PUBLISH_ID,
  VIDEO_ID,
  VIDEO_PUBLISH_ID,
  apiError,
  creatorCredentials,
  mediaFile,
  startTikTokStandin,
  statusReply,
  tiktokTestContext,
  type TikTokStandin,
} from '../support/tiktok-standin';

let standin: TikTokStandin;
const sleeps: number[] = [];
const sleep = async (ms: number) => {
  sleeps.push(ms);
};

beforeEach(async () => {
  standin = await startTikTokStandin();
  sleeps.length = 0;
});
afterEach(() => standin.close());

function connector(options: TikTokConnectorOptions & { timeoutMs?: number } = {}) {
  return createTikTokConnector(tiktokTestContext(standin, options.timeoutMs), {
    sleep,
    statusPollIntervalMs: 5_000,
    statusPollAttempts: 4,
    ...options,
  });
}

function videoDraft(overrides: Partial<PostDraft> = {}): PostDraft {
  return {
    text: 'Behind the scenes #plume @friend',
    media: [mediaFile(standin, 'clip.mp4', Buffer.from('0123456789'))],
    options: { privacyLevel: 'PUBLIC_TO_EVERYONE', disableComment: true, aiGenerated: true },
    ...overrides,
  };
}

async function publishError(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

describe('TikTok Direct Post: video', () => {
  it('queries the creator, inits a FILE_UPLOAD, uploads, polls and keeps the 19-digit post id exact', async () => {
    const result = await connector().publish(creatorCredentials(), videoDraft());

    expect(result).toEqual({
      platformPostId: VIDEO_ID,
      url: `https://www.tiktok.com/@plume.creator/video/${VIDEO_ID}`,
    });
    expect(standin.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v2/post/publish/creator_info/query/',
      'GET /media/clip.mp4',
      'POST /v2/post/publish/video/init/',
      'PUT /upload/',
      'POST /v2/post/publish/status/fetch/',
      'POST /v2/post/publish/status/fetch/',
    ]);
    const [creator] = standin.find('POST /v2/post/publish/creator_info/query/');
    expect(creator!.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(creator!.headers['content-type']).toBe('application/json; charset=UTF-8');

    const [init] = standin.find('POST /v2/post/publish/video/init/');
    expect(init!.json).toEqual({
      post_info: {
        title: 'Behind the scenes #plume @friend',
        privacy_level: 'PUBLIC_TO_EVERYONE',
        disable_comment: true,
        // The creator turned duets off in TikTok, so the post keeps them off.
        disable_duet: true,
        disable_stitch: false,
        brand_content_toggle: false,
        brand_organic_toggle: false,
        is_aigc: true,
      },
      source_info: { source: 'FILE_UPLOAD', video_size: 10, chunk_size: 10, total_chunk_count: 1 },
    });

    const [upload] = standin.find('PUT /upload/');
    expect(upload!.rawUrl).toBe('/upload/?upload_id=67890&upload_token=Xza123');
    expect(upload!.headers['content-range']).toBe('bytes 0-9/10');
    expect(upload!.headers['content-type']).toBe('video/mp4');
    expect(upload!.headers.authorization).toBeUndefined();
    expect(upload!.body.toString()).toBe('0123456789');

    expect(standin.find('POST /v2/post/publish/status/fetch/')[0]!.json).toEqual({
      publish_id: VIDEO_PUBLISH_ID,
    });
    expect(sleeps).toEqual([5_000]);
  });

  it('uploads a large file in sequential chunks, the last one taking the trailing bytes', async () => {
    const media = [mediaFile(standin, 'long.mp4', Buffer.from('abcdefghijklm'))];
    await connector({ singleChunkMaxBytes: 8, chunkSizeBytes: 4 }).publish(
      creatorCredentials(),
      videoDraft({ media }),
    );

    expect(
      (standin.find('POST /v2/post/publish/video/init/')[0]!.json as { source_info: unknown }).source_info,
    ).toEqual({
      source: 'FILE_UPLOAD',
      video_size: 13,
      chunk_size: 4,
      total_chunk_count: 3,
    });
    const uploads = standin.find('PUT /upload/');
    expect(uploads.map((request) => request.headers['content-range'])).toEqual([
      'bytes 0-3/13',
      'bytes 4-7/13',
      'bytes 8-12/13',
    ]);
    expect(standin.uploaded.map(String)).toEqual(['abcd', 'efgh', 'ijklm']);
  });

  it('refuses a privacy level the creator cannot use, or none, before anything is uploaded', async () => {
    const noPrivacy = await publishError(
      connector().publish(creatorCredentials(), videoDraft({ options: {} })),
    );
    expect(noPrivacy.kind).toBe('permanent');
    const notOffered = await publishError(
      connector().publish(
        creatorCredentials(),
        videoDraft({ options: { privacyLevel: 'FOLLOWER_OF_CREATOR' } }),
      ),
    );
    expect(notOffered).toMatchObject({
      kind: 'permanent',
      details: { platformCode: 'privacy_level_option_mismatch' },
    });
    expect(notOffered.message).toContain('PUBLIC_TO_EVERYONE, MUTUAL_FOLLOW_FRIENDS, SELF_ONLY');
    expect(standin.find('POST /v2/post/publish/video/init/')).toHaveLength(0);
  });

  it('refuses a video longer than the creator may post', async () => {
    const media = [mediaFile(standin, 'long.mp4', Buffer.from('0123456789'), { durationSeconds: 301 })];
    const error = await publishError(connector().publish(creatorCredentials(), videoDraft({ media })));
    expect(error).toMatchObject({ kind: 'permanent', details: { platformCode: 'duration_check_failed' } });
    expect(standin.find('POST /v2/post/publish/video/init/')).toHaveLength(0);
  });

  it('uses the publish_id when TikTok gives no public post id yet (private post or moderation)', async () => {
    standin.statuses = [statusReply('PUBLISH_COMPLETE', ',"publicaly_available_post_id":[]')];
    const result = await connector().publish(
      creatorCredentials(),
      videoDraft({ options: { privacyLevel: 'SELF_ONLY' } }),
    );
    expect(result).toEqual({ platformPostId: VIDEO_PUBLISH_ID });
  });

  it('maps FAILED statuses by fail_reason: format problems are permanent, internal errors transient', async () => {
    standin.statuses = [
      statusReply('PROCESSING_UPLOAD'),
      statusReply('FAILED', ',"fail_reason":"frame_rate_check_failed"'),
    ];
    const format = await publishError(connector().publish(creatorCredentials(), videoDraft()));
    expect(format).toMatchObject({ kind: 'permanent', details: { platformCode: 'frame_rate_check_failed' } });
    expect(format.message).toContain('23 and 60 FPS');

    standin.statuses = [statusReply('FAILED', ',"fail_reason":"internal"')];
    expect((await publishError(connector().publish(creatorCredentials(), videoDraft()))).kind).toBe(
      'transient',
    );
  });

  it('keeps polling through read errors and reports the post still processing as unknown_outcome', async () => {
    standin.statuses = [
      apiError(500, 'internal_error', 'Something went wrong'),
      statusReply('PROCESSING_UPLOAD'),
    ];
    const error = await publishError(connector().publish(creatorCredentials(), videoDraft()));
    expect(error.kind).toBe('unknown_outcome');
    expect(error.message).toContain(VIDEO_PUBLISH_ID);
    expect(standin.find('POST /v2/post/publish/status/fetch/')).toHaveLength(4);
    expect(sleeps).toEqual([5_000, 5_000, 5_000]);
  });

  it('recovers from a failed status read when a later read completes', async () => {
    standin.statuses = [
      apiError(503, 'internal_error', 'busy'),
      statusReply('PUBLISH_COMPLETE', `,"publicaly_available_post_id":[${VIDEO_ID}]`),
    ];
    expect((await connector().publish(creatorCredentials(), videoDraft())).platformPostId).toBe(VIDEO_ID);
  });

  it('reports a draft landing in the inbox with a warning', async () => {
    standin.statuses = [statusReply('SEND_TO_USER_INBOX')];
    const result = await connector().publish(creatorCredentials(), videoDraft());
    expect(result.platformPostId).toBe(VIDEO_PUBLISH_ID);
    expect(result.warnings?.[0]).toContain('inbox');
  });

  it('treats a timeout on the last chunk as unknown_outcome but on init as transient', async () => {
    standin.override('PUT /upload/', { status: 201, delayMs: 600 });
    expect(
      (await publishError(connector({ timeoutMs: 150 }).publish(creatorCredentials(), videoDraft()))).kind,
    ).toBe('unknown_outcome');

    standin.override('POST /v2/post/publish/video/init/', { status: 200, body: {}, delayMs: 600 });
    const init = await publishError(
      connector({ timeoutMs: 150 }).publish(creatorCredentials(), videoDraft()),
    );
    expect(init.kind).toBe('transient');
  });

  it('treats a timeout on an earlier chunk as transient (nothing can be published yet)', async () => {
    standin.override('PUT /upload/', { status: 206, delayMs: 600 });
    const media = [mediaFile(standin, 'long.mp4', Buffer.from('abcdefghij'))];
    const error = await publishError(
      connector({ timeoutMs: 150, singleChunkMaxBytes: 4, chunkSizeBytes: 5 }).publish(
        creatorCredentials(),
        videoDraft({ media }),
      ),
    );
    expect(error.kind).toBe('transient');
  });
});

describe('TikTok Direct Post: photos', () => {
  it('inits a PULL_FROM_URL photo post (the point of no return) and polls it', async () => {
    standin.statuses = [
      statusReply('PROCESSING_DOWNLOAD'),
      statusReply('PUBLISH_COMPLETE', `,"publicaly_available_post_id":[${VIDEO_ID}]`),
    ];
    const media = ['a', 'b'].map((name) =>
      mediaFile(standin, `${name}.jpg`, Buffer.from(name), {
        kind: 'image',
        mimeType: 'image/jpeg',
        durationSeconds: undefined,
      }),
    );
    const result = await connector().publish(creatorCredentials(), {
      text: 'Two photos',
      media,
      options: {
        privacyLevel: 'MUTUAL_FOLLOW_FRIENDS',
        photoTitle: 'Trip',
        autoAddMusic: false,
        yourBrand: true,
      },
    });

    expect(result.platformPostId).toBe(VIDEO_ID);
    expect(standin.find('POST /v2/post/publish/content/init/')[0]!.json).toEqual({
      post_info: {
        title: 'Trip',
        description: 'Two photos',
        privacy_level: 'MUTUAL_FOLLOW_FRIENDS',
        disable_comment: false,
        auto_add_music: false,
        brand_content_toggle: false,
        brand_organic_toggle: true,
      },
      source_info: {
        source: 'PULL_FROM_URL',
        photo_cover_index: 0,
        photo_images: [media[0]!.url, media[1]!.url],
      },
      post_mode: 'DIRECT_POST',
      media_type: 'PHOTO',
    });
    // TikTok pulls the photos itself; Plume never downloads them.
    expect(standin.find('GET /media/a.jpg')).toHaveLength(0);
    expect(standin.find('POST /v2/post/publish/status/fetch/')[0]!.json).toEqual({
      publish_id: PHOTO_PUBLISH_ID,
    });
  });

  it('treats a photo init that times out as unknown_outcome and an unverified URL as permanent', async () => {
    const media = [mediaFile(standin, 'a.jpg', Buffer.from('a'), { kind: 'image', mimeType: 'image/jpeg' })];
    const draft = { text: 'x', media, options: { privacyLevel: 'SELF_ONLY' } };
    standin.override('POST /v2/post/publish/content/init/', { status: 200, body: {}, delayMs: 600 });
    expect(
      (await publishError(connector({ timeoutMs: 150 }).publish(creatorCredentials(), draft))).kind,
    ).toBe('unknown_outcome');

    standin.override(
      'POST /v2/post/publish/content/init/',
      apiError(403, 'url_ownership_unverified', 'Please review our URL ownership verification rules.'),
    );
    const unverified = await publishError(connector().publish(creatorCredentials(), draft));
    expect(unverified).toMatchObject({
      kind: 'permanent',
      details: { status: 403, platformCode: 'url_ownership_unverified' },
    });
  });
});

describe('TikTok error mapping', () => {
  it('maps an invalid token to auth', async () => {
    const error = await publishError(
      connector().publish(creatorCredentials({ accessToken: 'expired' }), videoDraft()),
    );
    expect(error).toMatchObject({
      kind: 'auth',
      details: { status: 401, platformCode: 'access_token_invalid' },
    });
    expect(error.message).toContain('log-access_token_invalid');
  });

  it('maps rate limits: Retry-After when sent, a minute otherwise, an hour for daily caps', async () => {
    standin.override(
      'POST /v2/post/publish/video/init/',
      apiError(429, 'rate_limit_exceeded', 'API rate limit was exceeded.'),
    );
    expect(await publishError(connector().publish(creatorCredentials(), videoDraft()))).toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterSeconds: 60 },
    });

    standin.override(
      'POST /v2/post/publish/video/init/',
      apiError(429, 'rate_limit_exceeded', 'API rate limit was exceeded.', { 'retry-after': '17' }),
    );
    expect(await publishError(connector().publish(creatorCredentials(), videoDraft()))).toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterSeconds: 17 },
    });

    standin.override(
      'POST /v2/post/publish/creator_info/query/',
      apiError(403, 'spam_risk_too_many_posts', 'The daily post cap is reached.'),
    );
    expect(await publishError(connector().publish(creatorCredentials(), videoDraft()))).toMatchObject({
      kind: 'rate_limited',
      details: { platformCode: 'spam_risk_too_many_posts', retryAfterSeconds: 3600 },
    });
  });

  it('maps server errors to transient and a banned creator to permanent', async () => {
    standin.override(
      'POST /v2/post/publish/video/init/',
      apiError(500, 'internal_error', 'Something went wrong.'),
    );
    expect((await publishError(connector().publish(creatorCredentials(), videoDraft()))).kind).toBe(
      'transient',
    );

    standin.override(
      'POST /v2/post/publish/creator_info/query/',
      apiError(403, 'spam_risk_user_banned_from_posting', 'The user is banned from posting.'),
    );
    expect((await publishError(connector().publish(creatorCredentials(), videoDraft()))).kind).toBe(
      'permanent',
    );
  });
});
